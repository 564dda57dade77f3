#pragma once

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

// RFC 3339 in UTC, `YYYY-MM-DDTHH:MM:SSZ`, the only form the gateway writes.
QString toRfc3339(qint64 secondsSinceEpoch);
// Any RFC 3339 offset is accepted on input.
std::optional<qint64> fromRfc3339(const QString &text);

} // namespace knotie::gateway
