#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>

namespace knotie::gateway {

// Every bound the HTTP layer keeps; docs/architecture.md ("The gateway's limits") says
// why each default is what it is. Tests shorten the times through hidden options.
struct HttpLimits {
    std::size_t maxBodyBytes = 1024 * 1024;
    std::size_t maxHeaderBytes = 16 * 1024;
    // The request line and headers, chunk-size lines with their extensions, and trailers of one request.
    std::size_t maxFramingBytes = 64 * 1024;
    // Request bodies held at once by all connections together; past it: 503 busy.
    std::size_t bodyBudgetBytes = 64 * 1024 * 1024;
    // 0: derived from the open-file limit when the server starts listening.
    std::size_t maxConnections = 0;
    // Keep-alive: how long a connection may wait for its next request.
    std::chrono::milliseconds idleTimeout{std::chrono::seconds(30)};
    // From a request's first byte to its answer's last, whatever trickles in between.
    std::chrono::milliseconds requestDeadline{std::chrono::seconds(30)};
    std::chrono::milliseconds tlsHandshakeTimeout{std::chrono::seconds(10)};
    // After a refusal: how long unread bytes are drained so the client sees the answer.
    std::chrono::milliseconds lingerTime{std::chrono::seconds(2)};
};

// The bytes of request bodies in flight, shared by every connection.
class BodyBudget {
public:
    explicit BodyBudget(std::size_t limitBytes)
        : m_limit(limitBytes) {}

    bool tryReserve(std::size_t bytes) {
        std::size_t used = m_used.load(std::memory_order_relaxed);
        do {
            if (bytes > m_limit - used)
                return false;
        } while (!m_used.compare_exchange_weak(used, used + bytes, std::memory_order_relaxed));
        return true;
    }
    void release(std::size_t bytes) { m_used.fetch_sub(bytes, std::memory_order_relaxed); }
    std::size_t inUse() const { return m_used.load(std::memory_order_relaxed); }

private:
    const std::size_t m_limit;
    std::atomic<std::size_t> m_used{0};
};

// One request's share of the budget, given back when it goes away.
class BodyReservation {
public:
    BodyReservation() = default;
    explicit BodyReservation(BodyBudget &budget)
        : m_budget(&budget) {}
    BodyReservation(BodyReservation &&other) noexcept
        : m_budget(other.m_budget)
        , m_bytes(other.m_bytes) {
        other.m_bytes = 0;
    }
    BodyReservation &operator=(BodyReservation &&other) noexcept {
        if (this != &other) {
            reset();
            m_budget = other.m_budget;
            m_bytes = other.m_bytes;
            other.m_bytes = 0;
        }
        return *this;
    }
    BodyReservation(const BodyReservation &) = delete;
    BodyReservation &operator=(const BodyReservation &) = delete;
    ~BodyReservation() { reset(); }

    bool grow(std::size_t bytes) {
        if (!m_budget || !m_budget->tryReserve(bytes))
            return false;
        m_bytes += bytes;
        return true;
    }
    void reset() {
        if (m_budget && m_bytes > 0)
            m_budget->release(m_bytes);
        m_bytes = 0;
    }
    std::size_t bytes() const { return m_bytes; }

private:
    BodyBudget *m_budget = nullptr;
    std::size_t m_bytes = 0;
};

} // namespace knotie::gateway
