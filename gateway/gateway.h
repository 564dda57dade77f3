#pragma once

#include "gateway/changefollower.h"
#include "gateway/changewaits.h"
#include "gateway/clock.h"
#include "gateway/databasehealth.h"
#include "gateway/http/httpmessage.h"
#include "gateway/keydirectory.h"
#include "gateway/keyservice.h"
#include "gateway/ratelimit/redisratelimiter.h"
#include "gateway/ratelimiter.h"
#include "gateway/router.h"
#include "gateway/signinbudget.h"
#include "gateway/signinlockout.h"
#include "gateway/store.h"
#include "gateway/usage.h"

#include <QSet>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>

namespace knotie::gateway {

// The gateway without its HTTP library: takes a request, checks the credential of the
// route's audience in the order API.md gives, and runs the matched route.
class Gateway {
public:
    struct Options {
        bool testClock = false;  // POST /_test/clock, for tests on loopback only
        int passwordWorkers = 1; // threads that check passwords (the sign-in budget's)
        // --redis: rate limits counted in Redis across instances; none: in this process.
        std::optional<RedisRateLimiter::Options> redis;
    };

    Gateway(Store &store, Options options);
    ~Gateway();

    // Where an instance keeps its usage spool (and its instance id) in its --data folder.
    static QString usageSpoolDirectory(const QString &dataDirectory);

    void handle(HttpRequest request, Responder respond);

    const Router &router() const { return m_router; }
    Store &store() { return m_store; }
    Clock &clock() { return m_clock; }

    // Password checks (the only slow work): budgeted, on their own threads, never on a
    // thread that serves requests.
    SignInBudget &passwordChecks() { return m_passwordChecks; }
    const signinlockout::Lockout &lockout() const { return m_lockout; }

    // Every change of a key goes through here (it also keeps the verification cache true).
    KeyService &keys() { return m_keyService; }

    // The held answers of change waits and the notifier that wakes them (API.md v1.1).
    ChangeWaits &changeWaits() { return m_changeWaits; }
    // Runs `work` on a database thread (never on a serving one).
    void runDatabaseWork(std::function<void()> work);
    // The first step of stopping, before the server drains its connections: every held
    // answer is given, empty, and no new one is held.
    void endHeldAnswers();

    // After the server has stopped accepting and serving (SIGTERM, SIGINT): drops the
    // password checks still queued, waits for those running and for the database work
    // under way, then writes the usage still in memory. Only then may the gateway and its
    // store be destroyed.
    void stop();

    // Whether the database can be reached (/healthz; other routes answer 503 while not).
    const DatabaseHealth &databaseHealth() const { return m_databaseHealth; }

    // Threads for database work: enough that two slow queries leave others room, few
    // enough that SQLite's one writer is not fought over.
    static constexpr int databaseThreads = 6;

private:
    void registerSystemRoutes();
    void noteSessionSeen(const Principal &user);
    // `key`: the request's key already looked up, if handle() did (taken from).
    void serve(HttpRequest &request, const RouteMatch &match, Responder respond,
               KeyDirectory::Lookup *key = nullptr);
    // `respond`, recording the answer in the key's usage first (gateway/usage.h).
    Responder recording(const HttpRequest &request, const RouteMatch &match, const KeyPrincipal &key,
                        bool countsAsUsage, Responder respond);
    void handleApiKey(const HttpRequest &request, const RouteMatch &match, KeyPrincipal key,
                      Responder respond);
    // A route's storage failure (500) the client may retry: 503 `busy` when a write gave up
    // on another writer's lock, 503 `unavailable` when the connection broke.
    HttpResponse retryableWhenStorageFailed(HttpResponse response);

    Store &m_store;
    Options m_options;
    Clock m_clock;
    Router m_router;
    KeyDirectory m_keys;
    KeyService m_keyService;
    RateLimiter m_rateLimiter;
    std::unique_ptr<RedisRateLimiter> m_sharedRateLimiter; // with --redis, instead of m_rateLimiter
    UsageRecorder m_usage;
    signinlockout::Lockout m_lockout;
    SignInBudget m_passwordChecks;
    DatabaseHealth m_databaseHealth;
    QThreadPool m_databaseWork;
    ChangeWaits m_changeWaits;
    // Other instances' changes, on PostgreSQL (declared last: stopped first).
    std::unique_ptr<ChangeFollower> m_changeFollower;
};

// Each group of routes registers itself; one function per file under routes/.
void registerSessionRoutes(Gateway &gateway, Router &router);
void registerTeamRoutes(Gateway &gateway, Router &router);
void registerKeyRoutes(Gateway &gateway, Router &router);
void registerAuditRoutes(Gateway &gateway, Router &router);
void registerPlatformRoutes(Gateway &gateway, Router &router);
void registerMcpRoutes(Gateway &gateway, Router &router);
void registerUsageRoutes(Gateway &gateway, Router &router);

} // namespace knotie::gateway
