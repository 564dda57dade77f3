#pragma once

#include <cstddef>
#include <memory>
#include <mutex>

namespace knotie::gateway {

// A connection the registry may ask to close while it waits for its next request.
class IdleConnection {
public:
    virtual ~IdleConnection() = default;
    // Called from any thread; the connection closes on its own strand if it is still idle.
    virtual void closeIfIdle() = 0;
};

// The connection cap. When it is reached, the connection that has waited longest for its
// next request is closed to make room; connections in the middle of a request (held
// answers among them) are never closed for a newcomer, who is refused instead.
class ConnectionRegistry {
public:
    // One connection's place in the count; leave() gives it back.
    // Idle slots are linked through themselves, oldest first: a connection going idle and
    // busy again, once per request, allocates nothing.
    struct Slot {
        bool idle = false;
        bool evicted = false;                     // its place went to a newcomer
        std::weak_ptr<IdleConnection> connection; // set once, before the slot first goes idle
        Slot *older = nullptr;
        Slot *newer = nullptr;
    };

    explicit ConnectionRegistry(std::size_t cap = 1024)
        : m_cap(cap) {}
    void setCap(std::size_t cap);
    std::size_t cap() const;

    // True when a new connection may be served: there is room, or the oldest idle
    // connection was told to close and its place is the newcomer's.
    bool admit();
    void leave(Slot &slot);
    void becomeIdle(Slot &slot);
    // False when the connection was evicted meanwhile and must close.
    bool becomeBusy(Slot &slot);
    std::size_t count() const;
    // Asks every idle connection to close (the server is stopping).
    void closeIdle();

private:
    mutable std::mutex m_mutex;
    std::size_t m_cap;
    std::size_t m_count = 0;
    void unlinkIdle(Slot &slot);

    Slot *m_oldestIdle = nullptr;
    Slot *m_newestIdle = nullptr;
};

} // namespace knotie::gateway
