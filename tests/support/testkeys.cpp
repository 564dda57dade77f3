#include "tests/support/testkeys.h"

#include "models/domain/keyformat.h"
#include "tests/support/testdatabase.h"

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

TestKey insertTestKey(const QString &database, const TestKeySpec &spec) {
    TestDatabaseConnection connection(database);
    if (!connection.isOpen())
        return {};
    const QByteArray secret = keyformat::generate(spec.type);
    const QString id = QStringLiteral("key_test_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto text = [](const QString &value) {
        return value.isEmpty() ? QStringLiteral("NULL") : QLatin1Char('\'') + value + QLatin1Char('\'');
    };
    const auto number = [](std::optional<qint64> value) {
        return value ? QString::number(*value) : QStringLiteral("NULL");
    };
    // The values are the test's own, with no quotes in them.
    const bool limited = spec.rateLimitRequests > 0;
    const QVariant written = connection.write(
        {QStringLiteral("UPDATE change_sequence SET value = value + 1"),
         QStringLiteral(
             "INSERT INTO api_keys (id, partner_id, name, type, customer_id, prefix, last4, secret_hash,"
             " created_at, created_by, expires_at, revoked_at, revoked_by, rate_limit_requests,"
             " rate_limit_seconds, change_seq) VALUES (%1, %2, 'Test key', %3, %4, %5, %6, %7, %8,"
             " %9, %10, %11, %12, %13, %14, (SELECT value FROM change_sequence))")
             .arg(text(id), text(spec.partnerId), text(keyTypeWireName(spec.type)), text(spec.customerId),
                  text(QString::fromLatin1(secret.first(6))), text(QString::fromLatin1(secret.last(4))),
                  connection.bytesLiteral(QCryptographicHash::hash(secret, QCryptographicHash::Sha256)),
                  QString::number(now), text(spec.createdBy))
             .arg(number(spec.expiresAt), number(spec.revoked ? std::optional(now) : std::nullopt),
                  spec.revoked ? text(spec.createdBy) : QStringLiteral("NULL"),
                  number(limited ? std::optional<qint64>(spec.rateLimitRequests) : std::nullopt),
                  number(limited ? std::optional<qint64>(spec.rateLimitSeconds) : std::nullopt)),
         QStringLiteral("SELECT id FROM api_keys WHERE id = %1").arg(text(id))});
    if (written.toString() != id) {
        qWarning("cannot insert a test key");
        return {};
    }
    return TestKey{id, secret};
}

} // namespace knotie::test
