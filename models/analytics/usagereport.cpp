#include "usagereport.h"

#include "network/datajobs.h"
#include "sync/syncworker.h"

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

template <typename Job, typename Done> void UsageReport::run(Job *job, quint64 generation, Done done) {
    job->setAutoDelete(true);
    connect(job, &GatewayJob::finished, this, [this, job, generation, done](const GatewayResult &r) {
        if (generation != m_generation)
            return;
        if (r.ok())
            done(job);
        else
            failWith(r);
    });
    job->start();
}

UsageReport::UsageReport(SyncWorker *worker, QObject *parent)
    : QObject(parent)
    , m_worker(worker) {
    connect(worker, &SyncWorker::usageRangeLoaded, this, &UsageReport::onUsageLoaded);
}

UsageReport::~UsageReport() = default;

void UsageReport::load(const UsageFilter &filter, const UsageRange &range, const QList<ApiKey> &keys) {
    const quint64 generation = ++m_generation;
    m_filter = filter;
    m_range = range;
    m_keys = keys;
    m_received.clear();
    m_fromCache = false;
    m_chain = filter.kind == UsageFilter::Kind::Key ? rotationChain(keys, filter.keyId) : QStringList();

    // The previous range comes in the same call: one request, one cached stretch.
    // The gateway answers at most 400 days: a longer pair goes without its comparison.
    m_fetchFrom = range.to - range.previous().from <= maxRangeSeconds ? range.previous().from : range.from;
    UsageQuery query{m_fetchFrom, range.to, range.bucket, {}, std::nullopt, {}};
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
    if (m_worker)
        for (const auto &f : std::as_const(fetches))
            QMetaObject::invokeMethod(
                m_worker.data(), [worker = m_worker, f] { worker->fetchUsage(f.second, f.first); },
                Qt::QueuedConnection);

    // The tables beside the chart.
    m_endpoints.clear();
    m_keyUsage.clear();
    m_customers.clear();
    if (!m_connection.network)
        return;
    UsageQuery details{range.from, range.to, range.bucket, {}, std::nullopt, {}};
    filter.applyTo(details);
    run(new UsageEndpointsJob(m_connection, details, this), generation, [this](UsageEndpointsJob *job) {
        m_endpoints = job->endpoints();
        Q_EMIT detailsLoaded();
    });
    run(new UsageKeysJob(m_connection, {range.from, range.to, range.bucket, {}, std::nullopt, {}}, this),
        generation, [this](UsageKeysJob *job) {
            m_keyUsage = job->keys();
            m_customers = customerRollup(m_keys, m_keyUsage);
            Q_EMIT detailsLoaded();
        });
}

void UsageReport::onUsageLoaded(const QString &scope, qint64 from, qint64 to, const UsageSeries &series,
                                bool fromCache) {
    // A late answer for an earlier range of the same scope is not this one.
    if (!m_pendingScopes.contains(scope) || series.bucket != m_range.bucket || from != m_fetchFrom ||
        to != m_range.to)
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
                m_parts.append({id, bucketsIn(s, m_range.from, m_range.to)});
        }
    }
    const UsageSeries sum = addSeries(parts);
    m_current = bucketsIn(sum, m_range.from, m_range.to);
    m_previous = bucketsIn(sum, m_range.previous().from, m_range.from);
    Q_EMIT seriesLoaded();
}

void UsageReport::loadAttention(const QList<ApiKey> &keys, UnixTime now) {
    const quint64 generation = ++m_attentionGeneration;
    m_attention.clear();
    m_attentionInput = AttentionInput{keys, now, {}, {}, {}};
    if (!m_connection.network)
        return;
    const UnixTime hourEnd = now - now % 3600 + 3600;
    const auto byKey = [](const QList<KeyUsage> &usage) {
        QHash<QString, KeyUsage> out;
        for (const KeyUsage &u : usage)
            out.insert(u.keyId, u);
        return out;
    };
    const auto done = [this, generation] {
        if (generation == m_attentionGeneration && --m_attentionPending == 0) {
            m_attention = keysNeedingAttention(m_attentionInput);
            Q_EMIT attentionLoaded();
        }
    };
    const auto start = [this, generation, done](GatewayJob *job, std::function<void()> take) {
        job->setAutoDelete(true);
        connect(job, &GatewayJob::finished, this, [this, generation, done, take](const GatewayResult &r) {
            if (generation != m_attentionGeneration)
                return;
            if (!r.ok()) {
                failWith(r);
                return;
            }
            take();
            done();
        });
        job->start();
    };
    QList<std::pair<GatewayJob *, std::function<void()>>> jobs;
    auto *lastDay = new UsageKeysJob(
        m_connection, {hourEnd - 86400, hourEnd, BucketSize::Hour, {}, std::nullopt, {}}, this);
    jobs.append({lastDay, [this, lastDay, byKey] {
                     m_attentionInput.lastDay = byKey(lastDay->keys());
                 }});
    auto *week = new UsageKeysJob(
        m_connection, {hourEnd - 8 * 86400, hourEnd - 86400, BucketSize::Hour, {}, std::nullopt, {}}, this);
    jobs.append({week, [this, week, byKey] {
                     m_attentionInput.weekBefore = byKey(week->keys());
                 }});
    for (const ApiKey &k : keys) {
        if (k.type != KeyType::Partner || k.isRetired())
            continue;
        UsageQuery q{hourEnd - 30 * 86400, hourEnd, BucketSize::Hour, k.id, std::nullopt, {}};
        auto *job = new UsageEndpointsJob(m_connection, q, this);
        jobs.append({job, [this, job, id = k.id] {
                         if (onlyReads(job->endpoints()))
                             m_attentionInput.onlyReadsIn30Days.insert(id);
                     }});
    }
    m_attentionPending = int(jobs.size());
    for (const auto &[job, take] : std::as_const(jobs))
        start(job, take);
}

void UsageReport::failWith(const GatewayResult &result) {
    Q_EMIT failed(describeFailure(result, m_connection.baseUrl, m_connection.accessContact, Page::Analytics));
}

} // namespace knotie
