#pragma once

#include "models/data/apikey.h"
#include "models/items/itemroles.h"

#include <QAbstractTableModel>
#include <QHash>

namespace knotie {

class KeyStore;
struct KeyCellContext;

// Texts for times in tables: "3 days ago", "in 2 hours"; dates beyond a month.
QString relativeTime(UnixTime time, UnixTime now);
// The same for something that has happened (created, last used, revoked, synced): never in
// the future. A time a little ahead of `now` is the gateway's clock ahead of this one's, and
// reads "just now".
QString elapsedTime(UnixTime time, UnixTime now);
// When and by whom a key was revoked: "Revoked 2 hours ago by Dana"; with `now` 0, the date
// and time ("Revoked on 04/12/2026 14:03 by Dana").
QString revokedText(const ApiKey &key, UnixTime now);
QString keyTypeDisplayName(KeyType type);
QString keyStatusDisplayName(KeyStatus status);
// The key's tooltip: its description, rate limit and expiry.
QString keyToolTip(const ApiKey &key);

// The API keys table over a KeyStore: its rows are the store's keys, read in place (no
// copy), so a sync updates rows where they are. The columns are those of keyColumns().
class KeyTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // In keyColumns()' order (checked there).
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
        RateLimit, // optional: hidden until a person shows it
        ColumnCount
    };
    Q_ENUM(Column)

    // Over `store`; without one, over a store of its own (tests and benchmarks).
    explicit KeyTableModel(KeyStore *store, QObject *parent = nullptr);
    explicit KeyTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    void multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    KeyStore *store() const { return m_store; }
    // Shortcuts into the store, for a model that has its own.
    void setKeys(QList<knotie::ApiKey> keys);
    void upsertKeys(const QList<knotie::ApiKey> &keys);

    void setCustomers(const QList<knotie::Customer> &customers);
    void setUsage(const QList<knotie::KeyUsage> &usage);
    // The keys whose secret is saved in the system keychain, with their entries' labels.
    void setSavedSecrets(const QHash<QString, QString> &labels);
    // "Now" for relative times; the view refreshes it once a minute.
    void setNow(UnixTime now);

    const ApiKey &keyAt(int row) const;
    int rowOf(const QString &keyId) const;
    QString customerName(const QString &customerId) const { return m_customerNames.value(customerId); }
    const QHash<QString, QString> &customerNames() const { return m_customerNames; }
    const QList<qint64> &sparkline(int row) const;
    // What the cells of keyColumns() are computed from besides the key.
    KeyCellContext cellContext() const;

    // The key behind an index of this model or of any proxy stacked on it, and back.
    QString keyFromIndex(const QModelIndex &index) const;
    // An index of `view` (this model or a proxy over it), invalid when filtered out.
    QModelIndex indexFromKey(const QString &keyId, const QAbstractItemModel *view = nullptr) const;

private:
    QVariant cellData(const ApiKey &key, const QModelIndex &index, int role) const;
    void columnChanged(int column);

    KeyStore *m_store;
    QHash<QString, QString> m_customerNames;
    QHash<QString, QList<qint64>> m_usage;
    QHash<QString, QString> m_savedSecrets; // key id → keychain label
    UnixTime m_now;
};

} // namespace knotie
