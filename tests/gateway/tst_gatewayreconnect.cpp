// A gateway on PostgreSQL while the server stops and starts again (API.md v1.1 "Running many
// gateways"): /healthz says 503 `unreachable` and every other route answers 503 `unavailable`
// with Retry-After at once; the instance reconnects by itself and serves again, unrestarted.
#include "tests/gateway/portalcalls.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/testdatabase.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace knotie::test;
using namespace knotie::test::portal;

namespace {
QString databaseHealth(const HttpReply &reply) {
    return reply.json()
        .value(QStringLiteral("details"))
        .toObject()
        .value(QStringLiteral("database"))
        .toString();
}

// Generous: a refused connection on loopback is answered in milliseconds; what must never
// happen is a request held until some TCP or client timeout.
constexpr qint64 answeredAtOnceMs = 5000;
} // namespace

class TestGatewayReconnect : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_postgres = sharedPostgres();
        QVERIFY(m_postgres);
        GatewayProcess::Options options;
        options.database = newPostgresDatabase(true);
        QVERIFY(!options.database.isEmpty());
        options.extraArguments = {QStringLiteral("--instance"), QStringLiteral("gw-test")};
        m_gateway = std::make_unique<GatewayProcess>(options);
        QVERIFY(m_gateway->start());
    }

    void databaseStopsAndStarts_healthzFollowsAndTheInstanceReconnects() {
        const HttpReply healthy = m_gateway->get(QStringLiteral("/healthz"));
        QCOMPARE(healthy.status, 200);
        QCOMPARE(healthy.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(databaseHealth(healthy), QStringLiteral("ok"));
        const QByteArray token = m_gateway->signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!token.isEmpty());
        const HttpReply created = createKey(*m_gateway, token, QStringLiteral("Through the outage"));
        QCOMPARE(created.status, 201);
        const QByteArray secret = created.json().value(QStringLiteral("secret")).toString().toLatin1();
        QCOMPARE(m_gateway->get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", secret}}).status, 200);

        // A healthy connection is kept, never reopened.
        QVERIFY2(!m_gateway->standardError().contains("reconnected"), m_gateway->standardError().constData());

        m_postgres->stop(QStringLiteral("fast"));
        QElapsedTimer outage;
        outage.start();
        QTRY_COMPARE_WITH_TIMEOUT(m_gateway->get(QStringLiteral("/healthz")).status, 503, 10000);
        qInfo("/healthz went 503 %lld ms after the server stopped", outage.elapsed());
        const HttpReply down = m_gateway->get(QStringLiteral("/healthz"));
        QCOMPARE(down.json().value(QStringLiteral("status")).toString(), QStringLiteral("unavailable"));
        QCOMPARE(down.json().value(QStringLiteral("service")).toString(), QStringLiteral("knotie-gateway"));
        QCOMPARE(databaseHealth(down), QStringLiteral("unreachable"));

        // A session route and a key route: 503 `unavailable` with Retry-After, at once.
        const QList<QPair<QString, QList<QPair<QByteArray, QByteArray>>>> requests = {
            {QStringLiteral("/v1/keys"), GatewayProcess::bearer(token)},
            {QStringLiteral("/api/v1/whoami"), {{"X-API-Key", secret}}},
        };
        for (const auto &[path, headers] : requests) {
            QElapsedTimer answered;
            answered.start();
            const HttpReply refused = m_gateway->get(path, headers);
            const qint64 ms = answered.elapsed();
            qInfo("%s answered %d in %lld ms while the database is down", qPrintable(path), refused.status,
                  ms);
            QCOMPARE(refused.status, 503);
            QCOMPARE(refused.errorCode(), QStringLiteral("unavailable"));
            QVERIFY(refused.header("Retry-After").toInt() > 0);
            QVERIFY2(ms < answeredAtOnceMs, qPrintable(QString::number(ms)));
        }

        QVERIFY(m_postgres->start());
        QElapsedTimer back;
        back.start();
        QTRY_COMPARE_WITH_TIMEOUT(m_gateway->get(QStringLiteral("/healthz")).status, 200, 15000);
        qInfo("/healthz back to 200 %lld ms after the server started", back.elapsed());
        QCOMPARE(databaseHealth(m_gateway->get(QStringLiteral("/healthz"))), QStringLiteral("ok"));
        // Every database thread serves again, the same process: the old session, a new
        // sign-in, a write and the key (asked more often than there are database threads).
        for (int i = 0; i < 8; ++i)
            QCOMPARE(call(*m_gateway, token, "GET", QStringLiteral("/v1/keys")).status, 200);
        const QByteArray again = m_gateway->signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!again.isEmpty());
        QCOMPARE(call(*m_gateway, again, "GET", QStringLiteral("/v1/keys")).status, 200);
        QCOMPARE(createKey(*m_gateway, again, QStringLiteral("After the outage")).status, 201);
        QCOMPARE(m_gateway->get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", secret}}).status, 200);
        QCOMPARE(m_gateway->process().state(), QProcess::Running);

        // The log says so once each way, naming the instance.
        const QByteArray log = m_gateway->standardError();
        QVERIFY2(log.contains("knotie-gateway[gw-test] knotie.gateway.database: database unreachable"),
                 log.constData());
        QVERIFY2(log.contains("knotie-gateway[gw-test] knotie.gateway.database: database reachable again"),
                 log.constData());
        QCOMPARE(log.count("database unreachable"), 1);
    }

private:
    PostgresProcess *m_postgres = nullptr;
    std::unique_ptr<GatewayProcess> m_gateway;
};

QTEST_GUILESS_MAIN(TestGatewayReconnect)
#include "tst_gatewayreconnect.moc"
