#include "gateway/signinlockout.h"

#include "gateway/store.h"

#include <QSqlQuery>

namespace knotie::gateway::signinlockout {

Attempt begin(const Store &store, const QString &emailKey, qint64 now) {
    Attempt attempt;
    const bool ok = store.write([&](QSqlDatabase &db) {
        // Failures older than the window never count again; pruning here keeps the table small.
        QSqlQuery prune = prepare(db, QStringLiteral("DELETE FROM sign_in_failures WHERE at <= ?"));
        prune.addBindValue(now - windowSeconds);
        if (!exec(prune))
            return false;
        // The fifth most recent failure decides: the lock lasts until it leaves the window.
        QSqlQuery q = prepare(db, QStringLiteral("SELECT at FROM sign_in_failures WHERE email_key = ?"
                                                 " ORDER BY at DESC LIMIT 1 OFFSET ?"));
        q.addBindValue(emailKey);
        q.addBindValue(maximumFailures - 1);
        if (!exec(q))
            return false;
        if (q.next()) {
            attempt.retryAfterSeconds = qMax<qint64>(1, q.value(0).toLongLong() + windowSeconds - now);
            return true;
        }
        QSqlQuery insert =
            prepare(db, QStringLiteral("INSERT INTO sign_in_failures (email_key, at) VALUES (?, ?)"));
        insert.addBindValue(emailKey);
        insert.addBindValue(now);
        return exec(insert);
    });
    attempt.failed = !ok;
    return attempt;
}

bool clear(QSqlDatabase &db, const QString &emailKey) {
    QSqlQuery q = prepare(db, QStringLiteral("DELETE FROM sign_in_failures WHERE email_key = ?"));
    q.addBindValue(emailKey);
    return exec(q);
}

} // namespace knotie::gateway::signinlockout
