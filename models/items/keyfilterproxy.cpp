#include "models/items/keyfilterproxy.h"

#include "models/items/keycolumns.h"
#include "models/items/keysearchtext.h"
#include "models/items/keytablemodel.h"
#include "models/keys/keystore.h"

#include <QDateTime>

#include <algorithm>
#include <cstring>
#include <numeric>
#include <utility>

namespace knotie {

KeyFilterProxy::KeyFilterProxy(QObject *parent)
    : QAbstractProxyModel(parent) {
    m_searchText = new KeySearchText(this);
}

void KeyFilterProxy::setKeyModel(KeyTableModel *model) {
    if (model == m_keys)
        return;
    beginResetModel();
    if (m_keys) {
        disconnect(m_keys, nullptr, this, nullptr);
        disconnect(m_keys->store(), nullptr, this, nullptr);
    }
    m_keys = model;
    m_searchText->setKeyModel(model);
    forgetDerived();
    setSourceModel(model);
    // Rows are only ever appended or replaced all at once (KeyStore). Anything else the
    // source might announce is taken as a reset: correct, if not the cheapest.
    const auto begin = [this] {
        forgetDerived();
        beginResetModel();
    };
    const auto end = [this] {
        showRows(rowsShown());
        endResetModel();
    };
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, begin);
    connect(model, &QAbstractItemModel::modelReset, this, end);
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, begin);
    connect(model, &QAbstractItemModel::rowsRemoved, this, end);
    connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, begin);
    connect(model, &QAbstractItemModel::layoutChanged, this, end);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        forgetDerived();
        refilter();
    });
    connect(model, &QAbstractItemModel::dataChanged, this, &KeyFilterProxy::onSourceDataChanged);
    // A sync changes keys one by one, then says its batch is in: the rows are placed again
    // once, not once per key.
    connect(model->store(), &KeyStore::keysChanged, this, [this] {
        if (m_pendingRefilter)
            refilter();
    });
    showRows(rowsShown());
    endResetModel();
}

void KeyFilterProxy::onSourceDataChanged(const QModelIndex &from, const QModelIndex &to,
                                         const QList<int> &roles) {
    const auto covers = [&](int column) {
        return from.column() <= column && column <= to.column();
    };
    m_othersKnown = false;
    // The minute's tick and new usage figures change one column each: what was worked
    // out from other columns stays.
    if (covers(m_orderColumn))
        m_orderColumn = -1;
    if (covers(KeyTableModel::Name) || covers(KeyTableModel::Customer) || covers(KeyTableModel::Key) ||
        covers(KeyTableModel::CreatedBy))
        forgetSearchText();
    if (from.row() == to.row()) {
        const int row = m_proxyRows.value(from.row(), -1);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, from.column()), index(row, to.column()), roles);
        m_pendingRefilter = true;
        return;
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, from.column()), index(m_rows.size() - 1, to.column()), roles);
    refilter();
}

void KeyFilterProxy::forgetDerived() {
    m_orderColumn = -1;
    m_othersKnown = false;
    forgetSearchText();
}

bool KeyFilterProxy::isSearchReady() const {
    return m_searchText->isBuilt();
}

void KeyFilterProxy::forgetSearchText() {
    m_searchText->invalidate();
    m_matchAt.clear();
}

void KeyFilterProxy::setText(const QString &text) {
    const QString folded = KeySearchText::folded(KeySearchText::searchedText(text));
    if (m_text == folded)
        return;
    const QString typedBefore = std::exchange(m_text, folded);
    m_searchedBytes = folded.toUtf8();
    if (folded.isEmpty() || typedBefore.isEmpty()) {
        std::fill(m_matchAt.begin(), m_matchAt.end(), unknownMatch);
    } else if (folded.startsWith(typedBefore)) {
        // Typed on: the first match, if any, is where the shorter text first matched or later.
        for (size_t row = 0; row < m_matchAt.size(); ++row) {
            if (const quint16 at = m_matchAt[row]; at < noMatch)
                m_matchAt[row] = firstMatch(int(row), at);
        }
    } else if (typedBefore.startsWith(folded)) {
        // Erased from the end: a row that matched still does, at that place or before.
        for (size_t row = 0; row < m_matchAt.size(); ++row)
            m_matchAt[row] = m_matchAt[row] < noMatch ? firstMatch(int(row), 0) : unknownMatch;
    } else if (folded.contains(typedBefore)) {
        // Narrowed some other way: what did not match still does not.
        std::replace_if(
            m_matchAt.begin(), m_matchAt.end(), [](quint16 at) { return at < noMatch; }, unknownMatch);
    } else {
        std::fill(m_matchAt.begin(), m_matchAt.end(), unknownMatch);
    }
    refilter();
}

void KeyFilterProxy::setTypes(const QSet<KeyType> &types) {
    m_types = types;
    refilterOthers();
}

void KeyFilterProxy::setShowRetired(bool show) {
    if (m_showRetired == show)
        return;
    m_showRetired = show;
    refilterOthers();
}

void KeyFilterProxy::setCustomer(const QString &customerId) {
    m_customer = customerId;
    refilterOthers();
}

void KeyFilterProxy::setCreator(const QString &userId) {
    m_creator = userId;
    refilterOthers();
}

void KeyFilterProxy::setStatus(std::optional<KeyStatus> status) {
    if (m_status == status)
        return;
    m_status = status;
    refilterOthers();
}

void KeyFilterProxy::setCondition(KeyFilter::Condition condition) {
    if (m_condition == condition)
        return;
    m_condition = condition;
    refilterOthers();
}

void KeyFilterProxy::refilterOthers() {
    m_othersKnown = false;
    refilter();
}

void KeyFilterProxy::sort(int column, Qt::SortOrder order) {
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column < 0 || column >= KeyTableModel::ColumnCount ? -1 : column;
    m_sortOrder = order;
    refilter();
}

QList<int> KeyFilterProxy::rowsShown() {
    m_pendingRefilter = false;
    QList<int> rows;
    if (!m_keys)
        return rows;
    const int count = m_keys->rowCount();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    rows.reserve(count);
    if (m_matchAt.size() != size_t(count))
        m_matchAt.assign(size_t(count), unknownMatch);
    if (!m_othersKnown || m_passesOthers.size() != size_t(count)) {
        // In the keys' own order: reading 100,000 keys in a column's order misses the
        // memory cache on nearly every one.
        m_passesOthers.resize(size_t(count));
        for (int row = 0; row < count; ++row)
            m_passesOthers[size_t(row)] = passesOtherFilters(m_keys->keyAt(row), now);
        m_othersKnown = true;
    }
    const bool anyText = !m_text.isEmpty();
    const auto consider = [&](int sourceRow) {
        if (m_passesOthers[size_t(sourceRow)] && (!anyText || matchesText(sourceRow)))
            rows.append(sourceRow);
    };
    if (m_sortColumn < 0) {
        for (int row = 0; row < count; ++row)
            consider(row);
    } else if (m_sortOrder == Qt::AscendingOrder) {
        for (int row : columnOrder())
            consider(row);
    } else {
        // Ranks are unique, so descending is ascending read backwards, as a stable sort
        // by "greater than" gives.
        const QList<int> &order = columnOrder();
        for (auto it = order.crbegin(); it != order.crend(); ++it)
            consider(*it);
    }
    return rows;
}

QList<int> KeyFilterProxy::proxyRowsOf(const QList<int> &rows) const {
    QList<int> proxyRows(m_keys ? m_keys->rowCount() : 0, -1);
    for (int row = 0; row < rows.size(); ++row)
        proxyRows[rows[row]] = row;
    return proxyRows;
}

void KeyFilterProxy::showRows(QList<int> rows) {
    m_proxyRows = proxyRowsOf(rows);
    m_rows = std::move(rows);
}

void KeyFilterProxy::refilter() {
    QList<int> rows = rowsShown();
    if (rows == m_rows) {
        // Only rows that stay filtered out arrived, if any.
        if (m_proxyRows.size() != (m_keys ? m_keys->rowCount() : 0))
            m_proxyRows = proxyRowsOf(m_rows);
        return;
    }
    QList<int> proxyRows = proxyRowsOf(rows);
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before) {
        const int sourceRow = m_rows.value(index.row(), -1);
        const int row = sourceRow < 0 ? -1 : proxyRows.value(sourceRow, -1);
        after.append(row < 0 ? QModelIndex() : createIndex(row, index.column()));
    }
    m_rows = std::move(rows);
    m_proxyRows = std::move(proxyRows);
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

bool KeyFilterProxy::passesOtherFilters(const ApiKey &k, qint64 now) const {
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
        if (!condition.meetsCondition(k, now))
            return false;
    }
    return true;
}

bool KeyFilterProxy::matchesText(int sourceRow) {
    quint16 &at = m_matchAt[sourceRow];
    if (at == unknownMatch)
        at = firstMatch(sourceRow, 0);
    return at != noMatch;
}

quint16 KeyFilterProxy::firstMatch(int sourceRow, qsizetype from) const {
    const QByteArrayView row = m_searchText->row(sourceRow);
    // memchr for the first byte, then a compare: rows are a few dozen bytes, too short
    // for a skip table to pay for itself.
    const char *const begin = row.data();
    const char *const end = begin + row.size();
    const qsizetype length = m_searchedBytes.size();
    const char first = m_searchedBytes.front();
    for (const char *at = begin + from; end - at >= length; ++at) {
        at = static_cast<const char *>(std::memchr(at, first, size_t(end - at - length + 1)));
        if (!at)
            break;
        if (std::memcmp(at + 1, m_searchedBytes.constData() + 1, size_t(length - 1)) == 0)
            return at - begin < noMatch ? quint16(at - begin) : unknownMatch;
    }
    return noMatch;
}

const QList<int> &KeyFilterProxy::columnOrder() {
    if (m_orderColumn != m_sortColumn || m_order.size() != m_keys->rowCount()) {
        m_order.resize(m_keys->rowCount());
        std::iota(m_order.begin(), m_order.end(), 0);
        // The column's order, looked up once per sort, not per comparison. Equal keys keep
        // the source order.
        const QList<ApiKey> &keys = m_keys->store()->keys();
        const auto less = keyColumn(m_sortColumn).less;
        const KeyCellContext context = m_keys->cellContext();
        std::stable_sort(m_order.begin(), m_order.end(),
                         [&](int a, int b) { return less(keys.at(a), keys.at(b), context); });
        m_orderColumn = m_sortColumn;
    }
    return m_order;
}

QModelIndex KeyFilterProxy::index(int row, int column, const QModelIndex &parent) const {
    if (parent.isValid() || row < 0 || row >= m_rows.size() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex KeyFilterProxy::parent(const QModelIndex &) const {
    return {};
}

QModelIndex KeyFilterProxy::sibling(int row, int column, const QModelIndex &) const {
    return index(row, column);
}

int KeyFilterProxy::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int KeyFilterProxy::columnCount(const QModelIndex &parent) const {
    return parent.isValid() || !m_keys ? 0 : m_keys->columnCount();
}

bool KeyFilterProxy::hasChildren(const QModelIndex &parent) const {
    return !parent.isValid() && !m_rows.isEmpty();
}

QModelIndex KeyFilterProxy::mapToSource(const QModelIndex &proxyIndex) const {
    if (!m_keys || !proxyIndex.isValid() || proxyIndex.model() != this || proxyIndex.row() >= m_rows.size())
        return {};
    return m_keys->index(m_rows[proxyIndex.row()], proxyIndex.column());
}

void KeyFilterProxy::multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const {
    if (const QModelIndex source = mapToSource(index); source.isValid())
        m_keys->multiData(source, roleDataSpan);
    else
        for (QModelRoleData &roleData : roleDataSpan)
            roleData.clearData();
}

QModelIndex KeyFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const {
    if (!m_keys || !sourceIndex.isValid() || sourceIndex.model() != m_keys)
        return {};
    const int row = m_proxyRows.value(sourceIndex.row(), -1);
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

} // namespace knotie
