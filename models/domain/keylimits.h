#pragma once

#include <QtGlobal>

namespace knotie {

// A key's own rate limit (API.md, "ApiKey.rate_limit"): at most `requests` within any
// `perSeconds`.
struct RateLimit {
    int requests = 0;
    int perSeconds = 0;
    bool operator==(const RateLimit &) const = default;
};

// The bounds API.md puts on keys and usage queries: the gateway refuses anything outside
// them and the portal offers nothing outside them.
namespace keylimits {
constexpr qint64 defaultGraceSeconds = 86400;        // a rotation's grace when none is given
constexpr qint64 maxGraceSeconds = 7 * 86400;        // 7 days
constexpr int maxRateLimitRequests = 1000000;        // per window
constexpr int maxRateLimitSeconds = 86400;           // the longest window
constexpr qint64 maxUsageRangeSeconds = 400 * 86400; // the longest usage query

// An expiry, when a key is created or changed, must lie in the future.
constexpr bool isValidExpiry(qint64 expiresAt, qint64 now) {
    return expiresAt > now;
}

constexpr bool isValid(const RateLimit &limit) {
    return limit.requests >= 1 && limit.requests <= maxRateLimitRequests && limit.perSeconds >= 1 &&
           limit.perSeconds <= maxRateLimitSeconds;
}
} // namespace keylimits

} // namespace knotie
