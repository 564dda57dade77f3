#pragma once

#include <QByteArray>

#include <optional>

namespace knotie::gateway {

// RFC 8594's Sunset header for a Platform API answer (API.md v1.1, "What a key's callers
// see"): a key that stops working within this many seconds tells its caller when, so the
// caller's own logs warn before it breaks. A rotated key's grace end is its expires_at, so
// it is covered too.
inline constexpr qint64 sunsetNoticeSeconds = 30 * 86400;

// The header's value (an IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT") when the key
// expires within the notice period from `now`; nothing for a key without expiry or one
// further away.
std::optional<QByteArray> sunsetHeader(const std::optional<qint64> &expiresAt, qint64 now);

// RFC 9110's IMF-fixdate, always in English and GMT whatever the locale.
QByteArray imfFixdate(qint64 secondsSinceEpoch);

} // namespace knotie::gateway
