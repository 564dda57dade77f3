#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <list>
#include <mutex>
#include <thread>

namespace knotie::gateway {

// The held answers of API.md v1.1's change waits (`GET /v1/keys|/v1/audit?wait=`), and
// the one notifier that wakes them. A commit that changed a partner's keys or audit log
// calls changed(partner) (Store::write does, after COMMIT); every waiter of that partner
// then wakes at once. On PostgreSQL the change follower (gateway/changefollower.h) feeds
// the same call with other instances' commits, read from the change log (issue #17).
//
// A held answer occupies no thread: it is an entry here, and one thread of this class
// keeps the deadlines and checks every second whether the client has left.
class ChangeWaits {
public:
    enum class Wake { Changed, Expired, Stopping, ClientGone };
    using Waker = std::function<void(Wake)>;

    // At most this many held answers per session at once (API.md v1.1).
    static constexpr int perSessionLimit = 4;

    ChangeWaits();
    ~ChangeWaits();
    ChangeWaits(const ChangeWaits &) = delete;
    ChangeWaits &operator=(const ChangeWaits &) = delete;

    // The partner's change count so far: read it before looking for changes, and hand it
    // to hold(), so a change committed in between wakes the waiter at once.
    quint64 generation(const QString &partnerId) const;

    enum class Held { Yes, SessionFull, Stopped };
    // Holds until a change of the partner after `seen`, the deadline, stop(), or the
    // client leaving (`clientGone`, may be empty); then calls `wake` once, on this class's
    // thread or the caller's. Refused (nothing called) past the session's limit or once
    // stopped.
    Held hold(const QString &partnerId, const QByteArray &session, quint64 seen,
              std::chrono::steady_clock::time_point deadline, std::function<bool()> clientGone, Waker wake);

    void changed(const QString &partnerId);

    // Wakes every waiter with Wake::Stopping and refuses new ones. Idempotent.
    void stop();

    int heldCount() const;

private:
    struct Waiter {
        QString partnerId;
        QByteArray session;
        std::chrono::steady_clock::time_point deadline;
        std::function<bool()> clientGone;
        Waker wake;
    };
    using Waiters = std::list<Waiter>;

    void keepDeadlines();
    // Takes out the waiters `matches` selects; the caller wakes them without the lock.
    Waiters takeIf(const std::function<bool(const Waiter &)> &matches);
    static void wakeAll(Waiters &waiters, Wake why);

    mutable std::mutex m_mutex;
    std::condition_variable m_tick;
    QHash<QString, quint64> m_generations;
    Waiters m_waiters;
    bool m_stopped = false;
    std::thread m_thread;
};

} // namespace knotie::gateway
