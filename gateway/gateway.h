#pragma once

#include "clock.h"
#include "http/httpmessage.h"
#include "router.h"
#include "store.h"

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

    void handle(HttpRequest request, Responder respond);

    const Router &router() const { return m_router; }
    Store &store() { return m_store; }
    Clock &clock() { return m_clock; }

    // Slow work (password hashing) runs here, never on a thread that serves requests.
    void runInBackground(std::function<void()> work);

private:
    void registerSystemRoutes();

    Store &m_store;
    Options m_options;
    Clock m_clock;
    Router m_router;
};

// Each group of routes registers itself; one function per file under routes/.
void registerSessionRoutes(Gateway &gateway, Router &router);
void registerTeamRoutes(Gateway &gateway, Router &router);
void registerKeyRoutes(Gateway &gateway, Router &router);
void registerAuditRoutes(Gateway &gateway, Router &router);

} // namespace knotie::gateway
