#include "models/analytics/usagereport.h"

#include "models/network/datajobs.h"

namespace knotie {

QString UsageFilter::scope() const {
    switch (kind) {
    case Kind::Account:
        return QStringLiteral("all");
    case Kind::Key:
        return QStringLiteral("key:") + keyId;
    case Kind::Type:
        return QStringLiteral("type:") + keyTypeWireName(type);
    case Kind::Customer:
        return QStringLiteral("customer:") + customerId;
    }
    return {};
}

UsageFilter UsageFilter::fromScope(const QString &scope) {
    const qsizetype colon = scope.indexOf(u':');
    const QString kind = scope.left(colon);
    const QString value = scope.mid(colon + 1);
    if (colon > 0 && kind == QLatin1String("key"))
        return forKey(value);
    if (colon > 0 && kind == QLatin1String("customer"))
        return forCustomer(value);
    if (colon > 0 && kind == QLatin1String("type"))
        if (const auto type = keyTypeFromWireName(value))
            return forType(*type);
    return {};
}

void UsageFilter::applyTo(UsageQuery &query) const {
    switch (kind) {
    case Kind::Account:
        break;
    case Kind::Key:
        query.keyId = keyId;
        break;
    case Kind::Type:
        query.keyType = type;
        break;
    case Kind::Customer:
        query.customerId = customerId;
        break;
    }
}

namespace {
// Slots name what a kept answer was asked for; ranges move with the clock, so a slot holds
// a filter and a range length, and the answer says which range it covers.
QString rangeSlot(const UsageRange &range) {
    return bucketWireName(range.bucket) + QLatin1Char(':') + QString::number(range.to - range.from);
}
const QString lastDaySlot = QStringLiteral("attention:last-day");
const QString weekBeforeSlot = QStringLiteral("attention:week-before");
QString onlyReadsSlot(const QString &keyId) {
    return QStringLiteral("attention:reads:") + keyId;
}
} // namespace

bool UsageReport::Round::take(const QString &slot, const UsageAnswer &answer) {
    const auto query = asked.constFind(slot);
    if (query == asked.cend())
        return false;
    if (answer.fromCache) {
        // Kept answers stand in until the gateway's comes, never after it.
        if (!open.contains(slot))
            return false;
    } else {
        // A late answer for an earlier range of the same slot is not this one.
        if (answer.from != query->from || answer.to != query->to)
            return false;
        open.remove(slot);
    }
    answers.insert(slot, answer);
    return true;
}

bool UsageReport::Round::answered() const {
    for (const QString &slot : open)
        if (!answers.contains(slot))
            return false;
    return true;
}

UnixTime UsageReport::Round::keptFrom() const {
    UnixTime oldest = 0;
    for (const UsageAnswer &a : answers)
        if (a.fromCache && (oldest == 0 || a.fetchedAt < oldest))
            oldest = a.fetchedAt;
    return oldest;
}

void UsageReport::Round::reset() {
    for (const QPointer<UsageOperation> &operation : std::as_const(operations))
        if (operation)
            operation->disconnect();
    *this = Round();
}

UsageReport::UsageReport(UsageService *usage, QObject *parent)
    : QObject(parent)
    , m_usage(usage) {}

UsageReport::~UsageReport() = default;

void UsageReport::ask(Round &round, UsageDetail detail, const QString &slot, const UsageQuery &query) {
    round.asked.insert(slot, query);
    round.open.insert(slot);
    if (!m_usage)
        return;
    UsageOperation *operation = m_usage->loadAnswer(detail, query, slot);
    round.operations.append(operation);
    connect(operation, &UsageOperation::cached, this,
            [this, slot](const UsageResult &result) { onAnswer(slot, result.answer); });
    connect(operation, &UsageOperation::finished, this, [this, slot](const UsageResult &result) {
        if (result.failure)
            onAnswerFailed(slot, *result.failure);
        else
            onAnswer(slot, result.answer);
    });
}

void UsageReport::load(const UsageFilter &filter, const UsageRange &range, const QList<ApiKey> &keys) {
    m_filter = filter;
    m_range = range;
    m_keys = keys;
    m_received.clear();
    m_fromCache = false;
    m_chain = filter.kind == UsageFilter::Kind::Key ? rotationChain(keys, filter.keyId) : QStringList();

    // The range before comes in the same fetch: one cached stretch, however long (the
    // worker cuts it into calls the gateway accepts).
    m_fetchFrom = range.previous().from;
    UsageQuery query{m_fetchFrom, range.to, range.fetchBucket(), {}, std::nullopt, {}};
    QList<QPair<QString, UsageQuery>> fetches;
    if (m_chain.isEmpty()) {
        filter.applyTo(query);
        fetches.append({filter.scope(), query});
    } else {
        for (const QString &id : std::as_const(m_chain)) {
            const UsageFilter one = UsageFilter::forKey(id);
            UsageQuery q = query;
            one.applyTo(q);
            fetches.append({one.scope(), q});
        }
    }
    m_pendingScopes.clear();
    for (const auto &f : std::as_const(fetches))
        m_pendingScopes.insert(f.first);
    // The loads of an earlier range are not this one's.
    for (const QPointer<UsageOperation> &operation : std::as_const(m_seriesLoads))
        if (operation)
            operation->disconnect(this);
    m_seriesLoads.clear();
    if (m_usage)
        for (const auto &[scope, q] : std::as_const(fetches)) {
            UsageOperation *operation = m_usage->loadSeries(q, scope);
            m_seriesLoads.append(operation);
            connect(operation, &UsageOperation::cached, this,
                    [this, scope](const UsageResult &result) { onUsageCached(scope, result.series); });
            connect(operation, &UsageOperation::finished, this, [this, scope](const UsageResult &result) {
                onUsageLoaded(scope, result.series, result.fromCache);
            });
        }

    // The tables beside the chart.
    m_details.reset();
    m_endpoints.clear();
    m_keyUsage.clear();
    m_customers.clear();
    const UsageQuery all{range.from, range.to, range.fetchBucket(), {}, std::nullopt, {}};
    // A key's endpoints are its rotation's, as its chart and totals are.
    m_endpointsSlots.clear();
    const QList<UsageFilter> endpointFilters = [&] {
        QList<UsageFilter> out;
        for (const QString &id : std::as_const(m_chain))
            out.append(UsageFilter::forKey(id));
        return out.isEmpty() ? QList<UsageFilter>{filter} : out;
    }();
    for (const UsageFilter &f : endpointFilters) {
        UsageQuery details = all;
        f.applyTo(details);
        m_endpointsSlots.append(QStringLiteral("endpoints:") + f.scope() + QLatin1Char(':') +
                                rangeSlot(range));
        ask(m_details, UsageDetail::Endpoints, m_endpointsSlots.last(), details);
    }
    m_keysSlot = QStringLiteral("keys:") + rangeSlot(range);
    ask(m_details, UsageDetail::Keys, m_keysSlot, all);
}

QStringList UsageReport::replacedKeys() const {
    const qsizetype self = m_chain.indexOf(m_filter.keyId);
    return self > 0 ? m_chain.first(self) : QStringList();
}

QStringList UsageReport::successorKeys() const {
    const qsizetype self = m_chain.indexOf(m_filter.keyId);
    return self >= 0 ? m_chain.mid(self + 1) : QStringList();
}

UnixTime UsageReport::recordedFrom() const {
    UnixTime first = 0;
    for (const ApiKey &k : m_keys) {
        const bool reported = [&] {
            switch (m_filter.kind) {
            case UsageFilter::Kind::Account:
                return true;
            case UsageFilter::Kind::Key:
                return m_chain.contains(k.id);
            case UsageFilter::Kind::Type:
                return k.type == m_filter.type;
            case UsageFilter::Kind::Customer:
                return k.customerId == m_filter.customerId;
            }
            return false;
        }();
        if (reported && (first == 0 || k.createdAt < first))
            first = k.createdAt;
    }
    return first;
}

void UsageReport::onUsageCached(const QString &scope, const UsageSeries &series) {
    if (!m_pendingScopes.contains(scope))
        return;
    m_received.insert(scope, series);
    // Every part of a rotation has something cached: show it while the gateway answers.
    for (const QString &s : std::as_const(m_pendingScopes))
        if (!m_received.contains(s))
            return;
    finishSeries();
}

void UsageReport::onUsageLoaded(const QString &scope, const UsageSeries &series, bool fromCache) {
    if (!m_pendingScopes.contains(scope))
        return;
    m_pendingScopes.remove(scope);
    m_received.insert(scope, series);
    m_fromCache = m_fromCache || fromCache;
    if (m_pendingScopes.isEmpty())
        finishSeries();
}

void UsageReport::finishSeries() {
    QList<UsageSeries> parts;
    m_parts.clear();
    if (m_chain.isEmpty()) {
        parts.append(m_received.value(m_filter.scope()));
    } else {
        for (const QString &id : std::as_const(m_chain)) {
            const UsageSeries s = m_received.value(UsageFilter::forKey(id).scope());
            parts.append(s);
            if (m_chain.size() > 1)
                m_parts.append({id, shownBuckets(m_range, s.buckets)});
        }
    }
    const UsageSeries sum = addSeries(parts);
    m_current = shownBuckets(m_range, sum.buckets);
    m_previous = shownBuckets(m_range.previous(), sum.buckets);
    Q_EMIT seriesLoaded();
}

void UsageReport::onAnswer(const QString &slot, const UsageAnswer &answer) {
    if (m_details.take(slot, answer))
        finishDetails();
    else if (m_attentionRound.take(slot, answer))
        finishAttention();
}

void UsageReport::onAnswerFailed(const QString &slot, const GatewayResult &result) {
    for (Round *round : {&m_details, &m_attentionRound}) {
        if (!round->open.remove(slot))
            continue;
        // One sentence per round: twenty refused calls are one problem.
        if (!std::exchange(round->failed, true))
            Q_EMIT failed(
                describeFailure(result, m_connection.baseUrl, m_connection.accessContact, Page::Analytics));
        if (round == &m_details)
            finishDetails();
        else
            finishAttention();
        return;
    }
}

void UsageReport::finishDetails() {
    // Both tables change together: one answer alone would show the other table empty.
    if (!m_details.answered())
        return;
    QList<QList<EndpointUsage>> endpoints;
    for (const QString &slot : std::as_const(m_endpointsSlots))
        endpoints.append(m_details.answers.value(slot).endpoints);
    m_endpoints = addEndpoints(endpoints);
    m_keyUsage = m_details.answers.value(m_keysSlot).keys;
    m_customers = customerRollup(m_keys, m_keyUsage);
    Q_EMIT detailsLoaded();
}

void UsageReport::loadAttention(const QList<ApiKey> &keys, UnixTime now) {
    m_attentionRound.reset();
    m_attention.clear();
    m_attentionInput = AttentionInput{keys, now, {}, {}, {}};
    const UnixTime hourEnd = now - now % 3600 + 3600;
    ask(m_attentionRound, UsageDetail::Keys, lastDaySlot,
        {hourEnd - 86400, hourEnd, BucketSize::Hour, {}, std::nullopt, {}});
    ask(m_attentionRound, UsageDetail::Keys, weekBeforeSlot,
        {hourEnd - 8 * 86400, hourEnd - 86400, BucketSize::Hour, {}, std::nullopt, {}});
    for (const ApiKey &k : keys)
        if (k.type == KeyType::Partner && !k.isRetired())
            ask(m_attentionRound, UsageDetail::Endpoints, onlyReadsSlot(k.id),
                {hourEnd - 30 * 86400, hourEnd, BucketSize::Hour, k.id, std::nullopt, {}});
}

void UsageReport::finishAttention() {
    // The rules run once every call has a kept answer (a first look), and again when the
    // gateway has answered or failed every call.
    if (!m_attentionRound.open.isEmpty()) {
        if (m_attentionRound.previewed || !m_attentionRound.answered())
            return;
        m_attentionRound.previewed = true;
    }
    const auto byKey = [](const QList<KeyUsage> &usage) {
        QHash<QString, KeyUsage> out;
        for (const KeyUsage &u : usage)
            out.insert(u.keyId, u);
        return out;
    };
    m_attentionInput.lastDay = byKey(m_attentionRound.answers.value(lastDaySlot).keys);
    m_attentionInput.weekBefore = byKey(m_attentionRound.answers.value(weekBeforeSlot).keys);
    m_attentionInput.onlyReadsIn30Days.clear();
    for (const ApiKey &k : std::as_const(m_attentionInput.keys))
        if (const qint64 calls = onlyReadCalls(m_attentionRound.answers.value(onlyReadsSlot(k.id)).endpoints))
            m_attentionInput.onlyReadsIn30Days.insert(k.id, calls);
    m_attention = keysNeedingAttention(m_attentionInput);
    Q_EMIT attentionLoaded();
}

} // namespace knotie
