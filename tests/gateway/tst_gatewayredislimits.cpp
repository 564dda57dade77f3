// Rate limits across gateway instances (API.md v1.1 "Running many gateways", --redis):
// three instances on one PostgreSQL database and one Redis count a key's limit as one
// instance would, and each counts on its own while Redis is away, saying so in /healthz.
#include "tests/gateway/portalcalls.h"
#include "tests/gateway/rawhttp.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/redisprocess.h"
#include "tests/support/testdatabase.h"

#include <QStandardPaths>
#include <QTest>

#include <array>
#include <memory>

using namespace knotie::test;
using namespace knotie::test::portal;

class TestGatewayRedisLimits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_redis.start());
        QVERIFY(sharedPostgres());
        const QString database = newPostgresDatabase(true);
        QVERIFY(!database.isEmpty());
        for (auto &gateway : m_gateways) {
            GatewayProcess::Options options;
            options.database = database;
            options.extraArguments = {QStringLiteral("--redis"), m_redis.url()};
            gateway = std::make_unique<GatewayProcess>(options);
            QVERIFY(gateway->launch());
        }
        for (auto &gateway : m_gateways)
            QVERIFY(gateway->waitUntilListening());
        m_owner = m_gateways[0]->signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
        for (auto &gateway : m_gateways)
            QCOMPARE(rateLimits(*gateway), QStringLiteral("redis"));
    }

    // 90 requests round-robin over three instances, limit 30 a minute: exactly 30 admitted
    // (each instance counting alone would admit 30 itself, 90 in all).
    void limit_isCountedAcrossInstances() {
        const QByteArray secret = newLimitedKey(QStringLiteral("Shared limit"), 30);
        const Tally tally = spread(secret, 90);
        qInfo("admitted %d of 90 over three instances", tally.admitted);
        QCOMPARE(tally.admitted, 30);
        QCOMPARE(tally.limited, 60);
        QVERIFY(tally.limitedAnswersAreTheContracts);
    }

    // Redis stopped: the next limited request on each instance falls back to counting on
    // its own (/healthz says "local"); Redis back: "redis" again, and counting is shared.
    void redisAway_eachInstanceCountsLocally_thenRedisAgain() {
        const QByteArray whileAway = newLimitedKey(QStringLiteral("While Redis is away"), 2);
        m_redis.stop();
        const Tally away = spread(whileAway, 9);
        qInfo("admitted %d of 9 with Redis away", away.admitted);
        QCOMPARE(away.admitted, 6); // two per instance
        for (auto &gateway : m_gateways) {
            QCOMPARE(rateLimits(*gateway), QStringLiteral("local"));
            QVERIFY(gateway->standardError().contains("rate limits are counted locally"));
        }

        QVERIFY(m_redis.start());
        for (auto &gateway : m_gateways)
            QTRY_COMPARE_WITH_TIMEOUT(rateLimits(*gateway), QStringLiteral("redis"), 10000);
        const Tally back = spread(newLimitedKey(QStringLiteral("After Redis is back"), 3), 9);
        QCOMPARE(back.admitted, 3);
    }

    // With one serving thread and Redis hung, a limited key's request waits out the command
    // timeout on a database thread, never on the serving one: other keys are answered
    // meanwhile. (Answered on the serving thread, the next answer would come after it.)
    void redisHung_otherKeysAnsweredMeanwhile_onOneServingThread() {
        GatewayProcess::Options options;
        options.demo = false;
        options.database = m_gateways[0]->database();
        options.extraArguments = {QStringLiteral("--redis"), m_redis.url(),
                                  QStringLiteral("--serving-threads"), QStringLiteral("1")};
        GatewayProcess single(options);
        QVERIFY(single.start());
        const QByteArray limited = newLimitedKey(QStringLiteral("Limited while Redis hangs"), 1000);
        const HttpReply created =
            createKey(*m_gateways[0], m_owner, QStringLiteral("Unlimited while Redis hangs"),
                      QStringLiteral("read_only"));
        QCOMPARE(created.status, 201);
        const QByteArray unlimited = created.json().value(QStringLiteral("secret")).toString().toLatin1();
        const auto whoami = [&](const QByteArray &secret) {
            return single.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", secret}}).status;
        };
        // Each verified once, so both are answered from memory from now on.
        QCOMPARE(whoami(limited), 200);
        QCOMPARE(whoami(unlimited), 200);
        // A malformed key has no cached row to ask about its limit: refused as ever.
        QCOMPARE(whoami("kn_not_a_key"), 401);

        m_redis.pause();
        const int fd = raw::connectFrom("127.0.0.1", static_cast<quint16>(single.baseUrl().port()));
        QVERIFY(fd >= 0);
        QVERIFY(raw::sendAll(
            fd, "GET /api/v1/whoami HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-API-Key: " + limited +
                    "\r\n\r\n"));
        int answeredMeanwhile = 0;
        for (pollfd answer{fd, POLLIN, 0}; ::poll(&answer, 1, 0) == 0; answer.revents = 0) {
            QCOMPARE(whoami(unlimited), 200);
            ++answeredMeanwhile;
        }
        const raw::Reply reply = raw::readReply(fd);
        ::close(fd);
        m_redis.resume();
        qInfo("%d answers to an unlimited key while the limited one waited for Redis", answeredMeanwhile);
        QCOMPARE(reply.status, 200); // counted on its own after the timeout
        QVERIFY2(answeredMeanwhile >= 5, "the serving thread waited for Redis");
        QTRY_COMPARE_WITH_TIMEOUT(rateLimits(single), QStringLiteral("redis"), 10000);
    }

    void cleanupTestCase() {
        for (auto &gateway : m_gateways)
            gateway.reset();
    }

private:
    struct Tally {
        int admitted = 0;
        int limited = 0;
        bool limitedAnswersAreTheContracts = true;
    };

    static QString rateLimits(const GatewayProcess &gateway) {
        return gateway.get(QStringLiteral("/healthz"))
            .json()
            .value(QStringLiteral("details"))
            .toObject()
            .value(QStringLiteral("rate_limits"))
            .toString();
    }

    QByteArray newLimitedKey(const QString &name, int perMinute) const {
        const HttpReply r =
            createKey(*m_gateways[0], m_owner, name, QStringLiteral("read_only"),
                      {{QStringLiteral("rate_limit"), QJsonObject{{QStringLiteral("requests"), perMinute},
                                                                  {QStringLiteral("per_seconds"), 60}}}});
        if (r.status != 201)
            qWarning() << "create failed" << r.status << r.body;
        return r.json().value(QStringLiteral("secret")).toString().toLatin1();
    }

    Tally spread(const QByteArray &secret, int requests) const {
        Tally tally;
        for (int i = 0; i < requests; ++i) {
            const HttpReply r =
                m_gateways[i % 3]->get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", secret}});
            if (r.status == 200) {
                ++tally.admitted;
            } else if (r.status == 429) {
                ++tally.limited;
                const int retryAfter = r.header("Retry-After").toInt();
                if (r.errorCode() != QLatin1String("rate_limited") || retryAfter < 1 || retryAfter > 60)
                    tally.limitedAnswersAreTheContracts = false;
            } else {
                qWarning() << "unexpected answer" << r.status << r.body;
            }
        }
        return tally;
    }

    RedisProcess m_redis;
    std::array<std::unique_ptr<GatewayProcess>, 3> m_gateways;
    QByteArray m_owner;
};

QTEST_GUILESS_MAIN(TestGatewayRedisLimits)
#include "tst_gatewayredislimits.moc"
