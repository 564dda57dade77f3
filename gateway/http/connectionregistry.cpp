#include "gateway/http/connectionregistry.h"

#include <vector>

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
    std::vector<std::shared_ptr<IdleConnection>> idle;
    {
        const std::lock_guard lock(m_mutex);
        for (Slot *slot = m_oldestIdle; slot; slot = slot->newer)
            if (auto alive = slot->connection.lock())
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
        while (!victim && m_oldestIdle) {
            Slot *slot = m_oldestIdle;
            unlinkIdle(*slot);
            slot->evicted = true;
            victim = slot->connection.lock();
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
    unlinkIdle(slot);
    if (!slot.evicted)
        --m_count;
    slot.evicted = true;
}

void ConnectionRegistry::becomeIdle(Slot &slot) {
    const std::lock_guard lock(m_mutex);
    if (slot.evicted || slot.idle)
        return;
    slot.older = m_newestIdle;
    slot.newer = nullptr;
    (m_newestIdle ? m_newestIdle->newer : m_oldestIdle) = &slot;
    m_newestIdle = &slot;
    slot.idle = true;
}

bool ConnectionRegistry::becomeBusy(Slot &slot) {
    const std::lock_guard lock(m_mutex);
    unlinkIdle(slot);
    return !slot.evicted;
}

void ConnectionRegistry::unlinkIdle(Slot &slot) {
    if (!slot.idle)
        return;
    (slot.older ? slot.older->newer : m_oldestIdle) = slot.newer;
    (slot.newer ? slot.newer->older : m_newestIdle) = slot.older;
    slot.older = slot.newer = nullptr;
    slot.idle = false;
}

} // namespace knotie::gateway
