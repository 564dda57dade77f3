#include "models/sqlite/sqlitedb.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace knotie::sqlite {

Q_LOGGING_CATEGORY(lcSqlite, "knotie.sqlite", QtInfoMsg)

bool run(QSqlDatabase &db, const QString &sql, QString *error) {
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text();
    // The statement's start only: enough to recognise it, never a bound value.
    qCWarning(lcSqlite) << "statement failed:" << sql.left(60) << q.lastError().text();
    return false;
}

bool enableWriteAheadLog(QSqlDatabase &db) {
    QSqlQuery q(db);
    return q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) && q.next() &&
           q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0;
}

bool setDurability(QSqlDatabase &db, Durability durability) {
    return run(db, durability == Durability::Full ? QStringLiteral("PRAGMA synchronous = FULL")
                                                  : QStringLiteral("PRAGMA synchronous = NORMAL"));
}

int schemaVersion(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool migrate(QSqlDatabase &db, const QList<QStringList> &steps, int from, int to, QString *error) {
    for (int next = from; next < to; ++next) {
        QString failure;
        const WriteOutcome outcome = writeTransaction(db, [&](QSqlDatabase &conn) {
            for (const QString &sql : steps.at(next))
                if (!run(conn, sql, &failure))
                    return false;
            return run(conn, QStringLiteral("PRAGMA user_version = %1").arg(next + 1), &failure);
        });
        if (outcome != WriteOutcome::Committed) {
            if (error)
                *error = QStringLiteral("step %1: %2")
                             .arg(next + 1)
                             .arg(failure.isEmpty() ? QStringLiteral("the database is locked") : failure);
            return false;
        }
    }
    return true;
}

WriteOutcome writeTransaction(QSqlDatabase &db, const std::function<bool(QSqlDatabase &)> &work) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        qCWarning(lcSqlite) << "BEGIN IMMEDIATE failed:" << q.lastError().text();
        return WriteOutcome::Busy;
    }
    if (work(db) && q.exec(QStringLiteral("COMMIT")))
        return WriteOutcome::Committed;
    q.exec(QStringLiteral("ROLLBACK"));
    return WriteOutcome::RolledBack;
}

} // namespace knotie::sqlite
