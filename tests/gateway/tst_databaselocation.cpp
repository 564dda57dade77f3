// --database: which engine, and how a libpq URI becomes QPSQL's connection settings.
#include "gateway/sqldialect.h"

#include <QTest>

using knotie::gateway::DatabaseLocation;

class TestDatabaseLocation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sqlite_isTheDefault() {
        QString error;
        for (const QString &text : {QString(), QStringLiteral("sqlite")}) {
            const auto location = DatabaseLocation::parse(text, &error);
            QVERIFY(location);
            QVERIFY(location->engine == DatabaseLocation::Engine::SQLite);
        }
    }

    void postgresUri_givesEveryPart() {
        QString error;
        const auto location = DatabaseLocation::parse(
            QStringLiteral("postgresql://knot%40ie:s3cr%2Ft@db1.internal:6432,db2.internal:6432/knotie"
                           "?sslmode=verify-full&target_session_attrs=read-write"),
            &error);
        QVERIFY2(location, qPrintable(error));
        QVERIFY(location->engine == DatabaseLocation::Engine::PostgreSQL);
        QCOMPARE(location->user, QStringLiteral("knot@ie"));
        QCOMPARE(location->password, QStringLiteral("s3cr/t"));
        QCOMPARE(location->hosts, QStringLiteral("db1.internal,db2.internal"));
        QCOMPARE(location->port, 6432);
        QCOMPARE(location->name, QStringLiteral("knotie"));
        QCOMPARE(location->options, QStringLiteral("sslmode=verify-full;target_session_attrs=read-write"));
        QVERIFY(!location->describe().contains(QStringLiteral("s3cr")));
    }

    void postgresUri_defaultsAndAddresses() {
        QString error;
        auto location = DatabaseLocation::parse(QStringLiteral("postgres://[::1]/k"), &error);
        QVERIFY2(location, qPrintable(error));
        QCOMPARE(location->hosts, QStringLiteral("::1"));
        QCOMPARE(location->port, 5432);
        location =
            DatabaseLocation::parse(QStringLiteral("postgresql://u@%2Frun%2Fpostgresql:5433/k"), &error);
        QVERIFY2(location, qPrintable(error));
        QCOMPARE(location->hosts, QStringLiteral("/run/postgresql")); // a unix socket folder
        QCOMPARE(location->port, 5433);
    }

    void badValues_areRefusedWithAReason_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("other engine") << QStringLiteral("mysql://u@h/k");
        QTest::newRow("no database") << QStringLiteral("postgresql://u@h:5432");
        QTest::newRow("no host") << QStringLiteral("postgresql://u@/k");
        QTest::newRow("bad port") << QStringLiteral("postgresql://u@h:port/k");
        QTest::newRow("two ports") << QStringLiteral("postgresql://u@a:1,b:2/k");
    }
    void badValues_areRefusedWithAReason() {
        QFETCH(QString, text);
        QString error;
        QVERIFY(!DatabaseLocation::parse(text, &error));
        QVERIFY(error.startsWith(QStringLiteral("--database")));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseLocation)
#include "tst_databaselocation.moc"
