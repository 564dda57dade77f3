#include "keyfilterproxy.h"

#include "keytablemodel.h"

#include <QDateTime>

#include <numeric>

namespace knotie {

KeyFilterProxy::KeyFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void KeyFilterProxy::setKeyModel(KeyTableModel *model) {
    m_keys = model;
    m_rankColumn = -1;
    // Connected before setSourceModel, so the ranks are dropped before this proxy re-sorts.
    const auto forget = [this] {
        m_rankColumn = -1;
    };
    connect(model, &QAbstractItemModel::modelReset, this, forget);
    connect(model, &QAbstractItemModel::rowsInserted, this, forget);
    connect(model, &QAbstractItemModel::rowsRemoved, this, forget);
    connect(model, &QAbstractItemModel::dataChanged, this, forget);
    connect(model, &QAbstractItemModel::layoutChanged, this, forget);
    setSourceModel(model);
}

void KeyFilterProxy::refilter() {
    // Qt 6.4 has no begin/endFilterChange; invalidateFilter keeps the sort order.
    invalidateFilter();
}

void KeyFilterProxy::setText(const QString &text) {
    if (m_text == text.trimmed())
        return;
    m_text = text.trimmed();
    refilter();
}

void KeyFilterProxy::setTypes(const QSet<KeyType> &types) {
    m_types = types;
    refilter();
}

void KeyFilterProxy::setShowRetired(bool show) {
    if (m_showRetired == show)
        return;
    m_showRetired = show;
    refilter();
}

void KeyFilterProxy::setCustomer(const QString &customerId) {
    m_customer = customerId;
    refilter();
}

void KeyFilterProxy::setCreator(const QString &userId) {
    m_creator = userId;
    refilter();
}

void KeyFilterProxy::setStatus(std::optional<KeyStatus> status) {
    if (m_status == status)
        return;
    m_status = status;
    refilter();
}

void KeyFilterProxy::setCondition(KeyFilter::Condition condition) {
    if (m_condition == condition)
        return;
    m_condition = condition;
    refilter();
}

bool KeyFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    if (!m_keys || sourceParent.isValid())
        return false;
    const ApiKey &k = m_keys->keyAt(sourceRow);
    if (m_status ? k.status != *m_status : !m_showRetired && k.isRetired())
        return false;
    if (!m_types.isEmpty() && !m_types.contains(k.type))
        return false;
    if (!m_customer.isEmpty() && k.customerId != m_customer)
        return false;
    if (!m_creator.isEmpty() && k.createdBy.id != m_creator)
        return false;
    if (m_condition != KeyFilter::Condition::None) {
        KeyFilter condition;
        condition.condition = m_condition;
        if (!condition.meetsCondition(k, QDateTime::currentSecsSinceEpoch()))
            return false;
    }
    if (m_text.isEmpty())
        return true;
    const auto has = [this](const QString &s) {
        return s.contains(m_text, Qt::CaseInsensitive);
    };
    return has(k.name) || has(k.description) || has(k.prefix) || has(k.createdBy.name) ||
           (!k.customerId.isEmpty() && has(m_keys->customerName(k.customerId)));
}

bool KeyFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const {
    const int column = left.column();
    if (m_rankColumn != column || m_rank.size() != m_keys->rowCount()) {
        QList<int> order(m_keys->rowCount());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [this, column](int a, int b) { return keyLessThan(a, b, column); });
        m_rank.resize(order.size());
        for (int i = 0; i < order.size(); ++i)
            m_rank[order[i]] = i;
        m_rankColumn = column;
    }
    // Equal keys keep the source order, as the stable sort above placed them.
    return m_rank[left.row()] < m_rank[right.row()];
}

bool KeyFilterProxy::keyLessThan(int left, int right, int column) const {
    const ApiKey &a = m_keys->keyAt(left);
    const ApiKey &b = m_keys->keyAt(right);
    const auto text = [](const QString &x, const QString &y) {
        return x.compare(y, Qt::CaseInsensitive) < 0;
    };
    switch (KeyTableModel::Column(column)) {
    case KeyTableModel::Name:
        return text(a.name, b.name);
    case KeyTableModel::Type:
        return a.type < b.type;
    case KeyTableModel::Customer:
        return text(m_keys->customerName(a.customerId), m_keys->customerName(b.customerId));
    case KeyTableModel::Key:
        return text(a.maskedSecret(), b.maskedSecret());
    case KeyTableModel::Status:
        return a.status < b.status;
    case KeyTableModel::Created:
        return a.createdAt < b.createdAt;
    case KeyTableModel::CreatedBy:
        return text(a.createdBy.name, b.createdBy.name);
    case KeyTableModel::LastUsed:
        return a.lastUsedAt < b.lastUsedAt;
    case KeyTableModel::Expires:
        return a.expiresAt < b.expiresAt;
    case KeyTableModel::Usage: {
        qint64 sa = 0, sb = 0;
        for (qint64 n : m_keys->sparkline(left))
            sa += n;
        for (qint64 n : m_keys->sparkline(right))
            sb += n;
        return sa < sb;
    }
    case KeyTableModel::ColumnCount:
        break;
    }
    return false;
}

} // namespace knotie
