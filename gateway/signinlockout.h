#pragma once

#include <QSqlDatabase>
#include <QString>

namespace knotie::gateway {
class Store;
}

namespace knotie::gateway::signinlockout {

// API.md, Sessions: after 5 failures for one email within a sliding 15 minutes, every
// attempt for it gets 429 until the window has moved past them. Emails are counted by
// their case-folded form whether or not anyone has them, so a lockout tells nothing
// about who exists. A refused (429) attempt is not a failure.
inline constexpr int maximumFailures = 5;
inline constexpr qint64 windowSeconds = 15 * 60;

struct Attempt {
    qint64 retryAfterSeconds = 0; // > 0: locked, refuse with 429 and this Retry-After
    bool failed = false;          // true: could not be recorded; refuse rather than guess
};

// Starts an attempt: counts it as a failure at once, before the slow password check,
// so guesses sent in parallel cannot slip past the limit while their checks run.
// A successful sign-in then calls clear() in the same transaction that saves the session.
Attempt begin(const Store &store, const QString &emailKey, qint64 now);
bool clear(QSqlDatabase &db, const QString &emailKey);

} // namespace knotie::gateway::signinlockout
