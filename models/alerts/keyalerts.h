#pragma once

#include "models/data/apikey.h"
#include "models/network/callerjobs.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace knotie {

// What the portal warns about before a key breaks (issue 15, "Warn before keys break").
enum class AlertKind { Expiring7Days, Expiring1Day, GraceEnding, ErrorBurst, RateLimited, UsageThreshold };

QList<AlertKind> allAlertKinds();
// Stable names for settings and event identities ("expiring-7d", …).
QString alertKindName(AlertKind kind);

namespace alertrules {
constexpr qint64 windowSeconds = 15 * 60; // errors and rate limits look at the last 15 minutes
constexpr qint64 burstMinRequests = 20;   // fewer requests say nothing about a rate
constexpr int burstErrorPercent = 20;     // more than this share of errors is a burst
constexpr int rateLimitedMinutes = 3;     // 429s in this many distinct minutes is "repeatedly"
constexpr qint64 graceWarnSeconds = 3600; // a rotation's grace ending within the hour
constexpr qint64 expiryLastDaySeconds = 86400;
constexpr qint64 expiryWeekSeconds = 7 * 86400;
} // namespace alertrules

// A key's recent traffic, as far as the portal knows it: counted from its latest requests
// (GET /v1/keys/{id}/requests) for the last 15 minutes, and today's requests from
// GET /v1/usage/keys. `known` false: no usage was fetched for the key.
struct KeyActivity {
    bool known = false;
    qint64 recentRequests = 0;
    qint64 recentErrors = 0;
    int rateLimitedMinutes = 0;    // distinct minutes of the window with a 429 rate_limited
    qint64 busiestLimitWindow = 0; // most requests within one rate-limit window (its own length)
    qint64 requestsToday = 0;      // since 00:00 UTC
};

// Counts `newestFirst` (a key's latest requests) into the window ending at `now`.
KeyActivity activityFromRequests(const QList<KeyRequest> &newestFirst, UnixTime now,
                                 const std::optional<RateLimit> &limit);

// An owner's or admin's "warn me at …" for one key: 0 means not set.
struct UsageWarning {
    int percentOfRateLimit = 0;
    qint64 requestsPerDay = 0;
    bool isSet() const { return percentOfRateLimit > 0 || requestsPerDay > 0; }
    bool operator==(const UsageWarning &) const = default;
};

struct KeyAlert {
    AlertKind kind = AlertKind::Expiring7Days;
    QString keyId;
    // The event's identity: key, kind and the expiry, grace end, window or day it is about.
    // An event with the same identity is never shown twice.
    QString eventId;
    QString summary;
    QString body;
};

struct AlertInputs {
    QList<ApiKey> keys;
    QHash<QString, KeyActivity> activity;  // by key id
    QHash<QString, UsageWarning> warnings; // by key id
    UnixTime now = 0;
    QSet<AlertKind> enabled;
    QSet<QString> notified; // event ids shown before (the AlertMemory)
};

struct AlertDecision {
    QList<KeyAlert> show;
    // Event ids to remember without showing: a burst or rate limiting that goes on into the
    // next window continues an event already shown.
    QStringList quiet;
};

// The one place that decides what to notify now: a pure function, so every rule and
// boundary is tested without a clock, a bus or a gateway.
AlertDecision alertsDue(const AlertInputs &inputs);

} // namespace knotie
