#pragma once

#include "models/data/apikey.h"
#include "models/items/itemroles.h"
#include "models/items/rowtablemodel.h"

#include <QHash>

namespace knotie {

// Texts for times in tables: "3 days ago", "in 2 hours"; dates beyond a month.
QString relativeTime(UnixTime time, UnixTime now);
QString keyTypeDisplayName(KeyType type);
QString keyStatusDisplayName(KeyStatus status);

// The API keys table. Fed from the cache on the data worker (setKeys once, then
// upsertKeys for every sync page), so a sync updates rows in place.
class KeyTableModel : public RowTableModel<ApiKey> {
    Q_OBJECT
public:
    enum Column {
        Name,
        Type,
        Customer,
        Key,
        Status,
        Created,
        CreatedBy,
        LastUsed,
        Expires,
        Usage,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit KeyTableModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setKeys(QList<knotie::ApiKey> keys);
    void upsertKeys(const QList<knotie::ApiKey> &keys);
    void setCustomers(const QList<knotie::Customer> &customers);
    void setUsage(const QList<knotie::KeyUsage> &usage);
    // "Now" for relative times; the view refreshes it once a minute.
    void setNow(UnixTime now);

    const ApiKey &keyAt(int row) const { return rowAt(row); }
    QString customerName(const QString &customerId) const { return m_customerNames.value(customerId); }
    const QHash<QString, QString> &customerNames() const { return m_customerNames; }
    const QList<qint64> &sparkline(int row) const;

    // The key behind an index of this model or of any proxy stacked on it, and back.
    QString keyFromIndex(const QModelIndex &index) const;
    // An index of `view` (this model or a proxy over it), invalid when filtered out.
    QModelIndex indexFromKey(const QString &keyId, const QAbstractItemModel *view = nullptr) const;

private:
    QHash<QString, QString> m_customerNames;
    QHash<QString, QList<qint64>> m_usage;
    UnixTime m_now;
};

} // namespace knotie
