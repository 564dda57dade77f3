#pragma once

#include "gateway/clock.h"
#include "gateway/http/httpmessage.h"
#include "gateway/keydirectory.h"
#include "gateway/keyservice.h"
#include "gateway/ratelimiter.h"
#include "gateway/router.h"
#include "gateway/store.h"
#include "gateway/usage.h"

#include <QSet>
#include <QThreadPool>

#include <functional>

namespace knotie::gateway {

// The gateway without its HTTP library: takes a request, checks the credential of the
// route's audience in the order API.md gives, and runs the matched route.
class Gateway {
public:
    struct Options {
        bool testClock = false; // POST /_test/clock, for tests on loopback only
    };

    Gateway(Store &store, Options options);
    ~Gateway();

    void handle(HttpRequest request, Responder respond);

    const Router &router() const { return m_router; }
    Store &store() { return m_store; }
    Clock &clock() { return m_clock; }

    // Slow work (password hashing) runs here, never on a thread that serves requests.
    void runInBackground(std::function<void()> work);

    // Every change of a key goes through here (it also keeps the verification cache true).
    KeyService &keys() { return m_keyService; }

    // After the server has stopped: finishes the database work under way and writes the
    // usage still in memory (SIGTERM, SIGINT).
    void stop();

    // Threads for database work: enough that two slow queries leave others room, few
    // enough that SQLite's one writer is not fought over.
    static constexpr int databaseThreads = 6;

private:
    void registerSystemRoutes();
    void serve(const HttpRequest &request, const RouteMatch &match, Responder respond);
    void handleApiKey(const HttpRequest &request, const RouteMatch &match, KeyPrincipal key,
                      Responder respond);

    Store &m_store;
    Options m_options;
    Clock m_clock;
    Router m_router;
    KeyDirectory m_keys;
    KeyService m_keyService;
    RateLimiter m_rateLimiter;
    UsageRecorder m_usage;
    QThreadPool m_databaseWork;
    QSet<QString> m_inlineRoutes; // templates answered without the database
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
