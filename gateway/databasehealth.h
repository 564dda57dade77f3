#pragma once

#include "gateway/http/httpmessage.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace knotie::gateway {

class Store;

// Whether the database can be reached (API.md v1.1 "Running many gateways"), for /healthz
// and for answering 503 `unavailable` at once rather than waiting on a database that went
// away. On PostgreSQL a thread of its own asks `SELECT 1` twice a second on its own
// connection (opened again while the server is away, each attempt bounded by libpq's
// connect_timeout); when the server is back, every thread's connection is rechecked
// (Store::recheckConnections). The outage and the recovery are logged once each. SQLite's
// file is always reachable: no thread.
class DatabaseHealth {
public:
    static constexpr std::chrono::milliseconds probeInterval{500};

    explicit DatabaseHealth(Store &store);
    ~DatabaseHealth();
    DatabaseHealth(const DatabaseHealth &) = delete;
    DatabaseHealth &operator=(const DatabaseHealth &) = delete;

    bool reachable() const { return m_reachable.load(std::memory_order_relaxed); }
    // A request found its connection broken: probe now rather than at the next turn.
    void probeSoon();
    void stop();

private:
    void run();
    bool probe(QString *error);

    Store &m_store;
    std::atomic<bool> m_reachable{true};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_probeSoon = false;
    std::thread m_thread;
};

// 503 `unavailable` with Retry-After: the database cannot be reached just now.
HttpResponse databaseUnavailable();

} // namespace knotie::gateway
