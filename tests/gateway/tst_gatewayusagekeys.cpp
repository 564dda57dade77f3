#include "tests/gateway/portalcalls.h"
#include "tests/gateway/rawhttp.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/testdatabase.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

using namespace knotie::test;
using namespace knotie::test::portal;

namespace {

constexpr int manyKeys = 1000;
constexpr int hoursOfHistory = 48;

// Adds `manyKeys` keys with two days of hourly usage each to the demo partner, straight into
// a stopped gateway's database: a thousand POSTs would test the disk, not the answers.
bool addManyKeys(const QString &database, qint64 now) {
    TestDatabaseConnection connection(database);
    QSqlDatabase db = connection.db();
    bool ok = false;
    if (db.isOpen() && db.transaction()) {
        QSqlQuery key(db);
        key.prepare(QStringLiteral(
            "INSERT INTO api_keys (id, partner_id, name, type, prefix, last4, secret_hash, created_at,"
            " created_by, change_seq) VALUES (?, 'ptr_demo', ?, 'partner', 'kn_pk_', 'abcd', ?, ?,"
            " 'usr_maya', (SELECT value FROM change_sequence))"));
        QSqlQuery usage(db);
        usage.prepare(
            QStringLiteral("INSERT INTO usage_hours (key_id, hour, requests, ok, client_errors,"
                           " server_errors, rate_limited, latency) VALUES (?, ?, 10, 8, 2, 0, 1, %1)")
                .arg(connection.bytesLiteral({})));
        ok = true;
        const qint64 hour = now - now % 3600;
        for (int i = 0; i < manyKeys && ok; ++i) {
            const QString id = QStringLiteral("key_many%1").arg(i, 5, 10, QLatin1Char('0'));
            key.addBindValue(id);
            key.addBindValue(QStringLiteral("Many %1").arg(i));
            QByteArray hash(32, Qt::Uninitialized);
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(hash.data()), 8);
            key.addBindValue(hash);
            key.addBindValue(now - 86400 + i);
            ok = key.exec();
            for (int h = 1; h <= hoursOfHistory && ok; ++h) {
                usage.addBindValue(id);
                usage.addBindValue(hour - h * 3600);
                ok = usage.exec();
            }
        }
        ok = ok && db.commit();
    }
    return ok;
}

} // namespace

// /v1/usage/keys over many keys (issue 16, item 7; API.md v1.1): paged, with each key's 429s,
// and never in the way of /healthz.
class TestGatewayUsageKeys : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_data.isValid());
        GatewayProcess::Options options{true, false, {}, m_data.path()};
        QString database;
        {
            GatewayProcess seeding(options);
            QVERIFY(seeding.start());
            seeding.stop();
            options.database = seeding.database(); // the same PostgreSQL database, if any
            database = gatewayDatabase(seeding);
        }
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QVERIFY(addManyKeys(database, now));
        m_gateway = std::make_unique<GatewayProcess>(options);
        QVERIFY(m_gateway->start());
        m_owner = m_gateway->signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
        // 31 whole UTC days, today included: valid for both buckets.
        const qint64 midnight = now - now % 86400;
        m_range =
            QStringLiteral("from=%1&to=%2")
                .arg(QDateTime::fromSecsSinceEpoch(midnight - 30 * 86400, Qt::UTC).toString(Qt::ISODate),
                     QDateTime::fromSecsSinceEpoch(midnight + 86400, Qt::UTC).toString(Qt::ISODate));
    }

    void pages_coverEveryKeyOnce_inOrder() {
        const HttpReply all = usageKeys(QStringLiteral("bucket=day&limit=10000"));
        QCOMPARE(all.status, 200);
        QCOMPARE(all.json().value(QStringLiteral("has_more")).toBool(), false);
        const QStringList everyKey = keyIds(all);
        QVERIFY2(everyKey.size() > manyKeys, qPrintable(QString::number(everyKey.size())));
        QCOMPARE(QSet<QString>(everyKey.cbegin(), everyKey.cend()).size(), everyKey.size());
        // The default page is the largest.
        QCOMPARE(keyIds(usageKeys(QStringLiteral("bucket=day"))), everyKey);

        QStringList paged;
        QString cursor;
        int pages = 0;
        for (bool more = true; more; ++pages) {
            const HttpReply page =
                usageKeys(QStringLiteral("bucket=day&limit=333") +
                          (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
            QCOMPARE(page.status, 200);
            const QStringList ids = keyIds(page);
            more = page.json().value(QStringLiteral("has_more")).toBool();
            QCOMPARE(ids.size(), more ? 333 : (everyKey.size() - 1) % 333 + 1);
            paged += ids;
            cursor = page.json().value(QStringLiteral("cursor")).toString();
            QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]+$")).match(cursor).hasMatch());
            QVERIFY(pages < 10);
        }
        QCOMPARE(paged, everyKey);

        const HttpReply one = usageKeys(QStringLiteral("bucket=hour&limit=1"));
        QCOMPARE(keyIds(one), everyKey.mid(0, 1));
        QVERIFY(one.json().value(QStringLiteral("has_more")).toBool());
        const QJsonObject first = one.json().value(QStringLiteral("keys")).toArray().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("series")).toArray().size(), 31 * 24);
    }

    void invalidLimitsAndCursors_are422() {
        for (const char *limit : {"0", "10001", "-1", "abc", "1.5", ""}) {
            const HttpReply r = usageKeys(QStringLiteral("bucket=day&limit=") + QLatin1String(limit));
            QVERIFY2(r.status == 422, limit);
            QCOMPARE(r.errorCode(), QStringLiteral("invalid_limit"));
        }
        for (const char *cursor : {"nonsense", "a2V5X25vbmU", ""}) {
            const HttpReply r = usageKeys(QStringLiteral("bucket=day&cursor=") + QLatin1String(cursor));
            QVERIFY2(r.status == 422, cursor);
            QCOMPARE(r.errorCode(), QStringLiteral("invalid_cursor"));
        }
    }

    void eachKey_countsIts429s() {
        const HttpReply created =
            createKey(*m_gateway, m_owner, QStringLiteral("Throttled"), QStringLiteral("partner"),
                      {{QStringLiteral("rate_limit"), QJsonObject{{QStringLiteral("requests"), 2},
                                                                  {QStringLiteral("per_seconds"), 3600}}}});
        const QString keyId = idOf(keyOf(created));
        const QByteArray secret = created.json().value(QStringLiteral("secret")).toString().toLatin1();
        QList<int> statuses;
        for (int i = 0; i < 5; ++i)
            statuses.append(
                m_gateway->get(QStringLiteral("/api/v1/customers"), {{"X-API-Key", secret}}).status);
        QCOMPARE(statuses, (QList<int>{200, 200, 429, 429, 429}));
        QJsonObject entry;
        // Usage shows within 2 s (API.md).
        QVERIFY(QTest::qWaitFor(
            [&] {
                const HttpReply r = usageKeys(QStringLiteral("bucket=hour&key_id=") + keyId);
                entry = r.json().value(QStringLiteral("keys")).toArray().at(0).toObject();
                return entry.value(QStringLiteral("requests")).toInt() == 5;
            },
            5000));
        QCOMPARE(entry.value(QStringLiteral("key_id")).toString(), keyId);
        QCOMPARE(entry.value(QStringLiteral("rate_limited")).toInt(), 3);
        QCOMPARE(entry.value(QStringLiteral("errors")).toInt(), 3);
        // The seeded keys: one 429 in each of their 48 hours.
        const QJsonObject seeded = usageKeys(QStringLiteral("bucket=day&limit=1"))
                                       .json()
                                       .value(QStringLiteral("keys"))
                                       .toArray()
                                       .at(0)
                                       .toObject();
        QVERIFY(seeded.contains(QStringLiteral("rate_limited")));
    }

    // API.md v1.1: /healthz within 100 ms while members ask for the whole key table at once.
    void healthz_answersWithin100ms_underUsageLoad() {
        const quint16 port = static_cast<quint16>(m_gateway->baseUrl().port());
        const QByteArray request =
            raw::closingRequest("GET", "/v1/usage/keys?bucket=hour&limit=10000&" + m_range.toLatin1(), {},
                                "Authorization: Bearer " + m_owner + "\r\n");
        std::atomic<int> running{4};
        std::atomic<int> answered{0};
        QElapsedTimer loadClock;
        loadClock.start();
        std::vector<std::jthread> load;
        for (int i = 0; i < 4; ++i)
            load.emplace_back([&] {
                for (int n = 0; n < 2; ++n)
                    answered += raw::exchange("127.0.0.1", port, request).status == 200 ? 1 : 0;
                --running;
            });
        QList<qint64> probes;
        while (running > 0 || probes.size() < 10) {
            QElapsedTimer probe;
            probe.start();
            const raw::Reply health =
                raw::exchange("127.0.0.1", port, raw::closingRequest("GET", "/healthz"));
            probes.append(probe.elapsed());
            QCOMPARE(health.status, 200);
            if (running == 0 && probes.size() >= 10)
                break;
        }
        load.clear();
        const qint64 loadMs = loadClock.elapsed();
        std::sort(probes.begin(), probes.end());
        qInfo("/healthz during %d /v1/usage/keys calls over %d keys (%lld ms in all): %lld probes,"
              " median %lld ms, 99th percentile %lld ms, slowest %lld ms",
              answered.load(), manyKeys, loadMs, static_cast<qint64>(probes.size()),
              probes[probes.size() / 2], probes[probes.size() * 99 / 100], probes.last());
        QCOMPARE(answered.load(), 8);
        // The 99th percentile: one probe descheduled on a machine shared with builds says
        // nothing about the gateway, and before the fix the answers took seconds.
        const qint64 p99 = probes[probes.size() * 99 / 100];
        QVERIFY2(p99 < 100, qPrintable(QString::number(p99)));
    }

private:
    HttpReply usageKeys(const QString &query) const {
        return call(*m_gateway, m_owner, "GET",
                    QStringLiteral("/v1/usage/keys?") + m_range + QLatin1Char('&') + query);
    }
    static QStringList keyIds(const HttpReply &reply) {
        QStringList ids;
        for (const QJsonValue &v : reply.json().value(QStringLiteral("keys")).toArray())
            ids.append(v.toObject().value(QStringLiteral("key_id")).toString());
        return ids;
    }

    QTemporaryDir m_data;
    std::unique_ptr<GatewayProcess> m_gateway;
    QByteArray m_owner;
    QString m_range;
};

QTEST_GUILESS_MAIN(TestGatewayUsageKeys)
#include "tst_gatewayusagekeys.moc"
