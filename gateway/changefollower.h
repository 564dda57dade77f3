#pragma once

#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

namespace knotie::gateway {

class ChangeWaits;
class KeyDirectory;
class Store;

// Follows the change log (gateway/changes.h) that every instance on one PostgreSQL
// database writes, so this instance's verification cache and change waits learn of the
// others' changes within a second (issue #17; docs/architecture.md "Key changes across
// instances"). One thread holds one connection of its own (application_name
// `knotie-changes-<instance id>`), LISTENs on the log's channel and waits on its socket:
// a notification wakes it at once; without one it reads the log every pollInterval
// anyway, so lost notifications cost at most that. A dropped connection is opened again
// by itself, and the log read from the last position seen.
//
// Only for PostgreSQL: on SQLite one instance writes and its own writes already refresh
// its cache and wake its waiters.
class ChangeFollower {
public:
    // How often the log is read without a notification (the issue asks for at least every 500 ms).
    static constexpr std::chrono::milliseconds pollInterval{250};

    ChangeFollower(Store &store, KeyDirectory &directory, ChangeWaits &waits);
    ~ChangeFollower();
    ChangeFollower(const ChangeFollower &) = delete;
    ChangeFollower &operator=(const ChangeFollower &) = delete;

private:
    void run(std::promise<void> *resumed);
    // Reads and applies the log past m_lastSeen; false when the connection failed.
    bool catchUp(QSqlDatabase &db);
    // On (re)connecting: LISTEN, then the log since m_lastSeen (or from its end, the first time).
    bool resume(QSqlDatabase &db);
    void waitForStop(std::chrono::milliseconds timeout);

    Store &m_store;
    KeyDirectory &m_directory;
    ChangeWaits &m_waits;
    const QString m_connectionName;
    qint64 m_lastSeen = -1; // -1: not read yet
    int m_wakeFd = -1;      // an eventfd: the destructor wakes the thread with it
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
};

} // namespace knotie::gateway
