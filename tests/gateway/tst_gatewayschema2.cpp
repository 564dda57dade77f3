#include "gateway/apikeys.h"
#include "gateway/migrations.h"
#include "gateway/store.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace knotie::gateway;

// Schema 2 (audit log, sign-in lockout, sync cursors) on a database written at schema 1,
// with keys in it: the real SQLite file is opened by the real Store.
class TestGatewaySchema2 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void schema1Database_opensAtSchema2AndKeepsItsKeys() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        {
            // A schema-1 file as an earlier gateway left it: one key still valid, one
            // whose expiry passed while no gateway was running.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema1"));
            db.setDatabaseName(dir.filePath(QStringLiteral("gateway.sqlite")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode = WAL")));
            for (const QString &sql : migrations().at(0))
                QVERIFY2(q.exec(sql), qPrintable(sql));
            const QStringList rows{
                QStringLiteral("INSERT INTO partners VALUES ('ptr_a', 'A', 0, 0)"),
                QStringLiteral("INSERT INTO users VALUES ('usr_a', 'ptr_a', 'a@x.test', 'a@x.test', 'Ann',"
                               " 'owner', '', 'x', 0)"),
                QStringLiteral("INSERT INTO api_keys (id, partner_id, name, type, prefix, last4, secret_hash,"
                               " created_at, created_by, expires_at, change_seq)"
                               " VALUES ('key_live', 'ptr_a', 'Live', 'partner', 'kn_pk_', 'abcd', x'01', 0,"
                               " 'usr_a', NULL, 1)"),
                QStringLiteral("INSERT INTO api_keys (id, partner_id, name, type, prefix, last4, secret_hash,"
                               " created_at, created_by, expires_at, change_seq)"
                               " VALUES ('key_old', 'ptr_a', 'Old', 'read_only', 'kn_rk_', 'wxyz', x'02', 0,"
                               " 'usr_a', %1, 2)")
                    .arg(now - 3600),
                QStringLiteral("UPDATE change_sequence SET value = 2"),
                QStringLiteral("PRAGMA user_version = 1"),
            };
            for (const QString &sql : rows)
                QVERIFY2(q.exec(sql), qPrintable(sql));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("schema1"));

        Store store(dir.path());
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QSqlQuery version(store.connection());
        QVERIFY(version.exec(QStringLiteral("PRAGMA user_version")) && version.next());
        QCOMPARE(version.value(0).toInt(), Store::schemaVersion());
        QVERIFY(Store::schemaVersion() >= 2);

        // The expiry that passed while no gateway ran is a change the next sync shows, once.
        QVERIFY(apikeys::stampExpiries(store, QStringLiteral("ptr_a"), now));
        const QList<apikeys::StoredKey> changed =
            apikeys::changedSince(store.connection(), QStringLiteral("ptr_a"), 2, 10);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().id, QStringLiteral("key_old"));
        QCOMPARE(changed.first().statusAt(now), knotie::KeyStatus::Expired);
        QVERIFY(apikeys::stampExpiries(store, QStringLiteral("ptr_a"), now + 60));
        QCOMPARE(
            apikeys::changedSince(store.connection(), QStringLiteral("ptr_a"), changed.first().changeSeq, 10)
                .size(),
            0);
        const auto live =
            apikeys::find(store.connection(), QStringLiteral("ptr_a"), QStringLiteral("key_live"));
        QVERIFY(live);
        QCOMPARE(live->statusAt(now), knotie::KeyStatus::Active);
        QVERIFY(live->description.isEmpty());

        QSqlQuery instance(store.connection());
        QVERIFY(instance.exec(QStringLiteral("SELECT id FROM gateway_instance")) && instance.next());
        QCOMPARE(instance.value(0).toString().size(), 32); // 16 random bytes, hex
    }
};

QTEST_GUILESS_MAIN(TestGatewaySchema2)
#include "tst_gatewayschema2.moc"
