#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace knotie {

// The base of the portal's list models (customers, team, audit, usage; the keys have
// their KeyStore): rows kept by id, so a sync updates them in place (changed rows emit
// dataChanged, new ones rowsInserted) and nothing resets the view but a first load. No Q_OBJECT here (a
// template cannot have one); each subclass has its own.
template <typename T> class RowTableModel : public QAbstractTableModel {
public:
    using IdOf = QString (*)(const T &);
    RowTableModel(IdOf idOf, int columns, QObject *parent)
        : QAbstractTableModel(parent)
        , m_idOf(idOf)
        , m_columns(columns) {}

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : m_columns;
    }

    const QList<T> &rows() const { return m_rows; }
    const T &rowAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &id) const { return m_index.value(id, -1); }

protected:
    bool validIndex(const QModelIndex &index) const {
        return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid);
    }

    void resetRows(QList<T> rows) {
        beginResetModel();
        m_rows = std::move(rows);
        reindex();
        endResetModel();
    }

    // New rows are appended in one insertion; changed rows are updated where they are.
    void upsertRows(const QList<T> &incoming) {
        QList<T> added;
        for (const T &row : incoming) {
            const int at = rowOf(m_idOf(row));
            if (at < 0) {
                added.append(row);
                continue;
            }
            if (m_rows[at] == row)
                continue;
            m_rows[at] = row;
            Q_EMIT dataChanged(index(at, 0), index(at, m_columns - 1));
        }
        if (added.isEmpty())
            return;
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (T &row : added) {
            m_index.insert(m_idOf(row), int(m_rows.size()));
            m_rows.append(std::move(row));
        }
        endInsertRows();
    }

    // For newest-first lists (the audit log): unknown rows go on top, newest first.
    void prependRows(const QList<T> &oldestFirst) {
        QList<T> added;
        for (const T &row : oldestFirst)
            if (rowOf(m_idOf(row)) < 0)
                added.prepend(row);
        if (added.isEmpty())
            return;
        beginInsertRows({}, 0, int(added.size()) - 1);
        m_rows = added + m_rows;
        reindex();
        endInsertRows();
    }

    void columnChanged(int column) {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, column), index(int(m_rows.size()) - 1, column));
    }

private:
    void reindex() {
        m_index.clear();
        m_index.reserve(m_rows.size());
        for (int i = 0; i < m_rows.size(); ++i)
            m_index.insert(m_idOf(m_rows[i]), i);
    }

    IdOf m_idOf;
    int m_columns;
    QList<T> m_rows;
    QHash<QString, int> m_index;
};

} // namespace knotie
