#include "gateway/store.h"
#include "tests/gateway/portalcalls.h"
#include "tests/gateway/rawhttp.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/testdatabase.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <thread>

using namespace knotie::test;
using namespace knotie::test::portal;

namespace {

// Reads the gateway's database beside the running gateway (SQLite's WAL lets a reader in),
// for what the API aggregates away: rows and exact totals.
class GatewayRows {
public:
    explicit GatewayRows(const QString &database)
        : m_connection(database) {}
    bool isOpen() const { return m_connection.isOpen(); }

    QList<QVariantList> rows(const QString &sql, const QVariantList &values) const {
        QSqlQuery q(m_connection.db());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        QList<QVariantList> result;
        if (!q.exec())
            return result;
        while (q.next()) {
            QVariantList row;
            for (int i = 0; i < q.record().count(); ++i)
                row.append(q.value(i));
            result.append(row);
        }
        return result;
    }
    qint64 number(const QString &sql, const QVariantList &values) const {
        return rows(sql, values).value(0).value(0).toLongLong();
    }

private:
    TestDatabaseConnection m_connection;
};

QByteArray keyRequest(const QByteArray &method, const QByteArray &path, const QByteArray &secret) {
    return method + ' ' + path + " HTTP/1.1\r\nHost: gateway\r\nX-API-Key: " + secret + "\r\n\r\n";
}

} // namespace

// What a Platform API request leaves in usage (issue 16, items 6 and 10): made-up methods and
// paths cannot grow the database, every request with a valid key counts against its limit, and
// the usage of every answered request is counted exactly once, even across SIGKILL.
class TestGatewayUsageRecording : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
    }

    void madeUpMethodsAndPaths_areOneBucketEach() {
        const auto key = newKey(QStringLiteral("Method bloat"), QStringLiteral("partner"));
        const QString keyId = key.first;
        const QByteArray secret = key.second;
        raw::Connection c;
        QVERIFY(c.open(m_gateway.baseUrl()));
        // 2 KiB method names, each new: before the fix each was a row of its own.
        constexpr int distinct = 150;
        for (int i = 0; i < distinct; ++i) {
            const QByteArray method = "M" + QByteArray::number(i) + QByteArray(2048, 'X');
            c.send(keyRequest(method, "/api/v1/customers", secret));
            const raw::Reply r = c.readResponse();
            QVERIFY2(r.status / 100 == 4, r.bytes.constData());
            c.send(keyRequest("GET", "/api/v1/nothing-here/" + QByteArray::number(i), secret));
            QCOMPARE(c.readResponse().status, 404);
        }
        GatewayRows db(gatewayDatabase(m_gateway));
        QVERIFY(db.isOpen());
        const QString routesSql = QStringLiteral(
            "SELECT method, route, SUM(requests) FROM usage_routes WHERE key_id = ? GROUP BY method, route"
            " ORDER BY method");
        // The rollups are written within 2 s (API.md).
        QVERIFY(QTest::qWaitFor(
            [&] {
                return db.number(QStringLiteral("SELECT SUM(requests) FROM usage_hours WHERE key_id = ?"),
                                 {keyId}) == 2 * distinct;
            },
            5000));
        QStringList routes;
        for (const QVariantList &row : db.rows(routesSql, {keyId}))
            routes.append(
                QStringLiteral("%1 %2 %3").arg(row[0].toString(), row[1].toString(), row[2].toString()));
        QCOMPARE(routes, (QStringList{QStringLiteral("GET (unmatched) %1").arg(distinct),
                                      QStringLiteral("OTHER (unmatched) %1").arg(distinct)}));
        // One row per (key, hour, method, route) whatever was sent: nothing grows per request.
        QVERIFY(db.number(QStringLiteral("SELECT COUNT(*) FROM usage_routes WHERE key_id = ?"), {keyId}) <=
                4);
    }

    void everyRequestWithAValidKey_countsAgainstItsLimit_inApiOrder() {
        const auto key =
            newKey(QStringLiteral("Limited"), QStringLiteral("read_only"),
                   {{QStringLiteral("rate_limit"),
                     QJsonObject{{QStringLiteral("requests"), 3}, {QStringLiteral("per_seconds"), 3600}}}});
        const QString keyId = key.first;
        const QByteArray secret = key.second;
        raw::Connection c;
        QVERIFY(c.open(m_gateway.baseUrl()));
        const auto ask = [&](const QByteArray &method, const QByteArray &path) {
            c.send(keyRequest(method, path, secret));
            return c.readResponse();
        };
        // Three refusals use up the limit: an unknown route, a method the route does not
        // take, and a method a read-only key may not use (the read-only rule, 403).
        QCOMPARE(ask("GET", "/api/v1/no-such-route").status, 404);
        QCOMPARE(ask("GET", "/api/v1/credits/grants").status, 405);
        QCOMPARE(ask("BREW", "/api/v1/customers").status, 403);
        const raw::Reply limited = ask("GET", "/api/v1/customers");
        QVERIFY2(limited.status == 429, limited.bytes.constData());
        QCOMPARE(limited.errorCode(), QStringLiteral("rate_limited"));
        QVERIFY(!limited.header("retry-after").isEmpty());
        // Over the limit, the earlier checks still answer first (API.md's order).
        QCOMPARE(ask("GET", "/api/v1/no-such-route").status, 404);
        QCOMPARE(ask("GET", "/api/v1/credits/grants").status, 405);
        QCOMPARE(ask("BREW", "/api/v1/customers").status, 403);
        QCOMPARE(ask("GET", "/api/v1/customers").status, 429);
        GatewayRows db(gatewayDatabase(m_gateway));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return db.number(QStringLiteral("SELECT SUM(requests) FROM usage_hours WHERE key_id = ?"),
                                 {keyId}) == 8;
            },
            5000));
        QCOMPARE(
            db.number(QStringLiteral("SELECT SUM(rate_limited) FROM usage_hours WHERE key_id = ?"), {keyId}),
            2);
    }

    // API.md v1.1: the usage of every answered request survives SIGKILL. Three bursts, each
    // cut short by kill -9 right after its last answer (while the recorder still holds part
    // of it in memory), each followed by a start on the same data: every answered request is
    // counted exactly once, none lost and none counted twice.
    void usageOfAnsweredRequests_survivesSigkill_exactlyOnce() {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        GatewayProcess::Options options{true, true, {}, data.path()};
        QString keyId;
        QByteArray secret;
        qint64 answered = 0;
        QString database;
        for (int round = 0; round < 3; ++round) {
            GatewayProcess gateway(options);
            QVERIFY(gateway.start());
            options.database = gateway.database(); // PostgreSQL: the same database each round
            if (round == 0) {
                const QByteArray owner = gateway.signIn(QStringLiteral("owner@demo.test"));
                std::tie(keyId, secret) =
                    newKey(gateway, QStringLiteral("Killed"), QStringLiteral("partner"), {}, owner);
            }
            const qint64 burst = answeredBurst(gateway.baseUrl(), secret, 1200);
            QCOMPARE(burst, 1200);
            answered += burst;
            gateway.process().kill();
            QVERIFY(gateway.process().waitForFinished(5000));
            QCOMPARE(gateway.process().exitStatus(), QProcess::CrashExit);
        }
        {
            GatewayProcess gateway(options); // replays the spool at start, then stops cleanly
            QVERIFY(gateway.start());
            gateway.stop();
            database = gatewayDatabase(gateway);
        }
        GatewayRows db(database);
        QVERIFY(db.isOpen());
        const qint64 counted =
            db.number(QStringLiteral("SELECT SUM(requests) FROM usage_hours WHERE key_id = ?"), {keyId});
        const qint64 routed =
            db.number(QStringLiteral("SELECT SUM(requests) FROM usage_routes WHERE key_id = ?"), {keyId});
        qInfo("answered %lld requests over 3 killed runs; counted %lld (routes %lld)", answered, counted,
              routed);
        QCOMPARE(counted, answered);
        QCOMPARE(routed, answered);
    }

    // Acknowledged changes survive power loss: every connection the gateway opens (one per
    // thread, all through Store::connection) runs synchronous=FULL.
    void everyConnection_isSynchronousFull() {
        QTemporaryDir data;
        knotie::gateway::Store store(data.path());
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        const auto synchronous = [&store] {
            QSqlQuery q(store.connection());
            return q.exec(QStringLiteral("PRAGMA synchronous")) && q.next() ? q.value(0).toInt() : -1;
        };
        QCOMPARE(synchronous(), 2); // FULL
        int onThreads[3] = {-1, -1, -1};
        {
            std::jthread a([&] { onThreads[0] = synchronous(); });
            std::jthread b([&] { onThreads[1] = synchronous(); });
            std::jthread c([&] { onThreads[2] = synchronous(); });
        }
        for (int value : onThreads)
            QCOMPARE(value, 2);
    }

private:
    static std::pair<QString, QByteArray> newKey(const GatewayProcess &gateway, const QString &name,
                                                 const QString &type, const QJsonObject &extra,
                                                 const QByteArray &owner) {
        const HttpReply created = createKey(gateway, owner, name, type, extra);
        if (created.status != 201)
            qWarning("cannot create a key: %s", created.body.constData());
        return {idOf(keyOf(created)), created.json().value(QStringLiteral("secret")).toString().toLatin1()};
    }
    std::pair<QString, QByteArray> newKey(const QString &name, const QString &type,
                                          const QJsonObject &extra = {}) const {
        return newKey(m_gateway, name, type, extra, m_owner);
    }

    // Sends `count` requests on one keep-alive connection, pipelined 100 at a time, and
    // returns how many were answered 200.
    static qint64 answeredBurst(const QUrl &base, const QByteArray &secret, int count) {
        raw::Connection c;
        if (!c.open(base))
            return 0;
        qint64 answered = 0;
        for (int sent = 0; sent < count;) {
            const int window = qMin(100, count - sent);
            c.send(keyRequest("GET", "/api/v1/customers", secret).repeated(window));
            sent += window;
            for (int i = 0; i < window; ++i)
                answered += c.readResponse().status == 200 ? 1 : 0;
        }
        return answered;
    }

    GatewayProcess m_gateway;
    QByteArray m_owner;
};

QTEST_GUILESS_MAIN(TestGatewayUsageRecording)
#include "tst_gatewayusagerecording.moc"
