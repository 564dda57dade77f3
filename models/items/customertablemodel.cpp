#include "models/items/customertablemodel.h"

#include "models/items/itemroles.h"
#include "models/items/keyfilter.h"
#include "models/items/keytablemodel.h"
#include "models/items/listmodels.h"
#include "models/keys/keystore.h"

#include <QDateTime>
#include <QLocale>

namespace knotie {

CustomerTableModel::CustomerTableModel(CustomerModel *customers, KeyStore *keys, QObject *parent)
    : QAbstractTableModel(parent)
    , m_customers(customers)
    , m_keys(keys)
    , m_now(QDateTime::currentSecsSinceEpoch()) {
    // Rows follow the CustomerModel's one for one.
    connect(customers, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
    connect(customers, &QAbstractItemModel::modelReset, this, [this] { endResetModel(); });
    connect(customers, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int last) { beginInsertRows({}, first, last); });
    connect(customers, &QAbstractItemModel::rowsInserted, this, [this] { endInsertRows(); });
    connect(customers, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                Q_EMIT dataChanged(index(from.row(), 0), index(to.row(), ColumnCount - 1));
            });
    connect(keys, &KeyStore::keysChanged, this, &CustomerTableModel::countKeys);
    countKeys();
}

int CustomerTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_customers->rowCount();
}

int CustomerTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Customer &c = m_customers->customerAt(index.row());
    if (role == IdRole)
        return c.id;
    const bool sort = role == SortRole;
    if (role == Qt::TextAlignmentRole && (index.column() == Keys || index.column() == Requests))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Created)
        return QLocale().toString(QDateTime::fromSecsSinceEpoch(c.createdAt), QLocale::LongFormat);
    if (role != Qt::DisplayRole && !sort)
        return {};
    switch (Column(index.column())) {
    case Name:
        return c.name;
    case Created:
        return sort ? QVariant(c.createdAt) : QVariant(elapsedTime(c.createdAt, m_now));
    case Keys:
        return sort ? QVariant(m_keyCounts.value(c.id))
                    : QVariant(QLocale().toString(m_keyCounts.value(c.id)));
    case Requests: {
        const auto it = m_requests.constFind(c.id);
        if (it == m_requests.cend())
            return sort ? QVariant(qint64(-1)) : QVariant(QStringLiteral("—"));
        return sort ? QVariant(*it) : QVariant(QLocale().toString(*it));
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CustomerTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Created:
        return tr("Created");
    case Keys:
        return tr("Customer keys");
    case Requests:
        return tr("Requests (7 days)");
    case ColumnCount:
        break;
    }
    return {};
}

void CustomerTableModel::setRequests(const QString &customerId, qint64 requests) {
    m_requests.insert(customerId, requests);
    const int row = m_customers->rowOf(customerId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, Requests), index(row, Requests));
}

void CustomerTableModel::setNow(UnixTime now) {
    m_now = now;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Created), index(rowCount() - 1, Created));
}

void CustomerTableModel::countKeys() {
    KeyFilter working;
    working.type = KeyType::Customer;
    m_keyCounts.clear();
    for (const ApiKey &key : m_keys->keys())
        if (working.matches(key, m_now))
            ++m_keyCounts[key.customerId];
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Keys), index(rowCount() - 1, Keys));
}

} // namespace knotie
