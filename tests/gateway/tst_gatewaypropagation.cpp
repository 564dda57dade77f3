// Key changes reach every instance (issue #17 item 2, API.md v1.1 "Running many
// gateways"): three gateway processes on one PostgreSQL database, each verifying keys from
// its own memory, learn of a change made through another within a second: at once through
// LISTEN/NOTIFY, and by polling the change log when the notification connections are killed.
#include "tests/gateway/portalcalls.h"
#include "tests/gateway/rawhttp.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/testdatabase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

using namespace knotie::test;
using namespace knotie::test::portal;

namespace {
// The contract's bounds (issue #17): every instance within 1 s, 100 ms at the 99th percentile.
constexpr double everyInstanceWithinMs = 1000;
constexpr double percentile99WithinMs = 100;
// How long a key is probed after its first refusal, to see it never accepted again.
constexpr int probesAfterRefusal = 50;

// Keeps one keep-alive connection to a gateway and asks it, as a key, who it is.
class Prober {
public:
    explicit Prober(const GatewayProcess &gateway)
        : m_base(gateway.baseUrl()) {}

    int status(const QByteArray &secret) {
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (m_connection->socket().state() != QAbstractSocket::ConnectedState) {
                m_connection = std::make_unique<raw::Connection>();
                if (!m_connection->open(m_base))
                    continue;
            }
            m_connection->send("GET /api/v1/whoami HTTP/1.1\r\nHost: gateway\r\nX-API-Key: " + secret +
                               "\r\n\r\n");
            const raw::Reply reply = m_connection->readResponse();
            if (reply.status != 0)
                return reply.status;
            m_connection.reset(new raw::Connection);
        }
        return 0;
    }

private:
    QUrl m_base;
    std::unique_ptr<raw::Connection> m_connection = std::make_unique<raw::Connection>();
};

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto rank =
        static_cast<size_t>(std::max(0.0, std::ceil(p * static_cast<double>(values.size())) - 1));
    return values[std::min(rank, values.size() - 1)];
}
} // namespace

class TestGatewayPropagation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        PostgresProcess *postgres = sharedPostgres();
        QVERIFY(postgres);
        m_database = newPostgresDatabase(true);
        QVERIFY(!m_database.isEmpty());
        for (auto &gateway : m_gateways) {
            GatewayProcess::Options options;
            options.database = m_database;
            gateway = std::make_unique<GatewayProcess>(options);
            QVERIFY(gateway->launch());
        }
        for (auto &gateway : m_gateways)
            QVERIFY(gateway->waitUntilListening());
        m_owner = a().signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
    }

    // A key revoked through A is refused by B and C within 1 s, within 100 ms at the 99th
    // percentile over 30 trials while both are probed back to back, and never accepted
    // again after its first refusal.
    void revocation_reachesTheOthersAtOnce() {
        std::vector<double> delays;
        for (int trial = 0; trial < 30; ++trial)
            QVERIFY(revokeAndMeasure(trial, &delays));
        report("notified", delays);
        QVERIFY2(percentile(delays, 0.99) <= percentile99WithinMs, "99th percentile over 100 ms");
    }

    // With every instance's notification connection killed just before each revocation,
    // the notifications are lost; the instances reconnect by themselves and catch up from
    // the log, still within 1 s, and LISTEN again (the next revocations are quick again).
    void revocation_reachesTheOthersWithNotificationsLost() {
        std::vector<double> delays;
        for (int trial = 0; trial < 8; ++trial) {
            // Each instance is listening again before its connection is killed again.
            QVERIFY(QTest::qWaitFor([&] { return notificationConnections() == 3; }, 5000));
            QCOMPARE(killNotificationConnections(), 3);
            QVERIFY(revokeAndMeasure(trial, &delays));
        }
        report("notification connections killed", delays);

        QVERIFY(QTest::qWaitFor([&] { return notificationConnections() == 3; }, 5000));
        std::vector<double> afterReconnect;
        for (int trial = 0; trial < 5; ++trial)
            QVERIFY(revokeAndMeasure(trial, &afterReconnect));
        report("notified again after reconnecting", afterReconnect);
        // Polling alone answers in 0 to 250 ms: five pairs all under 100 ms say notifications work again.
        QVERIFY2(percentile(afterReconnect, 1.0) <= percentile99WithinMs,
                 "no notification after reconnecting");
    }

    // A change wait on B (GET /v1/keys?wait=) wakes when a key is created through A.
    void changeWait_onOneWakesOnACreationThroughAnother() {
        // Usage the earlier tests caused is written now and then (a key's last use is a
        // change too): a wait woken by that is held again.
        int held = -1;
        for (int attempt = 0; attempt < 10 && held < 0; ++attempt) {
            const QString cursor = keysCursor(b());
            held = raw::connectFrom("127.0.0.1", static_cast<quint16>(b().baseUrl().port()));
            QVERIFY(held >= 0);
            QVERIFY(raw::sendAll(
                held,
                raw::closingRequest("GET", QStringLiteral("/v1/keys?since=%1&wait=30").arg(cursor).toLatin1(),
                                    {}, "Authorization: Bearer " + m_owner + "\r\n")));
            pollfd readable{held, POLLIN, 0};
            if (::poll(&readable, 1, 300) != 0) {
                ::close(held);
                held = -1;
            }
        }
        QVERIFY2(held >= 0, "B's wait kept waking with nothing changed");
        QElapsedTimer sent;
        sent.start();
        const QString id = idOf(keyOf(createKey(a(), m_owner, QStringLiteral("Made on A while B waits"))));
        QVERIFY(!id.isEmpty());
        const raw::Reply answer = raw::readReply(held, std::chrono::seconds(5));
        ::close(held);
        qInfo("B's held answer came %lld ms after the creation on A was sent", sent.elapsed());
        QCOMPARE(answer.status, 200);
        QVERIFY2(answer.body.contains(id.toLatin1()), answer.body.constData());
    }

    // A rotation with no grace and a new rate limit, both made through A, hold on B.
    void rotationAndLimits_madeThroughOneHoldOnTheOthers() {
        const HttpReply created = createKey(a(), m_owner, QStringLiteral("Limited on A"));
        const QByteArray secret = created.json().value(QStringLiteral("secret")).toString().toLatin1();
        const QString id = idOf(keyOf(created));
        Prober onB(b());
        QCOMPARE(onB.status(secret), 200);
        QCOMPARE(onB.status(secret), 200);
        const QJsonObject oneAMinute{{QStringLiteral("requests"), 1}, {QStringLiteral("per_seconds"), 60}};
        QCOMPARE(call(a(), m_owner, "PATCH", QStringLiteral("/v1/keys/") + id,
                      {{QStringLiteral("rate_limit"), oneAMinute}})
                     .status,
                 200);
        QVERIFY2(QTest::qWaitFor([&] { return onB.status(secret) == 429; }, 1000), "B ignores the new limit");

        const HttpReply rotated = call(a(), m_owner, "POST", QStringLiteral("/v1/keys/%1/rotate").arg(id),
                                       {{QStringLiteral("grace_seconds"), 0}});
        QCOMPARE(rotated.status, 201);
        const QByteArray successor = rotated.json().value(QStringLiteral("secret")).toString().toLatin1();
        QVERIFY2(QTest::qWaitFor([&] { return onB.status(secret) == 401; }, 1000),
                 "B accepts the rotated key");
        QCOMPARE(onB.status(successor), 200);
    }

private:
    const GatewayProcess &a() const { return *m_gateways[0]; }
    const GatewayProcess &b() const { return *m_gateways[1]; }
    const GatewayProcess &c() const { return *m_gateways[2]; }

    // Creates a key through A, has B and C cache it as valid, revokes it through A, and
    // probes B and C in turn until both refuse it; then probes on. Adds both delays, from
    // the moment the revocation was answered.
    bool revokeAndMeasure(int trial, std::vector<double> *delays) {
        const HttpReply created = createKey(a(), m_owner, QStringLiteral("Revoked %1").arg(trial));
        const QByteArray secret = created.json().value(QStringLiteral("secret")).toString().toLatin1();
        const QString id = idOf(keyOf(created));
        if (secret.isEmpty() || id.isEmpty())
            return false;
        Prober probers[2] = {Prober(b()), Prober(c())};
        for (Prober &prober : probers)
            if (prober.status(secret) != 200)
                return false;
        // Timed from the revocation's answer: it has committed by then. (Its own time is
        // the write lock's, which usage writes of every instance share: reported apart.)
        QElapsedTimer revoking;
        revoking.start();
        if (call(a(), m_owner, "DELETE", QStringLiteral("/v1/keys/") + id).status != 200)
            return false;
        m_revocationAnswers.push_back(static_cast<double>(revoking.nsecsElapsed()) / 1e6);
        QElapsedTimer sinceRevocation;
        sinceRevocation.start();
        double refusedAfter[2] = {-1, -1};
        int probesLeft = probesAfterRefusal;
        while (probesLeft > 0) {
            for (int i = 0; i < 2; ++i) {
                const int status = probers[i].status(secret);
                const double elapsedMs = static_cast<double>(sinceRevocation.nsecsElapsed()) / 1e6;
                if (status == 401 && refusedAfter[i] < 0)
                    refusedAfter[i] = elapsedMs;
                if (status != 401 && refusedAfter[i] >= 0) {
                    qWarning("trial %d: instance %c accepted the key again (%d) after refusing it", trial,
                             'B' + i, status);
                    return false;
                }
                if (status != 200 && status != 401)
                    return false;
                if (refusedAfter[i] < 0 && elapsedMs > everyInstanceWithinMs) {
                    qWarning("trial %d: instance %c still accepts the key after %.0f ms", trial, 'B' + i,
                             elapsedMs);
                    return false;
                }
            }
            if (refusedAfter[0] >= 0 && refusedAfter[1] >= 0)
                --probesLeft;
        }
        delays->push_back(refusedAfter[0]);
        delays->push_back(refusedAfter[1]);
        return true;
    }

    void report(const char *what, const std::vector<double> &delays) {
        qInfo("revoked on A, refused on B and C (%s, %zu samples): p50 %.1f ms, p99 %.1f ms, max %.1f ms"
              " after the revocation's answer; the revocation itself took p50 %.1f ms, max %.1f ms",
              what, delays.size(), percentile(delays, 0.5), percentile(delays, 0.99), percentile(delays, 1.0),
              percentile(m_revocationAnswers, 0.5), percentile(m_revocationAnswers, 1.0));
        m_revocationAnswers.clear();
    }

    QString databaseName() const { return QUrl(m_database).path().mid(1); }

    int killNotificationConnections() const {
        return sharedPostgres()
            ->psql(databaseName(),
                   QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                  " WHERE application_name LIKE 'knotie-changes-%'"))
            .trimmed()
            .toInt();
    }

    int notificationConnections() const {
        return sharedPostgres()
            ->psql(databaseName(), QStringLiteral("SELECT count(*) FROM pg_stat_activity"
                                                  " WHERE application_name LIKE 'knotie-changes-%'"))
            .trimmed()
            .toInt();
    }

    // The cursor of the last page of GET /v1/keys on `gateway`.
    QString keysCursor(const GatewayProcess &gateway) const {
        QString cursor;
        QString path = QStringLiteral("/v1/keys");
        for (int page = 0; page < 100; ++page) {
            const HttpReply r = call(gateway, m_owner, "GET", path);
            cursor = r.json().value(QStringLiteral("cursor")).toString();
            path = QStringLiteral("/v1/keys?since=") + cursor;
            if (!r.json().value(QStringLiteral("has_more")).toBool())
                break;
        }
        return cursor;
    }

    std::unique_ptr<GatewayProcess> m_gateways[3];
    QString m_database;
    QByteArray m_owner;
    std::vector<double> m_revocationAnswers; // ms, since the last report
};

QTEST_GUILESS_MAIN(TestGatewayPropagation)
#include "tst_gatewaypropagation.moc"
