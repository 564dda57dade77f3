#include "models/items/keytablemodel.h"

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

KeyTableModel::KeyTableModel(QObject *parent)
    : RowTableModel([](const ApiKey &k) { return k.id; }, ColumnCount, parent)
    , m_now(QDateTime::currentSecsSinceEpoch()) {}

const QList<qint64> &KeyTableModel::sparkline(int row) const {
    static const QList<qint64> none;
    const auto it = m_usage.constFind(rowAt(row).id);
    return it == m_usage.constEnd() ? none : *it;
}

QVariant KeyTableModel::data(const QModelIndex &index, int role) const {
    if (!validIndex(index))
        return {};
    const ApiKey &k = rowAt(index.row());
    switch (role) {
    case IdRole:
        return k.id;
    case RetiredRole:
        return k.isRetired();
    case KeyTypeRole:
        return int(k.type);
    case KeyStatusRole:
        return int(k.status);
    case SparklineRole:
        return QVariant::fromValue(sparkline(index.row()));
    case Qt::ToolTipRole:
        if (index.column() == Name)
            return k.description.isEmpty() ? QVariant() : QVariant(k.description);
        if (index.column() == Expires && k.expiresAt)
            return QLocale().toString(QDateTime::fromSecsSinceEpoch(k.expiresAt), QLocale::LongFormat);
        return {};
    case Qt::DisplayRole:
    case SortRole: {
        const bool sort = role == SortRole;
        switch (Column(index.column())) {
        case Name:
            return k.name;
        case Type:
            return sort ? QVariant(int(k.type)) : QVariant(keyTypeDisplayName(k.type));
        case Customer:
            return k.customerId.isEmpty() ? QString() : m_customerNames.value(k.customerId, k.customerId);
        case Key:
            return k.maskedSecret();
        case Status:
            return sort ? QVariant(int(k.status)) : QVariant(keyStatusDisplayName(k.status));
        case Created:
            return sort ? QVariant(k.createdAt) : QVariant(relativeTime(k.createdAt, m_now));
        case CreatedBy:
            return k.createdBy.name;
        case LastUsed:
            if (sort)
                return k.lastUsedAt;
            return k.lastUsedAt ? relativeTime(k.lastUsedAt, m_now) : tr("Never");
        case Expires:
            if (sort)
                return k.expiresAt;
            return k.expiresAt ? relativeTime(k.expiresAt, m_now) : tr("Never");
        case Usage: {
            qint64 sum = 0;
            for (qint64 n : sparkline(index.row()))
                sum += n;
            return sort ? QVariant(sum) : QVariant(QLocale().toString(sum));
        }
        case ColumnCount:
            break;
        }
        return {};
    }
    default:
        return {};
    }
}

QVariant KeyTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Type:
        return tr("Type");
    case Customer:
        return tr("Customer");
    case Key:
        return tr("Key");
    case Status:
        return tr("Status");
    case Created:
        return tr("Created");
    case CreatedBy:
        return tr("Created by");
    case LastUsed:
        return tr("Last used");
    case Expires:
        return tr("Expires");
    case Usage:
        return tr("Usage");
    case ColumnCount:
        break;
    }
    return {};
}

void KeyTableModel::setKeys(QList<ApiKey> keys) {
    resetRows(std::move(keys));
}

void KeyTableModel::upsertKeys(const QList<ApiKey> &keys) {
    upsertRows(keys);
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
    return source.isValid() ? rowAt(source.row()).id : QString();
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
