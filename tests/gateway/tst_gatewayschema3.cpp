#include "gateway/migrations.h"
#include "gateway/store.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace knotie::gateway;

// Schema 3 (lockout per email and address, keyed; session ids; removal) on a database
// written at schema 2: the emails typed into failed sign-ins leave the file, and open
// sessions get an id and a last-seen time.
class TestGatewaySchema3 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void schema2Database_losesItsPlainTextEmails_andKeepsItsSessions() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema2"));
            db.setDatabaseName(dir.filePath(QStringLiteral("gateway.sqlite")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode = WAL")));
            for (int version = 0; version < 2; ++version)
                for (const QString &sql : migrations().at(version))
                    QVERIFY2(q.exec(sql), qPrintable(sql));
            QStringList rows{
                QStringLiteral("INSERT INTO partners VALUES ('ptr_a', 'A', 0, 0)"),
                QStringLiteral("INSERT INTO users VALUES ('usr_a', 'ptr_a', 'a@x.test', 'a@x.test', 'Ann',"
                               " 'owner', '', 'x', 0)"),
                QStringLiteral("INSERT INTO sessions VALUES (x'0102', 'usr_a', 100, 99999999999)"),
                QStringLiteral("PRAGMA user_version = 2"),
            };
            for (int i = 0; i < 50; ++i)
                rows.append(
                    QStringLiteral("INSERT INTO sign_in_failures VALUES ('typed-by-someone-%1@x.test', %1)")
                        .arg(i));
            for (const QString &sql : rows)
                QVERIFY2(q.exec(sql), qPrintable(sql));
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("schema2"));
        QVERIFY(fileBytes(dir.path()).contains("typed-by-someone-7@x.test")); // the check can see them

        Store store(dir.path());
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QSqlQuery q(store.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT id, last_seen_at FROM sessions")) && q.next());
        QVERIFY(q.value(0).toString().startsWith(QLatin1String("ses_")));
        QCOMPARE(q.value(1).toLongLong(), 100);
        QVERIFY(q.exec(QStringLiteral("SELECT length(key) FROM sign_in_key")) && q.next());
        QCOMPARE(q.value(0).toInt(), 32);
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        q.finish();
        QVERIFY(!fileBytes(dir.path()).contains("typed-by-someone"));
    }

private:
    static QByteArray fileBytes(const QString &directory) {
        QByteArray all;
        const QDir dir(directory);
        for (const QString &name : dir.entryList({QStringLiteral("gateway.sqlite*")}, QDir::Files)) {
            QFile file(dir.filePath(name));
            if (file.open(QIODevice::ReadOnly))
                all += file.readAll();
        }
        return all;
    }
};

QTEST_GUILESS_MAIN(TestGatewaySchema3)
#include "tst_gatewayschema3.moc"
