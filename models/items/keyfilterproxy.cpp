#include "models/items/keyfilterproxy.h"

#include "models/items/keycolumns.h"
#include "models/items/keysearchtext.h"
#include "models/items/keytablemodel.h"
#include "models/keys/keystore.h"

#include <QDateTime>

#include <algorithm>
#include <numeric>

namespace knotie {

KeyFilterProxy::KeyFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortCaseSensitivity(Qt::CaseInsensitive);
    m_searchText = new KeySearchText(this);
}

void KeyFilterProxy::setKeyModel(KeyTableModel *model) {
    m_keys = model;
    m_searchText->setKeyModel(model);
    forgetDerived();
    // Connected before setSourceModel, so the ranks are dropped before this proxy re-sorts.
    connect(model, &QAbstractItemModel::modelReset, this, &KeyFilterProxy::forgetDerived);
    connect(model, &QAbstractItemModel::rowsInserted, this, &KeyFilterProxy::forgetDerived);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &KeyFilterProxy::forgetDerived);
    // The minute's tick and new usage figures change one column each: what was worked
    // out from other columns stays.
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                const auto covers = [&](int column) {
                    return from.column() <= column && column <= to.column();
                };
                if (covers(m_rankColumn))
                    m_rankColumn = -1;
                if (covers(KeyTableModel::Name) || covers(KeyTableModel::Customer) ||
                    covers(KeyTableModel::Key) || covers(KeyTableModel::CreatedBy))
                    forgetSearchText();
            });
    setSourceModel(model);
}

void KeyFilterProxy::forgetDerived() {
    m_rankColumn = -1;
    forgetSearchText();
}

bool KeyFilterProxy::isSearchReady() const {
    return m_searchText->isBuilt();
}

void KeyFilterProxy::forgetSearchText() {
    m_searchText->invalidate();
    m_matched.clear();
}

void KeyFilterProxy::refilter() {
    // Qt 6.4 has no begin/endFilterChange; invalidateFilter keeps the sort order.
    invalidateFilter();
}

void KeyFilterProxy::setText(const QString &text) {
    const QString folded = KeySearchText::folded(KeySearchText::searchedText(text));
    if (m_text == folded)
        return;
    // Narrowing keeps what did not match; anything else starts over.
    if (folded.contains(m_text))
        std::replace(m_matched.begin(), m_matched.end(), Match::Yes, Match::Unknown);
    else
        m_matched.fill(Match::Unknown);
    m_text = folded;
    m_matcher.setPattern(folded);
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
    return m_text.isEmpty() || matchesText(sourceRow);
}

bool KeyFilterProxy::matchesText(int sourceRow) const {
    if (m_matched.size() != m_keys->rowCount())
        m_matched.fill(Match::Unknown, m_keys->rowCount());
    Match &matched = m_matched[sourceRow];
    if (matched == Match::Unknown)
        matched = m_matcher.indexIn(m_searchText->row(sourceRow)) >= 0 ? Match::Yes : Match::No;
    return matched == Match::Yes;
}

bool KeyFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const {
    const int column = left.column();
    if (m_rankColumn != column || m_rank.size() != m_keys->rowCount()) {
        QList<int> order(m_keys->rowCount());
        std::iota(order.begin(), order.end(), 0);
        // The column's order, looked up once per sort, not per comparison.
        const QList<ApiKey> &keys = m_keys->store()->keys();
        const auto less = keyColumn(column).less;
        const KeyCellContext context = m_keys->cellContext();
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return less(keys.at(a), keys.at(b), context); });
        m_rank.resize(order.size());
        for (int i = 0; i < order.size(); ++i)
            m_rank[order[i]] = i;
        m_rankColumn = column;
    }
    // Equal keys keep the source order, as the stable sort above placed them.
    return m_rank[left.row()] < m_rank[right.row()];
}

} // namespace knotie
