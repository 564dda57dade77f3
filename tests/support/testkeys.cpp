#include "tests/support/testkeys.h"

#include "models/domain/keyformat.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace knotie::test {

QString gatewayDatabasePath(const QString &dataDirectory) {
    return QDir(dataDirectory).filePath(QStringLiteral("gateway.sqlite"));
}

TestKey insertTestKey(const QString &databasePath, const TestKeySpec &spec) {
    const QString connection = QStringLiteral("testkeys-") + QUuid::createUuid().toString(QUuid::Id128);
    TestKey key;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            qWarning("cannot open %s", qPrintable(databasePath));
            return {};
        }
        const QByteArray secret = keyformat::generate(spec.type);
        const QString id = QStringLiteral("key_test_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QSqlQuery q(db);
        bool ok = q.exec(QStringLiteral("BEGIN IMMEDIATE")) &&
                  q.exec(QStringLiteral("UPDATE change_sequence SET value = value + 1 RETURNING value")) &&
                  q.next();
        const qint64 sequence = ok ? q.value(0).toLongLong() : 0;
        q.finish();
        ok = ok &&
             q.prepare(QStringLiteral(
                 "INSERT INTO api_keys (id, partner_id, name, type, customer_id, prefix, last4, secret_hash,"
                 " created_at, created_by, expires_at, revoked_at, revoked_by, rate_limit_requests,"
                 " rate_limit_seconds, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        if (ok) {
            q.addBindValue(id);
            q.addBindValue(spec.partnerId);
            q.addBindValue(QStringLiteral("Test key"));
            q.addBindValue(keyTypeWireName(spec.type));
            q.addBindValue(spec.customerId.isEmpty() ? QVariant() : QVariant(spec.customerId));
            q.addBindValue(QString::fromLatin1(secret.first(6)));
            q.addBindValue(QString::fromLatin1(secret.last(4)));
            q.addBindValue(QCryptographicHash::hash(secret, QCryptographicHash::Sha256));
            q.addBindValue(now);
            q.addBindValue(spec.createdBy);
            q.addBindValue(spec.expiresAt ? QVariant(*spec.expiresAt) : QVariant());
            q.addBindValue(spec.revoked ? QVariant(now) : QVariant());
            q.addBindValue(spec.revoked ? QVariant(spec.createdBy) : QVariant());
            q.addBindValue(spec.rateLimitRequests > 0 ? QVariant(spec.rateLimitRequests) : QVariant());
            q.addBindValue(spec.rateLimitRequests > 0 ? QVariant(spec.rateLimitSeconds) : QVariant());
            q.addBindValue(sequence);
            ok = q.exec();
        }
        if (!ok)
            qWarning("cannot insert a test key: %s", qPrintable(q.lastError().text()));
        QSqlQuery end(db);
        end.exec(ok ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"));
        if (ok)
            key = TestKey{id, secret};
    }
    QSqlDatabase::removeDatabase(connection);
    return key;
}

} // namespace knotie::test
