#include "models/sync/syncworker.h"

#include "models/analytics/usagestats.h"
#include "models/logging.h"
#include "models/network/keyjobs.h"

#include <QDateTime>
#include <QMap>
#include <QNetworkAccessManager>
#include <QPromise>

#include <algorithm>

namespace knotie {

namespace {
UnixTime now() {
    return QDateTime::currentSecsSinceEpoch();
}
} // namespace

SyncWorker::SyncWorker(QObject *parent)
    : QObject(parent) {}

SyncWorker::~SyncWorker() {
    stopKeyWriter();
}

GatewayConnection SyncWorker::connection() const {
    GatewayConnection c = m_connection;
    c.network = m_network;
    return c;
}

void SyncWorker::openCache(const QString &path) {
    if (openCacheAhead(path))
        readCache();
}

bool SyncWorker::openCacheAhead(const QString &path) {
    if (!m_network) // created here, so it lives in the worker's thread
        m_network = new QNetworkAccessManager(this);
    m_cache = std::make_unique<Cache>(path);
    if (!reportOpened(m_cache->open()))
        return false;
    // A screenful first, so a large account's table shows at once.
    const QList<ApiKey> first = m_cache->loadNewestKeys(firstKeysShown);
    m_screenfulWasAll = first.size() < firstKeysShown;
    m_readPending = true;
    Q_EMIT keysLoaded(first);
    return true;
}

void SyncWorker::readCache() {
    if (!std::exchange(m_readPending, false))
        return; // read already, or closed meanwhile
    readWholeCache();
    if (std::exchange(m_resyncRequested, false)) // asked for while the cache was unread
        sync(std::exchange(m_pendingParts, {}));
}

void SyncWorker::readWholeCache() {
    // The thorough check of the file, then every key.
    const Cache::OpenResult checked = m_cache->checkIntegrity();
    if (checked.status != Cache::OpenStatus::Ok) {
        Q_EMIT keysLoaded({}); // the screenful came from the damaged file
        if (!reportOpened(checked))
            return;
    } else if (!m_screenfulWasAll) {
        Q_EMIT keysLoaded(m_cache->loadKeys());
    }
    Q_EMIT customersLoaded(m_cache->loadCustomers());
    Q_EMIT teamLoaded(m_cache->loadTeam());
    Q_EMIT auditLoaded(m_cache->loadAudit());
}

bool SyncWorker::reportOpened(const Cache::OpenResult &result) {
    if (!m_cache->isOpen()) {
        qCWarning(lcCache) << "working without a cache:" << result.message;
        m_cache.reset();
    }
    Q_EMIT cacheOpened(result.status, result.message, m_cache ? m_cache->lastSyncedAt() : 0);
    return bool(m_cache);
}

void SyncWorker::closeCache() {
    ++m_run;
    ++m_followRun;
    m_waitsOpen = 0;
    m_steps.clear();
    m_syncing = false;
    m_readPending = false;
    stopKeyWriter();
    m_cache.reset(); // removes this thread's connection, in this thread
}

void SyncWorker::writeKeyPageSoon(const wire::KeyPage &page) {
    if (!m_keyWriter.isRunning()) {
        m_keyWriterContext = new QObject;
        m_keyWriterContext->moveToThread(&m_keyWriter);
        m_keyWriter.setObjectName(QStringLiteral("knotie-cache-writer"));
        m_keyWriter.start();
    }
    auto promise = std::make_shared<QPromise<bool>>();
    m_keyWrite = promise->future();
    promise->start();
    // The writing thread's own Cache: Qt Sql connections stay on the thread that made them.
    QMetaObject::invokeMethod(m_keyWriterContext, [this, promise, path = m_cache->filePath(),
                                                   keys = page.keys, mark = SyncMark{page.cursor, now()}] {
        if (!m_writerCache || m_writerCache->filePath() != path) {
            m_writerCache = std::make_unique<Cache>(path);
            if (!m_writerCache->attach())
                m_writerCache.reset();
        }
        promise->addResult(m_writerCache && m_writerCache->storeKeys(keys, QStringLiteral("keys"), mark));
        promise->finish();
    });
}

bool SyncWorker::finishKeyWrite() {
    if (!m_keyWrite.isValid())
        return true;
    m_keyWrite.waitForFinished();
    const bool written = m_keyWrite.resultCount() > 0 && m_keyWrite.result();
    m_keyWrite = {};
    return written;
}

void SyncWorker::stopKeyWriter() {
    finishKeyWrite();
    if (!m_keyWriter.isRunning())
        return;
    // Its Cache, and the connection with it, go on its own thread.
    QMetaObject::invokeMethod(
        m_keyWriterContext, [this] { m_writerCache.reset(); }, Qt::BlockingQueuedConnection);
    m_keyWriter.quit();
    m_keyWriter.wait();
    delete m_keyWriterContext;
    m_keyWriterContext = nullptr;
}

void SyncWorker::setConnection(const GatewayConnection &connection) {
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    m_connection = connection;
    // Waits made as someone else, or to another gateway, end unheard; the next sync
    // starts following again.
    ++m_followRun;
    m_waitsOpen = 0;
}

void SyncWorker::sync(SyncParts parts) {
    // One sync at a time, and none before the cache is read: a request meanwhile runs
    // right after.
    if (m_syncing || m_readPending) {
        m_resyncRequested = true;
        m_pendingParts |= parts;
        return;
    }
    m_syncing = true;
    m_followParts = parts;
    Q_EMIT syncStarted();
    if (parts & SyncPart::Keys)
        m_steps.append(
            [this] { fetchKeys(m_cache ? m_cache->syncMark(QStringLiteral("keys")).cursor : QString()); });
    if (parts & SyncPart::Customers)
        m_steps.append([this] { fetchCustomers(); });
    if (parts & SyncPart::Team)
        m_steps.append([this] { fetchTeam(); });
    if (parts & SyncPart::Audit)
        m_steps.append(
            [this] { fetchAudit(m_cache ? m_cache->syncMark(QStringLiteral("audit")).cursor : QString()); });
    runNextStep();
}

void SyncWorker::runNextStep() {
    if (m_steps.isEmpty()) {
        m_syncing = false;
        Q_EMIT syncSucceeded(now());
        if (std::exchange(m_resyncRequested, false))
            sync(std::exchange(m_pendingParts, {}));
        else
            startFollowing();
        return;
    }
    m_steps.takeFirst()();
}

void SyncWorker::fail(const GatewayResult &result) {
    qCInfo(lcSync) << "sync stopped:" << result.message;
    finishKeyWrite(); // what was written stays: upserts and its cursor are safe to keep
    ++m_run;
    m_steps.clear();
    m_syncing = false;
    m_resyncRequested = false;
    m_pendingParts = {};
    Q_EMIT syncFailed(result);
}

template <typename Job> Job *SyncWorker::startJob(Job *job, std::function<void(Job *)> onSuccess) {
    job->setAutoDelete(true);
    connect(job, &GatewayJob::finished, this, [this, job, onSuccess, run = m_run](const GatewayResult &r) {
        if (run != m_run)
            return;
        if (r.ok())
            onSuccess(job);
        else
            fail(r);
    });
    job->start();
    return job;
}

void SyncWorker::fetchKeys(const QString &cursor) {
    auto *job = new ListKeysJob(connection(), cursor, m_pageSize, this);
    job->setAutoDelete(true);
    connect(job, &GatewayJob::finished, this, [this, job, cursor, run = m_run](const GatewayResult &r) {
        if (run != m_run) // the sync this page belonged to has failed
            return;
        if (r.errorCode == QLatin1String("invalid_cursor") && !cursor.isEmpty()) {
            // The gateway no longer knows where we were: start over; upserts make it safe.
            qCInfo(lcSync) << "key cursor unknown to the gateway; syncing every key again";
            return fetchKeys({});
        }
        if (!r.ok())
            return fail(r);
        const wire::KeyPage &page = job->page();
        // Ask for the next page before storing this one, so the download overlaps the
        // write (Qt runs HTTP on its own thread); the pages still arrive here in order.
        const bool more = page.hasMore && page.cursor != cursor;
        if (more)
            fetchKeys(page.cursor);
        const auto writeFailed = [this] {
            GatewayResult failed;
            failed.status = GatewayResult::Status::Cancelled;
            failed.message = tr("The local copy of your data could not be written.");
            fail(failed);
        };
        if (!finishKeyWrite())
            return writeFailed();
        if (m_cache)
            writeKeyPageSoon(page);
        if (!page.keys.isEmpty())
            Q_EMIT keysChanged(page.keys);
        if (more)
            return;
        if (!finishKeyWrite())
            return writeFailed();
        runNextStep();
    });
    job->start();
}

void SyncWorker::fetchAudit(const QString &cursor) {
    startJob<AuditJob>(new AuditJob(connection(), cursor, m_pageSize, {}, this),
                       [this, cursor](AuditJob *job) {
                           const wire::AuditPage &page = job->page();
                           if (m_cache)
                               m_cache->storeAudit(page.events, {page.cursor, now()});
                           if (!page.events.isEmpty())
                               Q_EMIT auditAdded(page.events);
                           if (page.hasMore && page.cursor != cursor)
                               fetchAudit(page.cursor);
                           else
                               runNextStep();
                       });
}

void SyncWorker::fetchCustomers() {
    startJob<CustomersJob>(new CustomersJob(connection(), this), [this](CustomersJob *job) {
        if (m_cache)
            m_cache->replaceCustomers(job->customers(), now());
        Q_EMIT customersLoaded(job->customers());
        runNextStep();
    });
}

void SyncWorker::fetchTeam() {
    startJob<TeamJob>(new TeamJob(connection(), this), [this](TeamJob *job) {
        if (m_cache)
            m_cache->replaceTeam(job->members(), now());
        Q_EMIT teamLoaded(job->members());
        runNextStep();
    });
}

void SyncWorker::setFollowChanges(bool follow) {
    m_followChanges = follow;
    if (!follow && m_waitsOpen > 0) {
        ++m_followRun;
        m_waitsOpen = 0;
        Q_EMIT followingChanged(false);
    }
}

void SyncWorker::startFollowing() {
    if (!m_followChanges || m_waitsOpen > 0 || !m_cache)
        return;
    if (m_followParts & SyncPart::Keys) {
        ++m_waitsOpen;
        waitForKeys();
    }
    if (m_followParts & SyncPart::Audit) {
        ++m_waitsOpen;
        waitForAudit();
    }
    if (m_waitsOpen > 0)
        Q_EMIT followingChanged(true);
}

// Both waits end together: the next successful sync starts them again, so nothing is
// missed between (each starts from the cache's cursor).
void SyncWorker::stopFollowing(const GatewayResult &why) {
    qCInfo(lcSync) << "no longer following changes:" << why.message;
    ++m_followRun;
    m_waitsOpen = 0;
    Q_EMIT followingChanged(false);
    Q_EMIT followFailed(why);
}

void SyncWorker::waitForKeys() {
    const QString cursor = m_cache ? m_cache->syncMark(QStringLiteral("keys")).cursor : QString();
    auto *job = new ListKeysJob(connection(), cursor, m_pageSize, this);
    job->setWait(changeWaitSeconds);
    job->setAutoDelete(true);
    connect(job, &GatewayJob::finished, this, [this, job, run = m_followRun](const GatewayResult &r) {
        if (run != m_followRun)
            return;
        if (!r.ok())
            return stopFollowing(r);
        const wire::KeyPage &page = job->page();
        finishKeyWrite();
        if (m_cache)
            m_cache->storeKeys(page.keys, QStringLiteral("keys"), {page.cursor, now()});
        if (!page.keys.isEmpty())
            Q_EMIT keysChanged(page.keys);
        Q_EMIT changesFollowed(now());
        waitForKeys();
    });
    job->start();
}

void SyncWorker::waitForAudit() {
    const QString cursor = m_cache ? m_cache->syncMark(QStringLiteral("audit")).cursor : QString();
    auto *job = new AuditJob(connection(), cursor, m_pageSize, {}, this);
    job->setWait(changeWaitSeconds);
    job->setAutoDelete(true);
    connect(job, &GatewayJob::finished, this, [this, job, run = m_followRun](const GatewayResult &r) {
        if (run != m_followRun)
            return;
        if (!r.ok())
            return stopFollowing(r);
        const wire::AuditPage &page = job->page();
        if (m_cache)
            m_cache->storeAudit(page.events, {page.cursor, now()});
        if (!page.events.isEmpty()) {
            Q_EMIT auditAdded(page.events);
            refreshListsNamedBy(page.events);
        }
        Q_EMIT changesFollowed(now());
        waitForAudit();
    });
    job->start();
}

void SyncWorker::refreshListsNamedBy(const QList<AuditEvent> &events) {
    const auto named = [&events](QLatin1StringView prefix) {
        return std::any_of(events.cbegin(), events.cend(),
                           [prefix](const AuditEvent &e) { return e.action.startsWith(prefix); });
    };
    const quint64 run = m_followRun;
    if ((m_followParts & SyncPart::Customers) && named(QLatin1StringView("customer."))) {
        auto *job = new CustomersJob(connection(), this);
        job->setAutoDelete(true);
        connect(job, &GatewayJob::finished, this, [this, job, run](const GatewayResult &r) {
            if (run != m_followRun || !r.ok())
                return; // the backstop sync reads them again
            if (m_cache)
                m_cache->replaceCustomers(job->customers(), now());
            Q_EMIT customersLoaded(job->customers());
        });
        job->start();
    }
    if ((m_followParts & SyncPart::Team) && named(QLatin1StringView("team."))) {
        auto *job = new TeamJob(connection(), this);
        job->setAutoDelete(true);
        connect(job, &GatewayJob::finished, this, [this, job, run](const GatewayResult &r) {
            if (run != m_followRun || !r.ok())
                return;
            if (m_cache)
                m_cache->replaceTeam(job->members(), now());
            Q_EMIT teamLoaded(job->members());
        });
        job->start();
    }
}

void SyncWorker::storeKeys(const QList<ApiKey> &keys) {
    finishKeyWrite(); // a sync's page in flight must not land after this newer copy
    if (m_cache)
        m_cache->storeKeys(keys);
    Q_EMIT keysChanged(keys);
}

void SyncWorker::fetchUsage(const UsageQuery &query, const QString &scope, quint64 request) {
    QList<UnixTime> settled;
    UsageSeries cached{query.bucket, {}};
    if (m_cache) {
        cached = m_cache->loadUsage(scope, query.bucket, query.from, query.to, &settled);
        if (!cached.buckets.isEmpty())
            Q_EMIT usageCached(request, cached);
    }
    const QList<UsageRange> calls = usageToFetch({query.from, query.to, query.bucket}, settled);
    if (calls.isEmpty()) {
        Q_EMIT usageLoaded(request, cached, false);
        return;
    }
    // The calls' answers laid over what the cache had; the last answer tells.
    struct Fetch {
        QMap<UnixTime, UsageBucket> buckets;
        qsizetype open = 0;
        bool failed = false;
    };
    auto fetch = std::make_shared<Fetch>();
    for (const UsageBucket &b : std::as_const(cached.buckets))
        fetch->buckets.insert(b.start, b);
    fetch->open = calls.size();
    for (const UsageRange &call : calls) {
        UsageQuery part = query;
        part.from = call.from;
        part.to = call.to;
        auto *job = new UsageJob(connection(), part, this);
        job->setAutoDelete(true);
        connect(job, &GatewayJob::finished, this,
                [this, job, query, scope, request, fetch](const GatewayResult &r) {
                    if (r.ok()) {
                        if (m_cache)
                            m_cache->storeUsage(scope, job->series(), now());
                        for (const UsageBucket &b : job->series().buckets)
                            fetch->buckets.insert(b.start, b);
                    } else {
                        fetch->failed = true;
                    }
                    if (--fetch->open > 0)
                        return;
                    // Offline (or refused): what the cache has for the range is better than nothing.
                    Q_EMIT usageLoaded(request, UsageSeries{query.bucket, fetch->buckets.values()},
                                       fetch->failed);
                });
        job->start();
    }
}

void SyncWorker::fetchUsageAnswer(UsageDetail detail, const UsageQuery &query, const QString &slot,
                                  quint64 request) {
    if (m_cache)
        if (const std::optional<UsageAnswer> kept = m_cache->loadUsageAnswer(slot))
            Q_EMIT usageAnswerLoaded(request, *kept);
    GatewayJob *job = detail == UsageDetail::Endpoints
                          ? static_cast<GatewayJob *>(new UsageEndpointsJob(connection(), query, this))
                          : new UsageKeysJob(connection(), query, this);
    job->setAutoDelete(true);
    connect(job, &GatewayJob::finished, this,
            [this, job, detail, query, slot, request](const GatewayResult &r) {
                if (!r.ok()) {
                    Q_EMIT usageAnswerFailed(request, r);
                    return;
                }
                UsageAnswer answer{query.from, query.to, now(), {}, {}, false};
                if (detail == UsageDetail::Endpoints)
                    answer.endpoints = static_cast<UsageEndpointsJob *>(job)->endpoints();
                else
                    answer.keys = static_cast<UsageKeysJob *>(job)->keys();
                if (m_cache)
                    m_cache->storeUsageAnswer(slot, answer);
                Q_EMIT usageAnswerLoaded(request, answer);
            });
    job->start();
}

void SyncWorker::fetchUsageErrors(const UsageQuery &query, quint64 request) {
    auto *job = new UsageErrorsJob(connection(), query, this);
    job->setAutoDelete(true);
    connect(job, &GatewayJob::finished, this, [this, job, request](const GatewayResult &r) {
        if (r.ok())
            Q_EMIT usageErrorsLoaded(request, job->errors());
        else
            Q_EMIT usageErrorsFailed(request, r);
    });
    job->start();
}

} // namespace knotie
