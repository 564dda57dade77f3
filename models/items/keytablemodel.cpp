#include "models/items/keytablemodel.h"

#include "models/items/keycolumns.h"
#include "models/keys/keystore.h"

#include <QAbstractProxyModel>
#include <QDateTime>
#include <QLocale>

namespace knotie {

QString relativeTime(UnixTime time, UnixTime now) {
    if (!time)
        return {};
    const qint64 delta = now - time;
    const qint64 magnitude = qAbs(delta);
    const bool past = delta >= 0;
    if (magnitude < 60)
        return past ? KeyTableModel::tr("just now") : KeyTableModel::tr("in a moment");
    if (magnitude >= 30 * 86400)
        return QLocale().toString(QDateTime::fromSecsSinceEpoch(time).date(), QLocale::ShortFormat);
    int n;
    if (magnitude < 3600) {
        n = int(magnitude / 60);
        return past ? KeyTableModel::tr("%n minute(s) ago", nullptr, n)
                    : KeyTableModel::tr("in %n minute(s)", nullptr, n);
    }
    if (magnitude < 86400) {
        n = int(magnitude / 3600);
        return past ? KeyTableModel::tr("%n hour(s) ago", nullptr, n)
                    : KeyTableModel::tr("in %n hour(s)", nullptr, n);
    }
    n = int(magnitude / 86400);
    return past ? KeyTableModel::tr("%n day(s) ago", nullptr, n)
                : KeyTableModel::tr("in %n day(s)", nullptr, n);
}

QString elapsedTime(UnixTime time, UnixTime now) {
    return time ? relativeTime(qMin(time, now), now) : QString();
}

QString revokedText(const ApiKey &key, UnixTime now) {
    const QString when =
        !key.revokedAt ? QString()
        : now          ? elapsedTime(key.revokedAt, now)
              : QLocale().toString(QDateTime::fromSecsSinceEpoch(key.revokedAt), QLocale::ShortFormat);
    if (when.isEmpty())
        return key.revokedBy ? KeyTableModel::tr("Revoked by %1").arg(key.revokedBy->name)
                             : keyStatusDisplayName(KeyStatus::Revoked);
    if (now)
        return key.revokedBy ? KeyTableModel::tr("Revoked %1 by %2").arg(when, key.revokedBy->name)
                             : KeyTableModel::tr("Revoked %1").arg(when);
    return key.revokedBy ? KeyTableModel::tr("Revoked on %1 by %2").arg(when, key.revokedBy->name)
                         : KeyTableModel::tr("Revoked on %1").arg(when);
}

QString keyToolTip(const ApiKey &key) {
    QStringList lines;
    if (!key.description.isEmpty())
        lines.append(key.description);
    lines.append(KeyTableModel::tr("Rate limit: %1").arg(rateLimitText(key.rateLimit)));
    lines.append(key.expiresAt ? KeyTableModel::tr("Expires: %1")
                                     .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(key.expiresAt),
                                                             QLocale::LongFormat))
                               : KeyTableModel::tr("Expires: never"));
    return lines.join(QLatin1Char('\n'));
}

QString keyTypeDisplayName(KeyType type) {
    switch (type) {
    case KeyType::ReadOnly:
        return KeyTableModel::tr("Read-Only");
    case KeyType::Webhook:
        return KeyTableModel::tr("Webhook");
    case KeyType::Customer:
        return KeyTableModel::tr("Customer");
    case KeyType::Partner:
        return KeyTableModel::tr("Partner");
    }
    return {};
}

QString keyStatusDisplayName(KeyStatus status) {
    switch (status) {
    case KeyStatus::Active:
        return KeyTableModel::tr("Active");
    case KeyStatus::Expiring:
        return KeyTableModel::tr("Expiring");
    case KeyStatus::Revoked:
        return KeyTableModel::tr("Revoked");
    case KeyStatus::Expired:
        return KeyTableModel::tr("Expired");
    }
    return {};
}

KeyTableModel::KeyTableModel(KeyStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store ? store : new KeyStore(this))
    , m_now(QDateTime::currentSecsSinceEpoch()) {
    connect(m_store, &KeyStore::aboutToReset, this, &KeyTableModel::beginResetModel);
    connect(m_store, &KeyStore::reset, this, &KeyTableModel::endResetModel);
    connect(m_store, &KeyStore::aboutToAdd, this,
            [this](int first, int last) { beginInsertRows({}, first, last); });
    connect(m_store, &KeyStore::added, this, &KeyTableModel::endInsertRows);
    connect(m_store, &KeyStore::keyChanged, this,
            [this](int row) { Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1)); });
}

KeyTableModel::KeyTableModel(QObject *parent)
    : KeyTableModel(nullptr, parent) {}

int KeyTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_store->size();
}

int KeyTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const ApiKey &KeyTableModel::keyAt(int row) const {
    return m_store->at(row);
}

int KeyTableModel::rowOf(const QString &keyId) const {
    return m_store->indexOf(keyId);
}

KeyCellContext KeyTableModel::cellContext() const {
    return {&m_customerNames, &m_usage, m_now};
}

const QList<qint64> &KeyTableModel::sparkline(int row) const {
    static const QList<qint64> none;
    const auto it = m_usage.constFind(keyAt(row).id);
    return it == m_usage.constEnd() ? none : *it;
}

QVariant KeyTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return cellData(keyAt(index.row()), index, role);
}

// A view asks each cell it paints for eight roles or more: the key is found once for all.
void KeyTableModel::multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        for (QModelRoleData &roleData : roleDataSpan)
            roleData.clearData();
        return;
    }
    const ApiKey &k = keyAt(index.row());
    for (QModelRoleData &roleData : roleDataSpan)
        roleData.setData(cellData(k, index, roleData.role()));
}

QVariant KeyTableModel::cellData(const ApiKey &k, const QModelIndex &index, int role) const {
    switch (role) {
    case IdRole:
        return k.id;
    case RetiredRole:
        return k.isRetired();
    case KeyTypeRole:
        return int(k.type);
    case KeyStatusRole:
        return int(k.status);
    case SavedSecretRole:
        return m_savedSecrets.contains(k.id);
    case SparklineRole:
        return QVariant::fromValue(sparkline(index.row()));
    case Qt::ToolTipRole:
        if (index.column() == Name)
            return keyToolTip(k);
        if ((index.column() == Status || index.column() == Expires) && k.status == KeyStatus::Revoked)
            return revokedText(k, 0);
        if (index.column() == Key && m_savedSecrets.contains(k.id))
            return tr("Its secret is saved in your system keychain as “%1”.").arg(m_savedSecrets.value(k.id));
        if (index.column() == Expires && k.expiresAt)
            return QLocale().toString(QDateTime::fromSecsSinceEpoch(k.expiresAt), QLocale::LongFormat);
        return {};
    case Qt::DisplayRole:
        return keyColumn(index.column()).display(k, cellContext());
    case SortRole:
        return keyColumn(index.column()).sortValue(k, cellContext());
    default:
        return {};
    }
}

QVariant KeyTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    return keyColumn(section).translatedTitle();
}

void KeyTableModel::setKeys(QList<ApiKey> keys) {
    m_store->setKeys(std::move(keys));
}

void KeyTableModel::upsertKeys(const QList<ApiKey> &keys) {
    m_store->upsertKeys(keys);
}

void KeyTableModel::columnChanged(int column) {
    if (m_store->size() > 0)
        Q_EMIT dataChanged(index(0, column), index(m_store->size() - 1, column));
}

void KeyTableModel::setCustomers(const QList<knotie::Customer> &customers) {
    m_customerNames.clear();
    for (const knotie::Customer &c : customers)
        m_customerNames.insert(c.id, c.name);
    columnChanged(Customer);
}

void KeyTableModel::setUsage(const QList<KeyUsage> &usage) {
    m_usage.clear();
    for (const KeyUsage &u : usage)
        m_usage.insert(u.keyId, u.series);
    columnChanged(Usage);
}

void KeyTableModel::setSavedSecrets(const QHash<QString, QString> &labels) {
    if (m_savedSecrets == labels)
        return;
    m_savedSecrets = labels;
    columnChanged(Key);
}

void KeyTableModel::setNow(UnixTime now) {
    m_now = now;
    for (int column : {Created, LastUsed, Expires})
        columnChanged(column);
}

QString KeyTableModel::keyFromIndex(const QModelIndex &index) const {
    QModelIndex source = index;
    while (source.isValid() && source.model() != this) {
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(source.model());
        if (!proxy)
            return {};
        source = proxy->mapToSource(source);
    }
    return source.isValid() ? keyAt(source.row()).id : QString();
}

QModelIndex KeyTableModel::indexFromKey(const QString &keyId, const QAbstractItemModel *view) const {
    const int row = rowOf(keyId);
    if (row < 0)
        return {};
    QModelIndex result = index(row, 0);
    if (!view || view == this)
        return result;
    // Walk down from the view to this model, then map back up through each proxy.
    QList<const QAbstractProxyModel *> chain;
    for (const QAbstractItemModel *m = view; m && m != this;) {
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(m);
        if (!proxy)
            return {};
        chain.prepend(proxy);
        m = proxy->sourceModel();
    }
    for (const QAbstractProxyModel *proxy : std::as_const(chain))
        result = proxy->mapFromSource(result);
    return result;
}

} // namespace knotie
