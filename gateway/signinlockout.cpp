#include "gateway/signinlockout.h"

#include "gateway/accounts.h"
#include "gateway/clientaddress.h"
#include "gateway/store.h"

#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QSqlQuery>

namespace knotie::gateway::signinlockout {

Q_LOGGING_CATEGORY(lcLockout, "knotie.gateway.lockout", QtInfoMsg)

Lockout::Lockout(const Store &store)
    : m_store(store) {}

const QByteArray &Lockout::hmacKey() const {
    // Read once, on first use: the database is open by then (migration 3 made the key).
    std::call_once(m_keyLoaded, [this] {
        QSqlQuery q = prepare(m_store.connection(), QStringLiteral("SELECT key FROM sign_in_key"));
        if (exec(q) && q.next())
            m_key = q.value(0).toByteArray();
        if (m_key.isEmpty())
            qCCritical(lcLockout) << "the sign-in key is missing; failures are counted under an empty key";
    });
    return m_key;
}

Subject Lockout::subject(const QString &email, const QString &clientAddress) const {
    return Subject{QMessageAuthenticationCode::hash(accounts::emailKey(email).toUtf8(), hmacKey(),
                                                    QCryptographicHash::Sha256),
                   clientAddressKey(clientAddress)};
}

Attempt Lockout::begin(const Subject &subject, qint64 now) const {
    Attempt attempt;
    const bool ok = m_store.write([&](QSqlDatabase &db) {
        // Failures older than the window never count again; pruning here keeps the table
        // small, and the index on `at` makes it read only the rows it deletes.
        QSqlQuery prune = prepare(db, QStringLiteral("DELETE FROM sign_in_failures WHERE at <= ?"));
        prune.addBindValue(now - windowSeconds);
        if (!exec(prune))
            return false;
        // The fifth most recent failure decides: the lock lasts until it leaves the window.
        QSqlQuery q = prepare(db, QStringLiteral("SELECT at FROM sign_in_failures"
                                                 " WHERE email_hash = ? AND address = ?"
                                                 " ORDER BY at DESC LIMIT 1 OFFSET ?"));
        q.addBindValue(subject.emailHash);
        q.addBindValue(subject.address);
        q.addBindValue(maximumFailures - 1);
        if (!exec(q))
            return false;
        if (q.next()) {
            attempt.retryAfterSeconds = qMax<qint64>(1, q.value(0).toLongLong() + windowSeconds - now);
            return true;
        }
        QSqlQuery insert = prepare(
            db, QStringLiteral("INSERT INTO sign_in_failures (email_hash, address, at) VALUES (?, ?, ?)"));
        insert.addBindValue(subject.emailHash);
        insert.addBindValue(subject.address);
        insert.addBindValue(now);
        return exec(insert);
    });
    attempt.failed = !ok;
    return attempt;
}

bool Lockout::clear(QSqlDatabase &db, const Subject &subject) {
    QSqlQuery q =
        prepare(db, QStringLiteral("DELETE FROM sign_in_failures WHERE email_hash = ? AND address = ?"));
    q.addBindValue(subject.emailHash);
    q.addBindValue(subject.address);
    return exec(q);
}

} // namespace knotie::gateway::signinlockout
