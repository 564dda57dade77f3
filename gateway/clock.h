#pragma once

#include "models/domain/rfc3339.h"

#include <QDateTime>
#include <QString>

#include <optional>

#include <atomic>

namespace knotie::gateway {

// The gateway's notion of now. Tests started with --test-clock move it forward to see
// grace periods and expiries end without waiting.
class Clock {
public:
    qint64 nowSeconds() const { return QDateTime::currentSecsSinceEpoch() + m_offset.load(); }
    // For sliding rate-limit windows, which need more than whole seconds.
    qint64 nowMilliseconds() const { return QDateTime::currentMSecsSinceEpoch() + m_offset.load() * 1000; }
    void advance(qint64 seconds) { m_offset += seconds; }

private:
    std::atomic<qint64> m_offset{0};
};

} // namespace knotie::gateway
