#include "gateway/apikeys.h"
#include "gateway/keydirectory.h"
#include "gateway/store.h"
#include "tests/support/testkeys.h"

#include "models/domain/keyformat.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace knotie;
using namespace knotie::gateway;
using namespace knotie::test;

// The gateway caches verified keys; these tests pin down what the cache may and may not
// remember, on a real SQLite file.
class TestKeyDirectory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_store.open(&error), qPrintable(error));
        QVERIFY(m_store.write([](QSqlDatabase &db) {
            QSqlQuery q(db);
            return q.exec(QStringLiteral(
                       "INSERT INTO partners (id, name, created_at) VALUES ('ptr_demo', 'Demo', 0)")) &&
                   q.exec(QStringLiteral(
                       "INSERT INTO users (id, partner_id, email, email_key, name, role, password_hash,"
                       " created_at) VALUES ('usr_maya', 'ptr_demo', 'a@b.c', 'a@b.c', 'Maya', 'owner',"
                       " 'x', 0)")) &&
                   q.exec(QStringLiteral("INSERT INTO customers (id, partner_id, name, created_at)"
                                         " VALUES ('cus_a', 'ptr_demo', 'A', 0)"));
        }));
    }

    void authenticate_findsAKeyByItsSecret() {
        const TestKey key = insertTestKey(
            m_store.databasePath(), TestKeySpec(KeyType::Customer).forCustomer(QStringLiteral("cus_a")));
        KeyDirectory keys(m_store);
        const auto found = keys.authenticate(key.secret, now());
        QVERIFY(found);
        QCOMPARE(found->keyId, key.id);
        QCOMPARE(found->type, KeyType::Customer);
        QCOMPARE(found->customerId, QStringLiteral("cus_a"));
        QCOMPARE(found->partnerId, QStringLiteral("ptr_demo"));
    }

    void authenticate_refusesMalformedAndUnknownSecrets() {
        KeyDirectory keys(m_store);
        QVERIFY(!keys.authenticate("kn_pk_tooshort", now()));
        QVERIFY(!keys.authenticate(keyformat::generate(KeyType::Partner), now()));
    }

    void refresh_revokedKeyFailsOnItsNextRequest() {
        const TestKey key = insertTestKey(m_store.databasePath(), TestKeySpec(KeyType::Partner));
        KeyDirectory keys(m_store);
        QVERIFY(keys.authenticate(key.secret, now()));
        revoke(key.id);
        // Cached: the row changed underneath, which is why the key routes must call refresh().
        QVERIFY(keys.authenticate(key.secret, now()));
        keys.refresh(key.id);
        QVERIFY(!keys.authenticate(key.secret, now()));
    }

    // A row read before a revocation was applied (another instance's change, a slow
    // request's load) never brings the key back, whatever version it carries.
    void apply_staleRowNeverBringsARevokedKeyBack() {
        const TestKey key = insertTestKey(m_store.databasePath(), TestKeySpec(KeyType::Partner));
        KeyDirectory keys(m_store);
        QVERIFY(keys.authenticate(key.secret, now()));
        KeyDirectory::Row stale;
        stale.secretHash = apikeys::secretHash(key.secret);
        stale.key.keyId = key.id;
        stale.key.type = KeyType::Partner;
        const quint64 readBeforeRevocation = keys.beginChange();
        revoke(key.id);
        keys.refresh(key.id);
        QVERIFY(!keys.authenticate(key.secret, now()));
        keys.apply(stale, readBeforeRevocation);
        QVERIFY(!keys.authenticate(key.secret, now()));
        keys.apply(stale, keys.beginChange());
        QVERIFY(!keys.authenticate(key.secret, now()));
    }

    void authenticate_judgesExpiryAgainstTheGivenTime() {
        TestKeySpec spec(KeyType::Webhook);
        spec.expiresAt = now() + 100;
        const TestKey key = insertTestKey(m_store.databasePath(), spec);
        KeyDirectory keys(m_store);
        QVERIFY(keys.authenticate(key.secret, now()));
        QVERIFY(keys.authenticate(key.secret, now() + 99));
        QVERIFY(!keys.authenticate(key.secret, now() + 100));
    }

private:
    static qint64 now() { return QDateTime::currentSecsSinceEpoch(); }

    void revoke(const QString &id) {
        QVERIFY(m_store.write([&](QSqlDatabase &db) {
            QSqlQuery q(db);
            return q.exec(QStringLiteral("UPDATE api_keys SET revoked_at = 1 WHERE id = '%1'").arg(id));
        }));
    }

    QTemporaryDir m_dir;
    Store m_store{m_dir.path()};
};

QTEST_GUILESS_MAIN(TestKeyDirectory)
#include "tst_keydirectory.moc"
