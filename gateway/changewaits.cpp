#include "gateway/changewaits.h"

#include <algorithm>

namespace knotie::gateway {

namespace {
// How often held answers are checked for a client that has gone away.
constexpr std::chrono::seconds clientCheckInterval{1};
} // namespace

ChangeWaits::ChangeWaits()
    : m_thread([this] { keepDeadlines(); }) {}

ChangeWaits::~ChangeWaits() {
    stop();
    m_tick.notify_all();
    m_thread.join();
}

quint64 ChangeWaits::generation(const QString &partnerId) const {
    const std::lock_guard lock(m_mutex);
    return m_generations.value(partnerId);
}

ChangeWaits::Held ChangeWaits::hold(const QString &partnerId, const QByteArray &session, quint64 seen,
                                    std::chrono::steady_clock::time_point deadline,
                                    std::function<bool()> clientGone, Waker wake) {
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopped)
            return Held::Stopped;
        const auto sameSession = std::count_if(m_waiters.cbegin(), m_waiters.cend(),
                                               [&](const Waiter &w) { return w.session == session; });
        if (sameSession >= perSessionLimit)
            return Held::SessionFull;
        if (m_generations.value(partnerId) == seen) {
            m_waiters.push_back({partnerId, session, deadline, std::move(clientGone), std::move(wake)});
            m_tick.notify_all(); // its deadline may be the nearest
            return Held::Yes;
        }
    }
    wake(Wake::Changed); // a change committed since the caller looked
    return Held::Yes;
}

void ChangeWaits::changed(const QString &partnerId) {
    Waiters woken;
    {
        const std::lock_guard lock(m_mutex);
        ++m_generations[partnerId];
        woken = takeIf([&](const Waiter &w) { return w.partnerId == partnerId; });
    }
    wakeAll(woken, Wake::Changed);
}

void ChangeWaits::stop() {
    Waiters woken;
    {
        const std::lock_guard lock(m_mutex);
        m_stopped = true;
        woken.splice(woken.end(), m_waiters);
    }
    wakeAll(woken, Wake::Stopping);
}

int ChangeWaits::heldCount() const {
    const std::lock_guard lock(m_mutex);
    return static_cast<int>(m_waiters.size());
}

void ChangeWaits::wakeAll(Waiters &waiters, Wake why) {
    for (Waiter &waiter : waiters)
        waiter.wake(why);
}

ChangeWaits::Waiters ChangeWaits::takeIf(const std::function<bool(const Waiter &)> &matches) {
    Waiters taken;
    for (auto it = m_waiters.begin(); it != m_waiters.end();) {
        const auto next = std::next(it);
        if (matches(*it))
            taken.splice(taken.end(), m_waiters, it);
        it = next;
    }
    return taken;
}

// The one thread of all held answers: it sleeps until the nearest deadline (or the next
// check for departed clients) and wakes what is due, outside the lock.
void ChangeWaits::keepDeadlines() {
    std::unique_lock lock(m_mutex);
    auto nextClientCheck = std::chrono::steady_clock::now() + clientCheckInterval;
    while (!m_stopped || !m_waiters.empty()) {
        auto until = nextClientCheck;
        for (const Waiter &w : m_waiters)
            until = std::min(until, w.deadline);
        m_tick.wait_until(lock, until);
        if (m_stopped && m_waiters.empty())
            break;
        const auto now = std::chrono::steady_clock::now();
        Waiters expired = takeIf([now](const Waiter &w) { return w.deadline <= now; });
        Waiters gone;
        if (now >= nextClientCheck) {
            nextClientCheck = now + clientCheckInterval;
            gone = takeIf([](const Waiter &w) { return w.clientGone && w.clientGone(); });
        }
        lock.unlock();
        wakeAll(expired, Wake::Expired);
        wakeAll(gone, Wake::ClientGone);
        lock.lock();
    }
}

} // namespace knotie::gateway
