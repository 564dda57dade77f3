#pragma once

#include "models/items/keyfilter.h"

#include "models/data/apikey.h"

#include <QAbstractProxyModel>
#include <QList>
#include <QSet>

#include <optional>
#include <vector>

namespace knotie {

class KeySearchText;
class KeyTableModel;

// Filters and sorts the key table. Both read the keys' typed fields straight from the
// KeyTableModel: the default QVariant path costs 8–10× on 100,000 rows (STYLE.md).
// Revoked and expired keys are hidden unless asked for.
//
// Its own proxy rather than a QSortFilterProxyModel: a filter change here is one pass over
// the keys in the column's order, announced as one layout change. QSortFilterProxyModel
// inserts the rows a wider search brings back interval by interval, each insertion
// rebuilding its mapping: 20–30 ms for one Backspace on 100,000 keys.
class KeyFilterProxy : public QAbstractProxyModel {
    Q_OBJECT
public:
    explicit KeyFilterProxy(QObject *parent = nullptr);

    void setKeyModel(KeyTableModel *model);
    KeyTableModel *keyModel() const { return m_keys; }

    // Matches name, description, the key as shown (prefix…last 4), customer name and
    // creator, ignoring case. A whole secret searches for its prefix and last 4.
    void setText(const QString &text);
    // Whether the text to search is prepared (in the background, after the keys change).
    bool isSearchReady() const;
    void setTypes(const QSet<KeyType> &types); // empty: every type
    void setShowRetired(bool show);
    // One of the Overview's key-health conditions (expiring soon, unused, no expiry).
    void setCondition(KeyFilter::Condition condition);
    void setCustomer(const QString &customerId); // empty: any
    void setCreator(const QString &userId);      // empty: anyone
    // One status only; asking for revoked or expired shows them even while retired keys are hidden.
    void setStatus(std::optional<KeyStatus> status); // none: any

    // A column below 0: the keys' own order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    // All the roles a view asks a cell for, through one mapping (the base maps once per role).
    void multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const override;

private:
    // Works out the rows shown and, when they differ from the rows shown now, announces
    // them as one layout change that keeps the selection and the current row.
    void refilter();
    // The same after a filter other than the text changed: each key is asked again.
    void refilterOthers();
    // The source rows that pass the filters, in the order shown.
    QList<int> rowsShown();
    QList<int> proxyRowsOf(const QList<int> &rows) const;
    // Takes `rows` as shown without announcing it: for a reset.
    void showRows(QList<int> rows);
    // Every filter but the search text: kept per source row while those filters and the
    // keys stay, so a keystroke reads no key.
    bool passesOtherFilters(const ApiKey &key, qint64 now) const;
    bool matchesText(int sourceRow);
    // The source rows in the sort column's ascending order, worked out once per column
    // and data change.
    const QList<int> &columnOrder();

    void onSourceDataChanged(const QModelIndex &from, const QModelIndex &to, const QList<int> &roles);
    // Drops what was worked out from the keys: their data changed.
    void forgetDerived();
    void forgetSearchText();

    KeyTableModel *m_keys = nullptr;
    QList<int> m_rows;      // proxy row → source row
    QList<int> m_proxyRows; // source row → proxy row, or -1 while filtered out
    // Rows changed in place by a sync: placed again once the sync's batch is in.
    bool m_pendingRefilter = false;

    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QList<int> m_order;
    int m_orderColumn = -1;

    KeySearchText *m_searchText = nullptr;
    // Per source row, where its text first holds the search text, or that it does not,
    // or that this is not known yet. What one search found carries over to the next:
    // text typed on can only match where the shorter text did or later; a row that did
    // not match cannot match a longer text. So a keystroke checks a few characters per
    // row rather than searching it.
    std::vector<quint8> m_passesOthers;
    bool m_othersKnown = false;

    static constexpr quint16 unknownMatch = 0xFFFF;
    static constexpr quint16 noMatch = 0xFFFE;
    std::vector<quint16> m_matchAt; // not a QList: no copy-on-write check per look-up
    // The first place at or after `from` where row `sourceRow` holds the search text:
    // an offset, noMatch, or unknownMatch when the offset is too far in to be kept.
    quint16 firstMatch(int sourceRow, qsizetype from) const;

    QString m_text;             // folded
    QByteArray m_searchedBytes; // the same as UTF-8, as the search text holds it
    QSet<KeyType> m_types;
    bool m_showRetired = false;
    KeyFilter::Condition m_condition = KeyFilter::Condition::None;
    QString m_customer;
    QString m_creator;
    std::optional<KeyStatus> m_status;
};

} // namespace knotie
