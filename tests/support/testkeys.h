#pragma once

#include "models/domain/keytype.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace knotie::test {

// Writes API key rows straight into a gateway's database (a SQLite file's path, or a
// PostgreSQL URI: gatewayDatabase() of tests/support/testdatabase.h), for tests that need keys
// with known secrets without going through the portal's key routes. Only the SHA-256 of
// the secret is stored, as the gateway does. The key is usable on its first request:
// the gateway reads keys it has not seen from the database.
struct TestKeySpec {
    explicit TestKeySpec(KeyType keyType = KeyType::Partner)
        : type(keyType) {}
    TestKeySpec &forCustomer(const QString &customer) {
        customerId = customer;
        return *this;
    }
    TestKeySpec &ofPartner(const QString &partner, const QString &creator) {
        partnerId = partner;
        createdBy = creator;
        return *this;
    }

    KeyType type;
    QString partnerId = QStringLiteral("ptr_demo");
    QString customerId; // customer keys
    QString createdBy = QStringLiteral("usr_maya");
    bool revoked = false;
    std::optional<qint64> expiresAt;
    int rateLimitRequests = 0; // 0: no limit
    int rateLimitSeconds = 0;
};

struct TestKey {
    QString id;
    QByteArray secret;
};

// Empty id (and a QWARN) on failure.
TestKey insertTestKey(const QString &database, const TestKeySpec &spec);

QString gatewayDatabasePath(const QString &dataDirectory);

} // namespace knotie::test
