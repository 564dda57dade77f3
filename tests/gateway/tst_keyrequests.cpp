#include "gateway/keyrequests.h"
#include "gateway/store.h"
#include "gateway/usage.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/testdatabase.h"
#include "tests/support/testkeys.h"

#include <QDataStream>
#include <QDateTime>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>
#include <limits>

using namespace knotie;
using namespace knotie::test;

// What a key's callers see (API.md v1.1): GET /v1/keys/{id}/requests and
// GET /v1/usage/errors, over real sockets against the real gateway.
namespace {
constexpr qint64 hour = 3600;
constexpr qint64 day = 86400;

QString rfc3339(qint64 seconds) {
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QList<QPair<QByteArray, QByteArray>> as(const TestKey &key) {
    return {{"X-API-Key", key.secret}};
}

// "STATUS code METHOD route" of each request, in the answer's order.
QStringList summary(const HttpReply &reply) {
    QStringList lines;
    for (const QJsonValue &v : reply.json().value(QStringLiteral("requests")).toArray()) {
        const QJsonObject r = v.toObject();
        lines << QStringLiteral("%1 %2 %3 %4")
                     .arg(r.value(QStringLiteral("status")).toInt())
                     .arg(r.value(QStringLiteral("error_code")).toString(QStringLiteral("-")),
                          r.value(QStringLiteral("method")).toString(),
                          r.value(QStringLiteral("route")).toString());
    }
    return lines;
}

// A key's latest requests as stored, oldest first: every batch row of the key, unpacked.
QList<gateway::keyrequests::Request> requestsStoredIn(const QSqlDatabase &db, const QString &keyId) {
    QList<gateway::keyrequests::Request> all;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT records FROM key_request_batches WHERE key_id = '%1' ORDER BY id")
                   .arg(keyId)))
        while (q.next())
            all += gateway::keyrequests::unpack(q.value(0).toByteArray());
    return all;
}

// A store in its own folder with one partner and two of its keys, key_busy and key_quiet, for
// the usage writer's tests that need no gateway process.
bool openWithTwoKeys(gateway::Store &store, QString *error) {
    if (!store.open(error))
        return false;
    return store.write([error](QSqlDatabase &db) {
        QSqlQuery q(db);
        QStringList statements{
            QStringLiteral("INSERT INTO partners (id, name, created_at) VALUES ('ptr_w', 'W', 0)"),
            QStringLiteral("INSERT INTO users (id, partner_id, email, email_key, name, role, password_hash,"
                           " created_at) VALUES ('usr_w', 'ptr_w', 'w@w.test', 'w@w.test', 'W', 'owner',"
                           " 'x', 0)")};
        for (const char *id : {"key_busy", "key_quiet"})
            statements << QStringLiteral(
                              "INSERT INTO api_keys (id, partner_id, name, type, prefix, last4,"
                              " secret_hash, created_at, created_by, change_seq) VALUES ('%1',"
                              " 'ptr_w', '%1', 'partner', 'kn_%1', 'abcd', 'hash_%1', 0, 'usr_w', 1)")
                              .arg(QLatin1String(id));
        for (const QString &statement : statements)
            if (!q.exec(statement)) {
                *error = q.lastError().text();
                return false;
            }
        return true;
    });
}

// One answered request of a key of openWithTwoKeys's partner.
gateway::UsageRecord request(const char *keyId, qint64 at, const char *route, int status, qint64 latency) {
    gateway::UsageRecord r;
    r.partnerId = QStringLiteral("ptr_w");
    r.keyId = QLatin1String(keyId);
    r.at = at;
    r.method = "GET";
    r.route = QLatin1String(route);
    r.status = status;
    r.errorCode = status == 404 ? QStringLiteral("not_found") : QString();
    r.latencyMicros = latency;
    return r;
}
} // namespace

class TestKeyRequests : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
    }

    void requests_newestFirstWithErrorCodesAndFilters() {
        TestKeySpec spec(KeyType::ReadOnly);
        spec.rateLimitRequests = 3;
        spec.rateLimitSeconds = 60;
        const TestKey key = insertTestKey(dbPath(), spec);
        QVERIFY(!key.id.isEmpty());
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), as(key)).status, 200);
        auto headers = as(key);
        headers.append(qMakePair(QByteArray("X-Trace"), QByteArray("trace-marker-4711")));
        QCOMPARE(m_gateway
                     .request("POST", QStringLiteral("/api/v1/customers?note=query-marker-4711"),
                              R"({"name":"body-marker-4711"})", headers)
                     .status,
                 403);
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/customers/cus_nope"), as(key)).status, 404);
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), as(key)).status, 429);

        const QString path = QStringLiteral("/v1/keys/%1/requests").arg(key.id);
        QTRY_COMPARE_WITH_TIMEOUT(summary(get(path)).size(), 4, 10000);
        const HttpReply all = get(path);
        QCOMPARE(all.status, 200);
        QCOMPARE(summary(all), (QStringList{QStringLiteral("429 rate_limited GET /api/v1/whoami"),
                                            QStringLiteral("404 not_found GET /api/v1/customers/{id}"),
                                            QStringLiteral("403 key_scope POST /api/v1/customers"),
                                            QStringLiteral("200 - GET /api/v1/whoami")}));
        const QJsonObject newest = all.json().value(QStringLiteral("requests")).toArray().first().toObject();
        QCOMPARE(newest.keys(), (QStringList{QStringLiteral("at"), QStringLiteral("error_code"),
                                             QStringLiteral("latency_ms"), QStringLiteral("method"),
                                             QStringLiteral("route"), QStringLiteral("status")}));
        QVERIFY(newest.value(QStringLiteral("latency_ms")).toDouble() >= 0);
        const auto at = QDateTime::fromString(newest.value(QStringLiteral("at")).toString(), Qt::ISODate);
        QVERIFY(qAbs(at.toSecsSinceEpoch() - m_gateway.now()) < 60);
        // Never a header, a body, a query or a secret.
        for (const QByteArray &secretish : {QByteArray("marker-4711"), key.secret, key.secret.right(8)})
            QVERIFY2(!all.body.contains(secretish), all.body.constData());

        QCOMPARE(summary(get(path + QStringLiteral("?outcome=client_error&limit=2"))),
                 (QStringList{QStringLiteral("429 rate_limited GET /api/v1/whoami"),
                              QStringLiteral("404 not_found GET /api/v1/customers/{id}")}));
        QCOMPARE(summary(get(path + QStringLiteral("?outcome=ok"))),
                 QStringList{QStringLiteral("200 - GET /api/v1/whoami")});
        QCOMPARE(summary(get(path + QStringLiteral("?outcome=server_error"))), QStringList{});
        QCOMPARE(summary(get(path + QStringLiteral("?status=403"))),
                 QStringList{QStringLiteral("403 key_scope POST /api/v1/customers")});
        QCOMPARE(summary(get(path + QStringLiteral("?limit=1"))).size(), 1);
        QCOMPARE(get(path + QStringLiteral("?limit=500")).status, 200);

        for (const char *bad :
             {"limit=0", "limit=501", "limit=ten", "outcome=failed", "status=99", "status=600"}) {
            const HttpReply r = get(path + QLatin1Char('?') + QLatin1String(bad));
            QCOMPARE(r.status, 422);
            QVERIFY(!r.errorCode().isEmpty());
        }
        QCOMPARE(get(path + QStringLiteral("?limit=0")).errorCode(), QStringLiteral("invalid_limit"));
        // Lookup before validation: an unknown key, or another partner's, is 404.
        QCOMPARE(get(QStringLiteral("/v1/keys/key_nope/requests?limit=0")).status, 404);
        const TestKey others = insertTestKey(
            dbPath(),
            TestKeySpec(KeyType::Partner).ofPartner(QStringLiteral("ptr_other"), QStringLiteral("usr_sam")));
        QCOMPARE(get(QStringLiteral("/v1/keys/%1/requests").arg(others.id)).status, 404);
        // analytics.view suffices; without it and settings.manage, 403.
        const QByteArray member = m_gateway.signIn(QStringLiteral("member@demo.test"));
        QCOMPARE(m_gateway.get(path, GatewayProcess::bearer(member)).status, 200);
        setMemberGrants(QStringLiteral("customers.view"));
        QCOMPARE(m_gateway.get(path, GatewayProcess::bearer(member)).errorCode(),
                 QStringLiteral("permission_denied"));
        setMemberGrants(QStringLiteral("analytics.view,customers.view"));

        // The same failures, by status and code, most first.
        const QString range = rangeQuery();
        QTRY_COMPARE_WITH_TIMEOUT(
            errors(QStringLiteral("/v1/usage/errors?key_id=%1&%2").arg(key.id, range)),
            (QStringList{QStringLiteral("403 key_scope 1"), QStringLiteral("404 not_found 1"),
                         QStringLiteral("429 rate_limited 1")}),
            10000);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), as(key)).status, 429);
        QTRY_COMPARE_WITH_TIMEOUT(
            errors(QStringLiteral("/v1/usage/errors?key_id=%1&%2").arg(key.id, range)),
            (QStringList{QStringLiteral("429 rate_limited 3"), QStringLiteral("403 key_scope 1"),
                         QStringLiteral("404 not_found 1")}),
            10000);
        QVERIFY(errors(QStringLiteral("/v1/usage/errors?key_type=read_only&%1").arg(range))
                    .contains(QStringLiteral("429 rate_limited 3")));
        QVERIFY(!errors(QStringLiteral("/v1/usage/errors?key_type=webhook&%1").arg(range))
                     .contains(QStringLiteral("429 rate_limited 3")));
        // The other usage routes' rules: range checks, filter lookups, analytics.view.
        QCOMPARE(get(QStringLiteral("/v1/usage/errors?from=x&to=y")).errorCode(),
                 QStringLiteral("invalid_range"));
        QCOMPARE(get(QStringLiteral("/v1/usage/errors?key_id=key_nope&%1").arg(range)).status, 404);
        setMemberGrants(QStringLiteral("customers.view"));
        QCOMPARE(
            m_gateway.get(QStringLiteral("/v1/usage/errors?%1").arg(range), GatewayProcess::bearer(member))
                .status,
            403);
        setMemberGrants(QStringLiteral("analytics.view,customers.view"));
    }

    void requests_revokedAndExpiredKeysShowOnlyThere() {
        const TestKey key = insertTestKey(dbPath(), TestKeySpec(KeyType::Partner));
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), as(key)).status, 200);
        QCOMPARE(m_gateway
                     .request("DELETE", QStringLiteral("/v1/keys/%1").arg(key.id), {},
                              GatewayProcess::bearer(m_owner))
                     .status,
                 200);
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/customers"), as(key)).errorCode(),
                 QStringLiteral("invalid_key"));
        TestKeySpec expiredSpec(KeyType::Partner);
        expiredSpec.expiresAt = m_gateway.now() - 60;
        const TestKey expired = insertTestKey(dbPath(), expiredSpec);
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), as(expired)).status, 401);

        const QString path = QStringLiteral("/v1/keys/%1/requests").arg(key.id);
        QTRY_COMPARE_WITH_TIMEOUT(summary(get(path)),
                                  (QStringList{QStringLiteral("401 invalid_key GET /api/v1/customers"),
                                               QStringLiteral("200 - GET /api/v1/whoami")}),
                                  10000);
        QTRY_COMPARE_WITH_TIMEOUT(summary(get(QStringLiteral("/v1/keys/%1/requests").arg(expired.id))),
                                  QStringList{QStringLiteral("401 invalid_key GET /api/v1/whoami")}, 10000);
        // Not in usage: the revoked key counts its one valid request, the expired key none.
        const QString range = rangeQuery();
        const HttpReply usage =
            get(QStringLiteral("/v1/usage/keys?bucket=hour&key_id=%1&%2").arg(key.id, range));
        QCOMPARE(usage.json()
                     .value(QStringLiteral("keys"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("requests"))
                     .toInteger(),
                 1);
        QCOMPARE(errors(QStringLiteral("/v1/usage/errors?key_id=%1&%2").arg(key.id, range)), QStringList{});
        QCOMPARE(errors(QStringLiteral("/v1/usage/errors?key_id=%1&%2").arg(expired.id, range)),
                 QStringList{});
        // A secret that belongs to no key is recorded nowhere (there is no key to show it for).
        QVERIFY(!errors(QStringLiteral("/v1/usage/errors?%1").arg(range))
                     .join(QLatin1Char(' '))
                     .contains(QStringLiteral("invalid_key")));
    }

    void requests_prunedToTheKeepingRule() {
        // Old beyond the latest 1,000: gone. 1,500 requests of 8 days ago, then one now.
        const TestKey quiet = insertTestKey(dbPath(), TestKeySpec(KeyType::Partner));
        // Recent beyond 1,000: kept up to 10,000. 10,100 requests of an hour ago, then one now.
        const TestKey busy = insertTestKey(dbPath(), TestKeySpec(KeyType::Partner));
        const qint64 now = m_gateway.now();
        fillRequests(quiet.id, 1500, now - 8 * day);
        fillRequests(busy.id, 10100, now - hour);
        // Reads apply the rule before any prune: the latest 1,000 are kept however old.
        QCOMPARE(get(QStringLiteral("/v1/keys/%1/requests?limit=500").arg(quiet.id))
                     .json()
                     .value(QStringLiteral("requests"))
                     .toArray()
                     .size(),
                 500);
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), as(quiet)).status, 200);
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), as(busy)).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(rowsOf(quiet.id), 1000, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(rowsOf(busy.id), 10000, 10000);
        // The newest kept is the real request; the 101 oldest filler rows went.
        QCOMPARE(summary(get(QStringLiteral("/v1/keys/%1/requests?limit=1").arg(busy.id))),
                 QStringList{QStringLiteral("200 - GET /api/v1/whoami")});
        qint64 oldestKeptFiller = std::numeric_limits<qint64>::max();
        for (const gateway::keyrequests::Request &r : storedRequests(busy.id))
            if (r.at == now - hour)
                oldestKeptFiller = qMin(oldestKeptFiller, r.latencyMicros);
        QCOMPARE(oldestKeptFiller, 102);
        qInfo("kept: %d rows of the quiet key, %d of the busy one", rowsOf(quiet.id), rowsOf(busy.id));
    }

    // The usage writer, straight on a store: one batch far larger than the rule keeps, one
    // key's run of requests broken by another key's every 1,000th and crossing an hour. Every
    // request is counted in the rollups of its own key, hour and route, and a key's latest
    // requests are its newest 10,000 in order (the writer lets older ones go as they pass).
    void writer_countsEveryRecordOfALargeBatch() {
        QTemporaryDir data;
        gateway::Store store(data.path());
        QString error;
        QVERIFY2(openWithTwoKeys(store, &error), qPrintable(error));
        const qint64 thisHour = QDateTime::currentSecsSinceEpoch() / hour * hour;
        gateway::UsageRecorder recorder(store, QString());
        constexpr int busyRequests = 25000; // 2.5 times what the rule keeps
        for (int i = 1; i <= busyRequests; ++i) {
            const qint64 at = i <= 20000 ? thisHour - hour + 60 : thisHour + 60;
            recorder.record(request("key_busy", at, "/api/v1/whoami", 200, i));
            if (i % 1000 == 0)
                recorder.record(request("key_quiet", at, "/api/v1/customers/{id}", 404, i));
        }
        QVERIFY(recorder.flush());
        recorder.stop();

        QSqlQuery q(store.connection());
        const auto rows = [&q](const QString &sql) {
            QStringList result;
            if (!q.exec(sql))
                return QStringList{q.lastError().text()};
            while (q.next()) {
                QStringList fields;
                for (int c = 0; c < q.record().count(); ++c)
                    fields << q.value(c).toString();
                result << fields.join(QLatin1Char(' '));
            }
            return result;
        };
        const QString earlier = QString::number(thisHour - hour), later = QString::number(thisHour);
        QCOMPARE(rows(QStringLiteral("SELECT key_id, hour, requests, ok, client_errors FROM usage_hours"
                                     " ORDER BY key_id, hour")),
                 (QStringList{QStringLiteral("key_busy %1 20000 20000 0").arg(earlier),
                              QStringLiteral("key_busy %1 5000 5000 0").arg(later),
                              QStringLiteral("key_quiet %1 20 0 20").arg(earlier),
                              QStringLiteral("key_quiet %1 5 0 5").arg(later)}));
        QCOMPARE(rows(QStringLiteral("SELECT key_id, hour, route, requests, errors FROM usage_routes"
                                     " ORDER BY key_id, hour")),
                 (QStringList{QStringLiteral("key_busy %1 /api/v1/whoami 20000 0").arg(earlier),
                              QStringLiteral("key_busy %1 /api/v1/whoami 5000 0").arg(later),
                              QStringLiteral("key_quiet %1 /api/v1/customers/{id} 20 20").arg(earlier),
                              QStringLiteral("key_quiet %1 /api/v1/customers/{id} 5 5").arg(later)}));
        QCOMPARE(rows(QStringLiteral("SELECT key_id, hour, status, code, requests FROM usage_errors"
                                     " ORDER BY key_id, hour")),
                 (QStringList{QStringLiteral("key_quiet %1 404 not_found 20").arg(earlier),
                              QStringLiteral("key_quiet %1 404 not_found 5").arg(later)}));
        QCOMPARE(rows(QStringLiteral("SELECT id, last_used_at FROM api_keys ORDER BY id")),
                 (QStringList{QStringLiteral("key_busy %1").arg(thisHour + 60),
                              QStringLiteral("key_quiet %1").arg(thisHour + 60)}));

        const auto latest = [&store](const QString &keyId) {
            QList<qint64> latencies;
            for (const gateway::keyrequests::Request &r : requestsStoredIn(store.connection(), keyId))
                latencies << r.latencyMicros;
            return latencies;
        };
        QList<qint64> newest;
        for (qint64 i = busyRequests - gateway::keyrequests::keptMost + 1; i <= busyRequests; ++i)
            newest << i;
        QCOMPARE(latest(QStringLiteral("key_busy")), newest);
        QList<qint64> everyThousandth;
        for (qint64 i = 1000; i <= busyRequests; i += 1000)
            everyThousandth << i;
        QCOMPARE(latest(QStringLiteral("key_quiet")), everyThousandth);
    }

    // A batch the database refuses is written with the next one, once: nothing lost, nothing
    // counted twice, whichever of the writer's queues each record waited in.
    void writer_keepsARefusedBatchForTheNext() {
        QTemporaryDir data;
        gateway::Store store(data.path());
        QString error;
        QVERIFY2(openWithTwoKeys(store, &error), qPrintable(error));
        QSqlQuery q(store.connection());
        QVERIFY2(q.exec(QStringLiteral("CREATE TRIGGER refuse_usage BEFORE INSERT ON usage_hours"
                                       " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")),
                 qPrintable(q.lastError().text()));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        gateway::UsageRecorder recorder(store, QString());
        for (int i = 1; i <= 300; ++i)
            recorder.record(request("key_busy", now, "/api/v1/whoami", 200, i));
        QVERIFY(!recorder.flush());
        for (int i = 301; i <= 500; ++i)
            recorder.record(request("key_busy", now, "/api/v1/whoami", 200, i));
        QVERIFY(!recorder.flush());
        QVERIFY2(q.exec(QStringLiteral("DROP TRIGGER refuse_usage")), qPrintable(q.lastError().text()));
        for (int i = 501; i <= 600; ++i)
            recorder.record(request("key_busy", now, "/api/v1/whoami", 200, i));
        QVERIFY(recorder.flush());
        for (int i = 601; i <= 700; ++i)
            recorder.record(request("key_busy", now, "/api/v1/whoami", 200, i));
        recorder.stop();
        QVERIFY(q.exec(QStringLiteral("SELECT sum(requests) FROM usage_hours WHERE key_id = 'key_busy'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 700);
    }

    // Batches written before the plain binary form (version 1: QDataStream's encoding)
    // are still read.
    void requests_storedByAnEarlierVersionStillRead() {
        const TestKey key = insertTestKey(dbPath(), TestKeySpec(KeyType::Partner));
        const qint64 at = m_gateway.now() - hour;
        QByteArray version1;
        QDataStream out(&version1, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << quint8(1) << qint32(2);
        out << at << QByteArray("GET") << QByteArray("/api/v1/whoami") << qint16(200) << QByteArray()
            << qint64(1500);
        out << at << QByteArray("POST") << QByteArray("/api/v1/customers") << qint16(429)
            << QByteArray("rate_limited") << qint64(800);
        plantBatch(key.id, 2, at, version1);
        QCOMPARE(summary(get(QStringLiteral("/v1/keys/%1/requests").arg(key.id))),
                 (QStringList{QStringLiteral("429 rate_limited POST /api/v1/customers"),
                              QStringLiteral("200 - GET /api/v1/whoami")}));
        // And the next batch, in the new form, lands beside it.
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), as(key)).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(rowsOf(key.id), 3, 10000);
    }

    // The packed form writes text as UTF-8 straight into the batch: any route and error
    // code comes back as it went in, an empty one stays empty, and one longer than the
    // 2-byte length allows is cut to its first 65,535 bytes.
    void requests_packedTextRoundTrips() {
        const QString longRoute = QStringLiteral("/api/v1/") + QString(70000, QLatin1Char('x'));
        const QList<gateway::keyrequests::Request> records{
            {1700000000, "GET", QStringLiteral("/api/v1/customers/{id}"), 200, QString(), 1200},
            {1700000001, "PATCH", QStringLiteral("/api/v1/kunden/größe·名前"), 422,
             QStringLiteral("ungültig_€"), 7},
            {1700000002, "POST", longRoute, 500, QStringLiteral("internal"), 1},
        };
        const QList<gateway::keyrequests::Request> back =
            gateway::keyrequests::unpack(gateway::keyrequests::pack(records));
        QCOMPARE(back.size(), records.size());
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(back[i].at, records[i].at);
            QCOMPARE(back[i].method, records[i].method);
            QCOMPARE(back[i].route, records[i].route);
            QCOMPARE(back[i].status, records[i].status);
            QCOMPARE(back[i].errorCode, records[i].errorCode);
            QCOMPARE(back[i].latencyMicros, records[i].latencyMicros);
        }
        QCOMPARE(back[2].route, longRoute.left(0xffff));
        QCOMPARE(back[2].errorCode, QStringLiteral("internal"));
    }

    void requests_countedOnceAcrossSigkill() {
        GatewayProcess first;
        QVERIFY(first.start());
        const TestKey key = insertTestKey(gatewayDatabase(first), TestKeySpec(KeyType::ReadOnly));
        for (int i = 0; i < 20; ++i)
            QCOMPARE(first.request("POST", QStringLiteral("/api/v1/customers"), "{}", as(key)).status, 403);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(first.get(QStringLiteral("/api/v1/whoami"), as(key)).status, 200);
        ::kill(static_cast<pid_t>(first.process().processId()), SIGKILL);
        QVERIFY(first.process().waitForFinished(10000));

        GatewayProcess::Options again;
        again.dataDirectory = first.dataDirectory();
        again.database = first.database(); // PostgreSQL: the same database
        GatewayProcess second(again);
        QVERIFY(second.start());
        const QByteArray token = second.signIn(QStringLiteral("admin@demo.test"));
        const qint64 now = second.now();
        const qint64 from = now - now % hour - hour;
        const HttpReply errorsReply = second.get(QStringLiteral("/v1/usage/errors?key_id=%1&from=%2&to=%3")
                                                     .arg(key.id, rfc3339(from), rfc3339(from + 3 * hour)),
                                                 GatewayProcess::bearer(token));
        QCOMPARE(errorsReply.json().value(QStringLiteral("errors")).toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("status"), 403},
                                         {QStringLiteral("code"), QStringLiteral("key_scope")},
                                         {QStringLiteral("requests"), 20}}}));
        const HttpReply requests =
            second.get(QStringLiteral("/v1/keys/%1/requests").arg(key.id), GatewayProcess::bearer(token));
        const QStringList lines = summary(requests);
        QCOMPARE(lines.size(), 25);
        QCOMPARE(lines.count(QStringLiteral("403 key_scope POST /api/v1/customers")), 20);
    }

private:
    QString dbPath() const { return gatewayDatabase(m_gateway); }
    HttpReply get(const QString &pathAndQuery) const {
        return m_gateway.get(pathAndQuery, GatewayProcess::bearer(m_owner));
    }
    QString rangeQuery() const {
        const qint64 now = m_gateway.now();
        const qint64 from = now - now % hour - 2 * hour;
        return QStringLiteral("from=%1&to=%2").arg(rfc3339(from), rfc3339(from + 4 * hour));
    }
    QStringList errors(const QString &pathAndQuery) const {
        QStringList lines;
        for (const QJsonValue &v : get(pathAndQuery).json().value(QStringLiteral("errors")).toArray()) {
            const QJsonObject e = v.toObject();
            lines << QStringLiteral("%1 %2 %3")
                         .arg(e.value(QStringLiteral("status")).toInt())
                         .arg(e.value(QStringLiteral("code")).toString())
                         .arg(e.value(QStringLiteral("requests")).toInteger());
        }
        return lines;
    }
    void setMemberGrants(const QString &granted) {
        TestDatabaseConnection(gatewayDatabase(m_gateway))
            .write({QStringLiteral("UPDATE users SET granted = '%1' WHERE id = 'usr_priya'").arg(granted)});
    }
    // `count` stored requests at `at`, oldest first, as one batch; their latencies number
    // them 1..count microseconds.
    void fillRequests(const QString &keyId, int count, qint64 at) {
        QList<gateway::keyrequests::Request> records;
        for (int i = 1; i <= count; ++i)
            records.append({at, "GET", QStringLiteral("/api/v1/whoami"), 200, QString(), i});
        plantBatch(keyId, count, at, gateway::keyrequests::pack(records));
    }
    void plantBatch(const QString &keyId, int count, qint64 at, const QByteArray &packed) {
        TestDatabaseConnection database(gatewayDatabase(m_gateway));
        database.write(
            {QStringLiteral("INSERT INTO key_request_batches (key_id, count, oldest_at, newest_at, records)"
                            " VALUES ('%1', %2, %3, %3, %4)")
                 .arg(keyId)
                 .arg(count)
                 .arg(at)
                 .arg(database.bytesLiteral(packed))});
    }
    // The key's stored requests, in the order they were written.
    QList<gateway::keyrequests::Request> storedRequests(const QString &keyId) const {
        TestDatabaseConnection database(gatewayDatabase(m_gateway));
        return requestsStoredIn(database.db(), keyId);
    }
    int rowsOf(const QString &keyId) const { return static_cast<int>(storedRequests(keyId).size()); }

    GatewayProcess m_gateway;
    QByteArray m_owner;
};

QTEST_GUILESS_MAIN(TestKeyRequests)
#include "tst_keyrequests.moc"
