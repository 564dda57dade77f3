#include "gateway/ratelimiter.h"

namespace knotie::gateway {

RateLimiter::Verdict RateLimiter::admit(const QString &keyId, int requests, int seconds,
                                        qint64 nowMilliseconds) {
    if (requests <= 0 || seconds <= 0)
        return {};
    std::shared_ptr<Window> window;
    {
        std::lock_guard lock(m_mutex);
        auto &slot = m_windows[keyId];
        if (!slot)
            slot = std::make_shared<Window>();
        window = slot;
    }
    const qint64 span = qint64(seconds) * 1000;
    std::lock_guard lock(window->mutex);
    auto &admitted = window->admitted;
    while (!admitted.empty() && admitted.front() <= nowMilliseconds - span)
        admitted.pop_front();
    if (admitted.size() < static_cast<std::size_t>(requests)) {
        admitted.push_back(nowMilliseconds);
        return {};
    }
    const qint64 waitMs = admitted.front() + span - nowMilliseconds;
    return {false, static_cast<int>(qMax<qint64>(1, (waitMs + 999) / 1000))};
}

} // namespace knotie::gateway
