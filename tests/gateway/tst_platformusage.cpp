#include "tests/support/gatewayprocess.h"
#include "tests/support/testdatabase.h"
#include "tests/support/testkeys.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

#include <csignal>

using namespace knotie;
using namespace knotie::test;

namespace {
constexpr qint64 hour = 3600;
constexpr qint64 day = 86400;

QString rfc3339(qint64 seconds) {
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

// Runs one statement on the gateway's database (tests only: reading what the gateway
// wrote, or changing a person's grants).
QVariant queryValue(const GatewayProcess &gateway, const QString &sql) {
    return TestDatabaseConnection(gatewayDatabase(gateway)).write({sql});
}

qint64 sumOf(const QJsonArray &series, const char *field) {
    qint64 total = 0;
    for (const QJsonValue &v : series)
        total += v.toObject().value(QLatin1String(field)).toInteger();
    return total;
}
} // namespace

class TestPlatformUsage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        m_token = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_token.isEmpty());
    }

    void usage_recordedWithRouteTemplatesAndExactCounts() {
        const QString db = gatewayDatabase(m_gateway);
        const TestKey partner = insertTestKey(db, TestKeySpec(KeyType::Partner));
        const TestKey customer =
            insertTestKey(db, TestKeySpec(KeyType::Customer).forCustomer(QStringLiteral("cus_brightside")));
        QVERIFY(!partner.id.isEmpty() && !customer.id.isEmpty());
        const qint64 started = QDateTime::currentSecsSinceEpoch();
        const qint64 from = started - started % hour - 22 * hour;
        const qint64 to = from + 24 * hour;

        const auto as = [](const TestKey &key) {
            return QList<QPair<QByteArray, QByteArray>>{{"X-API-Key", key.secret}};
        };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), as(partner)).status, 200);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/customers/cus_brightside"), as(partner)).status,
                     200);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/customers/cus_nope"), as(partner)).status, 404);
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/no/such/route"), as(partner)).status, 404);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(m_gateway
                         .request("POST", QStringLiteral("/api/v1/credits/grants"),
                                  R"({"customer_id":"cus_brightside","amount":0})", as(partner))
                         .status,
                     422);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/credits"), as(customer)).status, 403);

        const QString range = QStringLiteral("from=%1&to=%2").arg(rfc3339(from), rfc3339(to));
        const auto series = [&](const QString &keyId) {
            return usage(QStringLiteral("/v1/usage?bucket=hour&key_id=%1&%2").arg(keyId, range))
                .json()
                .value(QStringLiteral("series"))
                .toArray();
        };
        // Recording is asynchronous (batched off the request path): wait until it shows.
        QTRY_COMPARE_WITH_TIMEOUT(sumOf(series(partner.id), "requests"), 13, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(sumOf(series(customer.id), "requests"), 2, 10000);

        const QJsonArray hours = series(partner.id);
        QCOMPARE(hours.size(), 24);
        for (qsizetype i = 0; i < hours.size(); ++i) {
            const QJsonObject bucket = hours.at(i).toObject();
            QCOMPARE(bucket.value(QStringLiteral("start")).toString(), rfc3339(from + i * hour));
            QCOMPARE(bucket.value(QStringLiteral("p95_ms")).isNull(),
                     bucket.value(QStringLiteral("requests")).toInteger() == 0);
        }
        QCOMPARE(sumOf(hours, "ok"), 8);
        QCOMPARE(sumOf(hours, "client_errors"), 5);
        QCOMPARE(sumOf(hours, "server_errors"), 0);

        const qint64 today = started - started % day;
        const HttpReply days = usage(QStringLiteral("/v1/usage?bucket=day&key_id=%1&from=%2&to=%3")
                                         .arg(partner.id, rfc3339(today - 6 * day), rfc3339(today + day)));
        QCOMPARE(days.json().value(QStringLiteral("bucket")).toString(), QStringLiteral("day"));
        QCOMPARE(days.json().value(QStringLiteral("series")).toArray().size(), 7);
        QCOMPARE(sumOf(days.json().value(QStringLiteral("series")).toArray(), "requests"), 13);

        const HttpReply endpoints =
            usage(QStringLiteral("/v1/usage/endpoints?key_id=%1&%2").arg(partner.id, range));
        QCOMPARE(endpoints.status, 200);
        QVERIFY(!endpoints.body.contains("cus_brightside"));
        QVERIFY(!endpoints.body.contains("no/such"));
        QStringList seen;
        for (const QJsonValue &v : endpoints.json().value(QStringLiteral("endpoints")).toArray()) {
            const QJsonObject e = v.toObject();
            seen << QStringLiteral("%1 %2 %3/%4")
                        .arg(e.value(QStringLiteral("method")).toString(),
                             e.value(QStringLiteral("route")).toString())
                        .arg(e.value(QStringLiteral("requests")).toInteger())
                        .arg(e.value(QStringLiteral("errors")).toInteger());
        }
        // Most requests first.
        QCOMPARE(seen, (QStringList{QStringLiteral("GET /api/v1/customers/{id} 5/2"),
                                    QStringLiteral("GET /api/v1/whoami 5/0"),
                                    QStringLiteral("POST /api/v1/credits/grants 2/2"),
                                    QStringLiteral("GET (unmatched) 1/1")}));

        const HttpReply keys = usage(QStringLiteral("/v1/usage/keys?bucket=hour&%1").arg(range));
        QCOMPARE(keys.status, 200);
        QHash<QString, QJsonObject> byKey;
        for (const QJsonValue &v : keys.json().value(QStringLiteral("keys")).toArray())
            byKey.insert(v.toObject().value(QStringLiteral("key_id")).toString(), v.toObject());
        QCOMPARE(byKey.value(partner.id).value(QStringLiteral("requests")).toInteger(), 13);
        QCOMPARE(byKey.value(partner.id).value(QStringLiteral("errors")).toInteger(), 5);
        QCOMPARE(byKey.value(customer.id).value(QStringLiteral("errors")).toInteger(), 2);
        const QJsonArray sparkline = byKey.value(partner.id).value(QStringLiteral("series")).toArray();
        QCOMPARE(sparkline.size(), 24);
        qint64 sparkTotal = 0;
        for (const QJsonValue &n : sparkline)
            sparkTotal += n.toInteger();
        QCOMPARE(sparkTotal, 13);
        QVERIFY(byKey.contains(QStringLiteral("key_n8n_prod_1"))); // every key, traffic or not
        QVERIFY(!byKey.contains(QStringLiteral("key_lakeside")));  // never another partner's

        const auto lastUsed = [&] {
            return queryValue(
                m_gateway,
                QStringLiteral("SELECT last_used_at FROM api_keys WHERE id = '%1'").arg(partner.id));
        };
        QTRY_VERIFY_WITH_TIMEOUT(!lastUsed().isNull(), 10000);
        QVERIFY(lastUsed().toLongLong() >= started - 1);
    }

    void usage_refusesBadRangesBucketsAndFilters_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QString ok = QStringLiteral("from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z");
        QTest::newRow("fine") << QStringLiteral("/v1/usage?bucket=hour&") + ok << 200 << QString();
        QTest::newRow("no bucket") << QStringLiteral("/v1/usage?") + ok << 422
                                   << QStringLiteral("invalid_bucket");
        QTest::newRow("week bucket") << QStringLiteral("/v1/usage?bucket=week&") + ok << 422
                                     << QStringLiteral("invalid_bucket");
        QTest::newRow("no from") << QStringLiteral("/v1/usage?bucket=hour&to=2026-01-02T00:00:00Z") << 422
                                 << QStringLiteral("invalid_range");
        QTest::newRow("garbage to") << QStringLiteral(
                                           "/v1/usage?bucket=hour&from=2026-01-01T00:00:00Z&to=tomorrow")
                                    << 422 << QStringLiteral("invalid_range");
        QTest::newRow("off the hour")
            << QStringLiteral("/v1/usage?bucket=hour&from=2026-01-01T00:30:00Z&to=2026-01-02T00:00:00Z")
            << 422 << QStringLiteral("invalid_range");
        QTest::newRow("off midnight")
            << QStringLiteral("/v1/usage?bucket=day&from=2026-01-01T05:00:00Z&to=2026-01-02T00:00:00Z") << 422
            << QStringLiteral("invalid_range");
        QTest::newRow("offset accepted")
            << QStringLiteral("/v1/usage?bucket=day&from=2026-01-01T02:00:00%2B02:00&to=2026-01-02T00:00:00Z")
            << 200 << QString();
        QTest::newRow("from after to")
            << QStringLiteral("/v1/usage?bucket=hour&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")
            << 422 << QStringLiteral("invalid_range");
        QTest::newRow("empty range")
            << QStringLiteral("/v1/usage?bucket=hour&from=2026-01-02T00:00:00Z&to=2026-01-02T00:00:00Z")
            << 422 << QStringLiteral("invalid_range");
        QTest::newRow("400 days")
            << QStringLiteral("/v1/usage?bucket=day&from=2025-01-01T00:00:00Z&to=2026-02-05T00:00:00Z") << 200
            << QString();
        QTest::newRow("401 days")
            << QStringLiteral("/v1/usage?bucket=day&from=2025-01-01T00:00:00Z&to=2026-02-06T00:00:00Z") << 422
            << QStringLiteral("invalid_range");
        QTest::newRow("key type") << QStringLiteral("/v1/usage?bucket=hour&key_type=admin&") + ok << 422
                                  << QStringLiteral("invalid_key_type");
        QTest::newRow("unknown key") << QStringLiteral("/v1/usage?bucket=hour&key_id=key_nobody&") + ok << 404
                                     << QStringLiteral("not_found");
        QTest::newRow("other partner's key")
            << QStringLiteral("/v1/usage?bucket=hour&key_id=key_lakeside&") + ok << 404
            << QStringLiteral("not_found");
        QTest::newRow("other partner's customer")
            << QStringLiteral("/v1/usage/endpoints?customer_id=cus_lakeside&") + ok << 404
            << QStringLiteral("not_found");
        QTest::newRow("endpoints on hours")
            << QStringLiteral("/v1/usage/endpoints?from=2026-01-01T01:00:00Z&to=2026-01-01T03:00:00Z") << 200
            << QString();
        QTest::newRow("keys need a bucket")
            << QStringLiteral("/v1/usage/keys?") + ok << 422 << QStringLiteral("invalid_bucket");
    }

    void usage_refusesBadRangesBucketsAndFilters() {
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QString, code);
        const HttpReply r = usage(query);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
    }

    void usage_filtersCombine() {
        const QString range = QStringLiteral("from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z");
        QCOMPARE(usage(QStringLiteral("/v1/usage?bucket=hour&key_type=customer&customer_id=cus_brightside&") +
                       range)
                     .status,
                 200);
        QCOMPARE(
            usage(QStringLiteral("/v1/usage/endpoints?key_type=webhook&key_id=key_zapier&") + range).status,
            200);
    }

    void usage_needsAnalyticsViewAndKeysAlsoSettingsManage() {
        const QByteArray member = m_gateway.signIn(QStringLiteral("member@demo.test"));
        const QString range = QStringLiteral("from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z");
        const auto status = [&](const QString &path) {
            return m_gateway.get(path + range, GatewayProcess::bearer(member)).status;
        };
        QCOMPARE(status(QStringLiteral("/v1/usage?bucket=hour&")), 200);
        setGrants(QStringLiteral("customers.view"));
        QCOMPARE(status(QStringLiteral("/v1/usage?bucket=hour&")), 403);
        QCOMPARE(status(QStringLiteral("/v1/usage/endpoints?")), 403);
        QCOMPARE(status(QStringLiteral("/v1/usage/keys?bucket=hour&")), 403);
        setGrants(QStringLiteral("settings.manage"));
        QCOMPARE(status(QStringLiteral("/v1/usage/keys?bucket=hour&")), 200);
        QCOMPARE(status(QStringLiteral("/v1/usage?bucket=hour&")), 403);
        setGrants(QStringLiteral("analytics.view,customers.view"));
        QCOMPARE(m_gateway.get(QStringLiteral("/v1/usage?bucket=hour&") + range).status, 401);
    }

    void demo_hasKeysOfEveryTypeInEveryStatusAndNinetyDaysOfHistory() {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QVariant pairs = queryValue(
            m_gateway,
            QStringLiteral(
                "SELECT COUNT(DISTINCT type || ':' || CASE WHEN revoked_at IS NOT NULL THEN 'revoked'"
                " WHEN expires_at IS NOT NULL AND expires_at <= %1 THEN 'expired'"
                " WHEN replaced_by IS NOT NULL THEN 'expiring' ELSE 'active' END)"
                " FROM api_keys WHERE partner_id = 'ptr_demo' AND id NOT LIKE 'key_test_%'")
                .arg(now));
        QCOMPARE(pairs.toInt(), 16);
        QCOMPARE(
            queryValue(m_gateway,
                       QStringLiteral(
                           "SELECT COUNT(DISTINCT created_by) FROM api_keys WHERE partner_id = 'ptr_demo'"))
                .toInt(),
            2);
        QCOMPARE(queryValue(m_gateway,
                            QStringLiteral("SELECT COUNT(*) FROM api_keys WHERE partner_id = 'ptr_other'"))
                     .toInt(),
                 1);
        const qint64 today = now - now % day;
        const HttpReply r = usage(QStringLiteral("/v1/usage?bucket=day&from=%1&to=%2")
                                      .arg(rfc3339(today - 90 * day), rfc3339(today + day)));
        const QJsonArray days = r.json().value(QStringLiteral("series")).toArray();
        QCOMPARE(days.size(), 91);
        int busyDays = 0;
        for (const QJsonValue &d : days)
            busyDays += d.toObject().value(QStringLiteral("requests")).toInteger() > 0 ? 1 : 0;
        QVERIFY2(busyDays >= 90, qPrintable(QString::number(busyDays)));
        QVERIFY(sumOf(days, "server_errors") > 0);
        // The unfiltered series (the partner's rollup) agrees with the keys' own rollups.
        const HttpReply keys = usage(QStringLiteral("/v1/usage/keys?bucket=day&from=%1&to=%2")
                                         .arg(rfc3339(today - 90 * day), rfc3339(today + day)));
        qint64 keyTotal = 0;
        for (const QJsonValue &k : keys.json().value(QStringLiteral("keys")).toArray())
            keyTotal += k.toObject().value(QStringLiteral("requests")).toInteger();
        QCOMPARE(keyTotal, sumOf(days, "requests"));
    }

    void usage_survivesStop_data() {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }

    void usage_survivesStop() {
        QFETCH(int, signal);
        GatewayProcess first;
        QVERIFY(first.start());
        const TestKey key = insertTestKey(gatewayDatabase(first), TestKeySpec(KeyType::Webhook));
        const qint64 started = QDateTime::currentSecsSinceEpoch();
        for (int i = 0; i < 7; ++i)
            QCOMPARE(first.get(QStringLiteral("/api/v1/webhook-events"), {{"X-API-Key", key.secret}}).status,
                     200);
        // Stop at once: what is still in the recorder's memory must be written on the way out.
        ::kill(static_cast<pid_t>(first.process().processId()), signal);
        QVERIFY(first.process().waitForFinished(10000));
        QCOMPARE(first.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(first.process().exitCode(), 0);

        GatewayProcess::Options again;
        again.dataDirectory = first.dataDirectory();
        again.database = first.database(); // PostgreSQL: the same database
        GatewayProcess second(again);
        QVERIFY(second.start());
        const QByteArray token = second.signIn(QStringLiteral("admin@demo.test"));
        const qint64 from = started - started % hour - hour;
        const HttpReply r = second.get(QStringLiteral("/v1/usage?bucket=hour&key_id=%1&from=%2&to=%3")
                                           .arg(key.id, rfc3339(from), rfc3339(from + 3 * hour)),
                                       GatewayProcess::bearer(token));
        QCOMPARE(r.status, 200);
        QCOMPARE(sumOf(r.json().value(QStringLiteral("series")).toArray(), "requests"), 7);
    }

private:
    HttpReply usage(const QString &pathAndQuery) const {
        return m_gateway.get(pathAndQuery, GatewayProcess::bearer(m_token));
    }

    void setGrants(const QString &granted) {
        queryValue(m_gateway,
                   QStringLiteral("UPDATE users SET granted = '%1' WHERE id = 'usr_priya' RETURNING id")
                       .arg(granted));
    }

    GatewayProcess m_gateway;
    QByteArray m_token;
};

QTEST_GUILESS_MAIN(TestPlatformUsage)
#include "tst_platformusage.moc"
