#pragma once

#include "models/cache/cache.h"
#include "models/network/callerjobs.h"
#include "models/network/datajobs.h"
#include "models/network/gatewayconnection.h"
#include "models/network/gatewayresult.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace knotie {

enum class UsageDetail { Endpoints, Keys };

// What a sync fetches; the session decides from the person's permissions (Access), so
// the worker never asks for what the gateway would refuse.
enum class SyncPart { Keys = 0x1, Audit = 0x2, Customers = 0x4, Team = 0x8 };
Q_DECLARE_FLAGS(SyncParts, SyncPart)
Q_DECLARE_OPERATORS_FOR_FLAGS(SyncParts)

// The cache and the sync, on a worker thread (never the GUI thread): it owns the Cache
// (whose connection lives in this thread) and its own QNetworkAccessManager, and reports
// by signals, which reach the GUI thread queued. Every slot is meant to be invoked
// queued from the SyncController; tests and benchmarks may also drive it directly.
class SyncWorker : public QObject {
    Q_OBJECT
public:
    explicit SyncWorker(QObject *parent = nullptr);
    ~SyncWorker() override;

    // Keys sent ahead of the rest when the cache opens (keysLoaded twice then).
    static constexpr int firstKeysShown = 200;

    // Seconds a change wait asks the gateway to hold its answer (API.md allows 0..60).
    static constexpr int changeWaitSeconds = 25;

    // Rows per page of GET /v1/keys and /v1/audit (API.md allows 1..1000).
    void setPageSize(int size) { m_pageSize = size; }
    Cache *cache() const { return m_cache.get(); }

public Q_SLOTS:
    // Opens (or creates) the cache file and emits what it holds: openCacheAhead (false if
    // there is no cache to read), then readCache.
    void openCache(const QString &path);
    // Opens the cache and sends its newest keys, a screenful, ahead of the rest.
    bool openCacheAhead(const QString &path);
    // Checks the whole file, then sends every key, the customers, the team and the audit.
    // Syncs asked for before it wait for it: what they merge must not be overwritten by the
    // older rows read after them.
    void readCache();
    void closeCache();
    // Where and as whom to sync. The access manager of `connection` is ignored: the worker
    // uses its own, which lives in its thread.
    void setConnection(const knotie::GatewayConnection &connection);
    void sync(knotie::SyncParts parts);
    // Keys the GUI learned from a create, rotate or revoke: stored at once, before the
    // next sync brings them too.
    void storeKeys(const QList<knotie::ApiKey> &keys);
    // The buckets of `query` for `scope` (UsageFilter::scope()), for the UsageService's
    // request `request`. The cache is the source and the gateway its refresher: what the
    // cache has comes at once (usageCached), then only the buckets that may still change
    // are asked for, in calls of at most 400 days, and the whole range comes again
    // (usageLoaded; from the cache alone if the gateway did not answer). A failure here is
    // the request's, not the sync's: it does not raise syncFailed.
    void fetchUsage(const knotie::UsageQuery &query, const QString &scope, quint64 request = 0);
    // A usage detail call kept per `slot`: the kept answer comes at once (if any), then
    // the gateway's (both usageAnswerLoaded) or its failure (usageAnswerFailed).
    void fetchUsageAnswer(knotie::UsageDetail detail, const knotie::UsageQuery &query, const QString &slot,
                          quint64 request = 0);
    // Error answers by status and code (the Analytics Errors tab): usageErrorsLoaded or
    // usageErrorsFailed.
    void fetchUsageErrors(const knotie::UsageQuery &query, quint64 request);
    // Follows changes as they happen (API.md v1.1 change waits) after each successful
    // sync: a held GET /v1/keys and a held GET /v1/audit, asked again as soon as each is
    // answered, so a change made anywhere arrives within a fraction of a second.
    void setFollowChanges(bool follow);

Q_SIGNALS:
    void cacheOpened(knotie::Cache::OpenStatus status, const QString &message, knotie::UnixTime lastSyncedAt);
    void keysLoaded(const QList<knotie::ApiKey> &keys);
    void keysChanged(const QList<knotie::ApiKey> &keys);
    void customersLoaded(const QList<knotie::Customer> &customers);
    void teamLoaded(const QList<knotie::TeamMember> &members);
    void auditLoaded(const QList<knotie::AuditEvent> &newestFirst);
    void auditAdded(const QList<knotie::AuditEvent> &events);
    // Each names the request it answers (the UsageService hands the answer to its asker).
    void usageLoaded(quint64 request, const knotie::UsageSeries &series, bool fromCache);
    // What the cache has of a range, before the gateway brings the rest.
    void usageCached(quint64 request, const knotie::UsageSeries &series);
    void usageAnswerLoaded(quint64 request, const knotie::UsageAnswer &answer);
    void usageAnswerFailed(quint64 request, const knotie::GatewayResult &result);
    void usageErrorsLoaded(quint64 request, const QList<knotie::UsageErrorCount> &errors);
    void usageErrorsFailed(quint64 request, const knotie::GatewayResult &result);
    void syncStarted();
    void syncSucceeded(knotie::UnixTime syncedAt);
    void syncFailed(const knotie::GatewayResult &result);
    // The change waits run (true), or stopped (false: `followFailed` says why).
    void followingChanged(bool following);
    // A change wait answered (with changes or, after its wait, without): the data is
    // true as of `at`.
    void changesFollowed(knotie::UnixTime at);
    void followFailed(const knotie::GatewayResult &result);

private:
    void readWholeCache();
    // Tells the person what opening or checking the cache found; false when the portal
    // goes on without one.
    bool reportOpened(const Cache::OpenResult &result);
    GatewayConnection connection() const;
    void runNextStep();
    void fail(const GatewayResult &result);
    void fetchKeys(const QString &cursor);
    void fetchAudit(const QString &cursor);
    void fetchCustomers();
    void fetchTeam();
    template <typename Job> Job *startJob(Job *job, std::function<void(Job *)> onSuccess);
    void startFollowing();
    void stopFollowing(const GatewayResult &why);
    void waitForKeys();
    void waitForAudit();
    // A sync's key pages are written on a thread of their own while the next page is read
    // and parsed here: storing 100,000 keys costs about as much as parsing them. Pages are
    // written one at a time, in order; each waits for the one before.
    void writeKeyPageSoon(const wire::KeyPage &page);
    // Waits for the page being written; false if it could not be written.
    bool finishKeyWrite();
    // Ends the writing thread, whose cache connection goes with it.
    void stopKeyWriter();
    // After audit events about customers or the team, those lists (which have no change
    // wait of their own) are read again.
    void refreshListsNamedBy(const QList<AuditEvent> &events);

    std::unique_ptr<Cache> m_cache;
    QNetworkAccessManager *m_network = nullptr;
    GatewayConnection m_connection;
    QList<std::function<void()>> m_steps;
    bool m_syncing = false;
    bool m_resyncRequested = false;
    SyncParts m_pendingParts;
    int m_pageSize = 1000;
    bool m_readPending = false;     // the screenful is sent, the rest of the cache not yet
    bool m_screenfulWasAll = false; // the cache held no more keys than the screenful sent ahead
    quint64 m_run = 0;              // bumped when a sync ends early, so its late pages are ignored
    bool m_followChanges = false;
    SyncParts m_followParts;               // what the last successful sync read
    quint64 m_followRun = 0;               // bumped when following stops, so late answers are ignored
    int m_waitsOpen = 0;                   // change waits under way (0, 1 or 2)
    QThread m_keyWriter;                   // started with the first page written; stopped before m_cache goes
    QObject *m_keyWriterContext = nullptr; // lives in m_keyWriter: the writes are queued to it
    QFuture<bool> m_keyWrite;
    std::unique_ptr<Cache> m_writerCache; // used on m_keyWriter only
};

} // namespace knotie
