#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <mutex>

namespace knotie::gateway {
class Store;
}

namespace knotie::gateway::signinlockout {

// API.md v1.1, Lockout: after 5 failures for one email from one client address (IPv6:
// its /64) within a sliding 15 minutes, that address gets 429 for that email until the
// window has moved past them; other addresses are not affected, so nobody can lock the
// owner out from elsewhere. Emails are counted by their case-folded form whether or not
// anyone has them, so a lockout tells nothing about who exists. A refused (429) attempt
// is not a failure.
inline constexpr int maximumFailures = 5;
inline constexpr qint64 windowSeconds = 15 * 60;

// Who an attempt is counted for: the email as an HMAC-SHA256 under a key kept in the
// database (what was typed is never stored; every instance sharing the database counts
// alike), and the client address key (clientAddressKey()).
struct Subject {
    QByteArray emailHash;
    QString address;
};

struct Attempt {
    qint64 retryAfterSeconds = 0; // > 0: locked, refuse with 429 and this Retry-After
    bool failed = false;          // true: could not be recorded; refuse rather than guess
};

class Lockout {
public:
    explicit Lockout(const Store &store);

    Subject subject(const QString &email, const QString &clientAddress) const;

    // Starts an attempt: counts it as a failure at once, before the slow password check,
    // so guesses sent in parallel cannot slip past the limit while their checks run.
    // A successful sign-in then calls clear() in the same transaction that saves the session.
    Attempt begin(const Subject &subject, qint64 now) const;
    // Clears the subject's failures (this email from this address only: a success
    // elsewhere does not reset an attacker's count).
    static bool clear(QSqlDatabase &db, const Subject &subject);

private:
    const QByteArray &hmacKey() const;

    const Store &m_store;
    mutable std::once_flag m_keyLoaded;
    mutable QByteArray m_key;
};

} // namespace knotie::gateway::signinlockout
