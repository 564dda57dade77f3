#include "gateway/http/connectionregistry.h"

namespace knotie::gateway {

void ConnectionRegistry::setCap(std::size_t cap) {
    const std::lock_guard lock(m_mutex);
    m_cap = cap;
}

std::size_t ConnectionRegistry::cap() const {
    const std::lock_guard lock(m_mutex);
    return m_cap;
}

std::size_t ConnectionRegistry::count() const {
    const std::lock_guard lock(m_mutex);
    return m_count;
}

void ConnectionRegistry::closeIdle() {
    std::list<std::shared_ptr<IdleConnection>> idle;
    {
        const std::lock_guard lock(m_mutex);
        for (const auto &[connection, slot] : m_idle)
            if (auto alive = connection.lock())
                idle.push_back(std::move(alive));
    }
    for (const auto &connection : idle)
        connection->closeIfIdle();
}

bool ConnectionRegistry::admit() {
    std::shared_ptr<IdleConnection> victim;
    {
        const std::lock_guard lock(m_mutex);
        if (m_count < m_cap) {
            ++m_count;
            return true;
        }
        while (!victim && !m_idle.empty()) {
            auto [connection, slot] = m_idle.front();
            m_idle.pop_front();
            slot->idle = false;
            slot->evicted = true;
            victim = connection.lock();
            // A connection already going away frees its place itself: take the next one.
            if (!victim)
                slot->evicted = false;
        }
    }
    if (!victim)
        return false;
    victim->closeIfIdle();
    return true;
}

void ConnectionRegistry::leave(Slot &slot) {
    const std::lock_guard lock(m_mutex);
    if (slot.idle)
        m_idle.erase(slot.idleAt);
    slot.idle = false;
    if (!slot.evicted)
        --m_count;
    slot.evicted = true;
}

void ConnectionRegistry::becomeIdle(Slot &slot, std::weak_ptr<IdleConnection> connection) {
    const std::lock_guard lock(m_mutex);
    if (slot.evicted || slot.idle)
        return;
    slot.idleAt = m_idle.insert(m_idle.end(), {std::move(connection), &slot});
    slot.idle = true;
}

bool ConnectionRegistry::becomeBusy(Slot &slot) {
    const std::lock_guard lock(m_mutex);
    if (slot.idle)
        m_idle.erase(slot.idleAt);
    slot.idle = false;
    return !slot.evicted;
}

} // namespace knotie::gateway
