// The PostgreSQL harness, as CI runs it (as root too): a throwaway cluster, Qt's QPSQL
// driver on it, and a LISTEN/NOTIFY round trip, the wake-up issue 17's instances rely on.
#include "tests/support/postgresprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <vector>

using knotie::test::PostgresProcess;

namespace {

QSqlDatabase open(const PostgresProcess &postgres, const QString &database, const QString &connectionName) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(postgres.host());
    db.setPort(postgres.port());
    db.setDatabaseName(database);
    db.setUserName(PostgresProcess::user());
    db.open();
    return db;
}

} // namespace

class TestPostgresHarness : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")),
                 "Qt's PostgreSQL driver is missing: installer/install-build-deps.sh test installs "
                 "libqt6sql6-psql");
        QElapsedTimer timer;
        timer.start();
        QVERIFY(m_postgres.start());
        qInfo("initdb and start: %lld ms", timer.elapsed());
    }

    void cluster_listensOnLoopbackAndItsOwnSocket() {
        QVERIFY(QFile::exists(
            QStringLiteral("%1/.s.PGSQL.%2").arg(m_postgres.socketDirectory()).arg(m_postgres.port())));
        QCOMPARE(
            m_postgres.psql(QStringLiteral("postgres"), QStringLiteral("SHOW listen_addresses")).trimmed(),
            QByteArray("127.0.0.1"));
        QVERIFY(m_postgres.psql(QStringLiteral("postgres"), QStringLiteral("SELECT version()"))
                    .startsWith("PostgreSQL 15."));
    }

    void createDatabase_givesEachTestAnEmptyOne() {
        const QString first = m_postgres.createDatabase();
        const QString second = m_postgres.createDatabase();
        QVERIFY(!first.isEmpty());
        QVERIFY(first != second);
        {
            QSqlDatabase db = open(m_postgres, first, QStringLiteral("first"));
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE keys (id text PRIMARY KEY)")));
            QVERIFY(db.tables().contains(QStringLiteral("keys")));
            QSqlDatabase other = open(m_postgres, second, QStringLiteral("second"));
            QVERIFY(other.tables().isEmpty());
        }
        QSqlDatabase::removeDatabase(QStringLiteral("first"));
        QSqlDatabase::removeDatabase(QStringLiteral("second"));
        QCOMPARE(m_postgres.uri(first),
                 QStringLiteral("postgresql://knotie@127.0.0.1:%1/%2").arg(m_postgres.port()).arg(first));
    }

    // One session LISTENs through QSqlDriver::subscribeToNotification, another NOTIFYs:
    // the payload arrives, marked as another session's, and the delay is printed.
    void listenNotify_roundTrip() {
        const QString database = m_postgres.createDatabase();
        QVERIFY(!database.isEmpty());
        {
            QSqlDatabase listener = open(m_postgres, database, QStringLiteral("listener"));
            QSqlDatabase notifier = open(m_postgres, database, QStringLiteral("notifier"));
            QVERIFY2(listener.isOpen() && notifier.isOpen(), qPrintable(listener.lastError().text()));
            QVERIFY(listener.driver()->hasFeature(QSqlDriver::EventNotifications));
            QVERIFY(listener.driver()->subscribeToNotification(QStringLiteral("key_changes")));
            QSignalSpy spy(listener.driver(), &QSqlDriver::notification);

            constexpr int trials = 30;
            std::vector<double> delaysMs;
            QSqlQuery notify(notifier);
            QVERIFY(notify.prepare(QStringLiteral("SELECT pg_notify('key_changes', ?)")));
            for (int i = 0; i < trials; ++i) {
                QElapsedTimer timer;
                timer.start();
                notify.addBindValue(QStringLiteral("revoked:key_%1").arg(i));
                QVERIFY2(notify.exec(), qPrintable(notify.lastError().text()));
                QVERIFY(spy.count() > i || spy.wait(5000));
                delaysMs.push_back(double(timer.nsecsElapsed()) / 1e6);
                const QList<QVariant> arguments = spy.at(i);
                QCOMPARE(arguments.at(0).toString(), QStringLiteral("key_changes"));
                QCOMPARE(arguments.at(1).value<QSqlDriver::NotificationSource>(), QSqlDriver::OtherSource);
                QCOMPARE(arguments.at(2).toString(), QStringLiteral("revoked:key_%1").arg(i));
            }
            std::sort(delaysMs.begin(), delaysMs.end());
            qInfo("NOTIFY to notification over %d trials: p50 %.2f ms, max %.2f ms", trials,
                  delaysMs[delaysMs.size() / 2], delaysMs.back());
            QCOMPARE(spy.count(), trials);
            QVERIFY(listener.driver()->unsubscribeFromNotification(QStringLiteral("key_changes")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("listener"));
        QSqlDatabase::removeDatabase(QStringLiteral("notifier"));
    }

    // The way a later test checks /healthz going 503 and back.
    void stopAndStart_keepsPortAndData() {
        const QString database = m_postgres.createDatabase();
        QVERIFY(!m_postgres
                     .psql(database, QStringLiteral("CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)"))
                     .isEmpty());
        const int port = m_postgres.port();
        m_postgres.stop();
        QVERIFY(!m_postgres.isRunning());
        QVERIFY(m_postgres.start());
        QCOMPARE(m_postgres.port(), port);
        QCOMPARE(m_postgres.psql(database, QStringLiteral("SELECT n FROM kept")).trimmed(), QByteArray("7"));
    }

private:
    PostgresProcess m_postgres;
};

QTEST_GUILESS_MAIN(TestPostgresHarness)
#include "tst_postgresharness.moc"
