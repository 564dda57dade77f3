// Issue 17 item 4: on PostgreSQL the usage rollups are partitioned by month
// (gateway/usagepartitions.h). A database of schema 8 keeps its rows through migration 9,
// each in its month's partition; the recorder adds the months it writes into; rows of a
// month without its partition wait in the default one and move in at the next start.
#include "gateway/migrations.h"
#include "gateway/sqldialect.h"
#include "gateway/store.h"
#include "gateway/usage.h"
#include "gateway/usagepartitions.h"

#include "tests/support/postgresprocess.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace knotie::gateway;
using knotie::test::PostgresProcess;

namespace {

constexpr qint64 day = 86400;

// Where each usage_hours row is: partition name -> rows.
QMap<QString, int> rowsByPartition(const PostgresProcess &postgres, const QString &database,
                                   const QString &table = QStringLiteral("usage_hours")) {
    QMap<QString, int> rows;
    const QByteArray out = postgres.psql(
        database, QStringLiteral("SELECT tableoid::regclass, count(*) FROM %1 GROUP BY 1").arg(table));
    for (const QByteArray &line : out.split('\n')) {
        const QList<QByteArray> fields = line.trimmed().split('|');
        if (fields.size() == 2)
            rows.insert(QString::fromUtf8(fields.at(0)), fields.at(1).toInt());
    }
    return rows;
}

QString monthPartition(const QString &table, qint64 seconds) {
    const QDate date = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).date();
    return QStringLiteral("%1_y%2m%3").arg(table).arg(date.year()).arg(date.month(), 2, 10, QLatin1Char('0'));
}

bool seedKey(Store &store) {
    return store.write([](QSqlDatabase &db) {
        QSqlQuery q(db);
        return q.exec(
                   QStringLiteral("INSERT INTO partners (id, name, created_at) VALUES ('ptr_p', 'P', 0)")) &&
               q.exec(QStringLiteral("INSERT INTO users (id, partner_id, email, email_key, name, role,"
                                     " password_hash, created_at) VALUES ('usr_p', 'ptr_p', 'p@p.test',"
                                     " 'p@p.test', 'P', 'owner', 'x', 0)")) &&
               q.exec(QStringLiteral("INSERT INTO api_keys (id, partner_id, name, type, prefix, last4,"
                                     " secret_hash, created_at, created_by, change_seq) VALUES ('key_p',"
                                     " 'ptr_p', 'P', 'partner', 'kn_p', 'abcd', 'h', 0, 'usr_p', 1)"));
    });
}

UsageRecord requestAt(qint64 at) {
    UsageRecord record;
    record.partnerId = QStringLiteral("ptr_p");
    record.keyId = QStringLiteral("key_p");
    record.at = at;
    record.method = "GET";
    record.route = QStringLiteral("/api/v1/whoami");
    record.status = 200;
    record.latencyMicros = 1000;
    return record;
}

UsageCounts threeRequests() {
    UsageCounts counts;
    counts.requests = counts.ok = 3;
    for (int i = 0; i < 3; ++i)
        counts.latency.add(1000);
    return counts;
}

} // namespace

class TestUsagePartitions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_postgres.start());
    }

    void months_areUtcCalendarMonths() {
        const qint64 midDecember = QDateTime(QDate(2026, 12, 15), QTime(13, 0), Qt::UTC).toSecsSinceEpoch();
        QCOMPARE(usagepartitions::monthStart(midDecember),
                 QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
        QCOMPARE(usagepartitions::nextMonthStart(midDecember),
                 QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
        QCOMPARE(usagepartitions::monthStart(usagepartitions::nextMonthStart(midDecember) - 1),
                 usagepartitions::monthStart(midDecember));
    }

    // Rows written under schema 8 (one unpartitioned table) are all still there after the
    // upgrade, each in its own month's partition; none waits in a default partition.
    void upgrade_keepsEveryRowInItsMonth() {
        const QString database = m_postgres.createDatabase();
        QTemporaryDir data;
        const auto location = DatabaseLocation::parse(m_postgres.uri(database), nullptr);
        QVERIFY(location);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const qint64 hour = now - now % 3600;
        const QList<qint64> hours{hour, hour - 40 * day, hour - 400 * day};
        {
            Store store(data.path(), *location);
            QSqlDatabase db = store.connection();
            QString error;
            QVERIFY2(sqldialect::migrate(location->engine, db, migrations().first(8), &error),
                     qPrintable(error));
            QVERIFY(seedKey(store));
            QVERIFY(store.write([&](QSqlDatabase &transaction) {
                RollupWriter rollups(transaction);
                for (const qint64 h : hours)
                    if (!rollups.addHour(QStringLiteral("ptr_p"), QStringLiteral("key_p"), h,
                                         threeRequests()))
                        return false;
                return rollups.addRoute(QStringLiteral("key_p"), hours.last(), QStringLiteral("GET"),
                                        QStringLiteral("/api/v1/whoami"), 3, 0);
            }));
        }
        Store store(data.path(), *location);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));

        QMap<QString, int> expected;
        for (const qint64 h : hours)
            expected[monthPartition(QStringLiteral("usage_hours"), h)] += 1;
        QCOMPARE(rowsByPartition(m_postgres, database), expected);
        QCOMPARE(rowsByPartition(m_postgres, database, QStringLiteral("usage_routes")),
                 (QMap<QString, int>{{monthPartition(QStringLiteral("usage_routes"), hours.last()), 1}}));
        QCOMPARE(m_postgres.psql(database, QStringLiteral("SELECT sum(requests) FROM usage_hours")).trimmed(),
                 QByteArray("9"));
        // The partitions the portal's 90 days and the next two months need exist already.
        for (const auto &table : usagepartitions::tables())
            for (const qint64 at : {now - 90 * day, now, now + 60 * day})
                QCOMPARE(m_postgres
                             .psql(database, QStringLiteral("SELECT to_regclass('%1') IS NOT NULL")
                                                 .arg(monthPartition(table.name, at)))
                             .trimmed(),
                         QByteArray("t"));
    }

    // A running instance's recorder adds the months it writes into; a row of a month
    // nobody partitioned yet (a clock far behind) waits in the default partition and moves
    // to its own month when the next instance starts.
    void recorder_writesIntoMonthlyPartitions() {
        const QString database = m_postgres.createDatabase();
        QTemporaryDir data;
        const auto location = DatabaseLocation::parse(m_postgres.uri(database), nullptr);
        QVERIFY(location);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const qint64 farAhead = now + 200 * day; // past what start-up partitions
        const qint64 farBehind = now - 800 * day;
        {
            Store store(data.path(), *location);
            QString error;
            QVERIFY2(store.open(&error), qPrintable(error));
            QVERIFY(seedKey(store));
            UsageRecorder recorder(store, QString());
            recorder.record(requestAt(now));
            QVERIFY(recorder.flush());
            recorder.record(requestAt(farAhead));
            QVERIFY(recorder.flush());
            recorder.record(requestAt(farBehind));
            QVERIFY(recorder.flush());
            recorder.stop();
            QCOMPARE(rowsByPartition(m_postgres, database),
                     (QMap<QString, int>{{monthPartition(QStringLiteral("usage_hours"), now), 1},
                                         {monthPartition(QStringLiteral("usage_hours"), farAhead), 1},
                                         {QStringLiteral("usage_hours_default"), 1}}));
        }
        Store restarted(data.path(), *location);
        QString error;
        QVERIFY2(restarted.open(&error), qPrintable(error));
        QCOMPARE(rowsByPartition(m_postgres, database),
                 (QMap<QString, int>{{monthPartition(QStringLiteral("usage_hours"), now), 1},
                                     {monthPartition(QStringLiteral("usage_hours"), farAhead), 1},
                                     {monthPartition(QStringLiteral("usage_hours"), farBehind), 1}}));
        // A 90-day query reads only the months it spans (PostgreSQL prunes the rest).
        const QByteArray plan = m_postgres.psql(
            database, QStringLiteral("EXPLAIN SELECT sum(requests) FROM usage_hours WHERE key_id = 'key_p'"
                                     " AND hour >= %1 AND hour < %2")
                          .arg(now - 90 * day)
                          .arg(now));
        QVERIFY2(!plan.contains(monthPartition(QStringLiteral("usage_hours"), farBehind).toUtf8()),
                 plan.constData());
        QVERIFY2(!plan.contains("usage_hours_default"), plan.constData());
    }

private:
    PostgresProcess m_postgres;
};

QTEST_GUILESS_MAIN(TestUsagePartitions)
#include "tst_usagepartitions.moc"
