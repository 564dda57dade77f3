#include "models/network/datajobs.h"
#include "models/network/keyjobs.h"
#include "models/network/sessionjobs.h"
#include "tests/models/jobrunner.h"
#include "tests/support/faultserver.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTest>

using namespace knotie;
using namespace knotie::test;
using Response = FaultServer::Response;

namespace {
const QByteArray healthy = R"({"status":"ok","service":"knotie-gateway","version":"1"})";
}

// Every fault comes from a real TCP server on loopback, never from a fake network stack.
class TestGatewayFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void hang_transferTimeoutFires_personIsTold() {
        FaultServer server([](const FaultServer::Request &) { return Response::hang(); });
        QVERIFY(server.listen());
        GatewayConnection c = connectionTo(server);
        c.retry.maxAttempts = 1;
        MeJob job(c);
        job.setTransferTimeout(300);
        const GatewayResult r = runJob(job);
        QCOMPARE(r.status, GatewayResult::Status::Timeout);
        QVERIFY2(r.message.contains(QStringLiteral("did not answer in time")), qPrintable(r.message));
        QVERIFY(r.message.contains(server.url().authority()));
    }

    void hang_deadlineEndsRetries() {
        FaultServer server([](const FaultServer::Request &) { return Response::hang(); });
        QVERIFY(server.listen());
        MeJob job(connectionTo(server));
        job.setTransferTimeout(10000);
        job.setDeadline(400);
        const GatewayResult r = runJob(job);
        QCOMPARE(r.status, GatewayResult::Status::Timeout);
        QCOMPARE(server.requestCount(), 1);
    }

    void reset_isUnreachable_andRetriedForReads() {
        FaultServer server([](const FaultServer::Request &) { return Response::reset(); });
        QVERIFY(server.listen());
        MeJob job(connectionTo(server));
        const GatewayResult r = runJob(job);
        QCOMPARE(r.status, GatewayResult::Status::Unreachable);
        QCOMPARE(r.attempts, 4); // the policy's maxAttempts
        // Qt resends a read once by itself when a connection drops while waiting; that is
        // harmless for a GET, and bounded.
        QVERIFY(server.requestCount() >= 4 && server.requestCount() <= 8);
        QVERIFY2(r.message.contains(server.url().authority()), qPrintable(r.message));
    }

    void nothingListening_saysCannotReach() {
        QUrl closed;
        {
            FaultServer server;
            QVERIFY(server.listen());
            closed = server.url();
        }
        GatewayConnection c = connection();
        c.baseUrl = closed;
        c.retry.maxAttempts = 1;
        HealthJob job(c);
        const GatewayResult r = runJob(job);
        QCOMPARE(r.status, GatewayResult::Status::Unreachable);
        QVERIFY2(r.message.startsWith(QStringLiteral("Cannot reach the gateway at ")), qPrintable(r.message));
        QVERIFY(r.message.contains(QStringLiteral("check the address")));
    }

    void serviceUnavailableOnGet_isRetriedAfterRetryAfter() {
        int served = 0;
        FaultServer server([&served](const FaultServer::Request &) {
            return ++served == 1 ? Response::error(503, "unavailable", 1) : Response::json(200, healthy);
        });
        QVERIFY(server.listen());
        HealthJob job(connectionTo(server));
        QElapsedTimer waited;
        waited.start();
        const GatewayResult r = runJob(job);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(r.attempts, 2);
        // Retry-After is a floor the gateway sets, not a timing claim about us.
        QVERIFY(waited.elapsed() >= 1000);
        QCOMPARE(server.requests()[0].header("X-Request-Id"), server.requests()[1].header("X-Request-Id"));
    }

    void serviceUnavailableOnCreate_isSentOnce() {
        FaultServer server(
            [](const FaultServer::Request &) { return Response::error(503, "unavailable", 1); });
        QVERIFY(server.listen());
        CreateKeyJob job(connectionTo(server),
                         KeyDraft{QStringLiteral("N8N"), {}, KeyType::ReadOnly, {}, 0, {}});
        const GatewayResult r = runJob(job);
        QCOMPARE(r.httpStatus, 503);
        QCOMPARE(server.requestCount(), 1);
        QVERIFY2(r.message.contains(QStringLiteral("Try again")), qPrintable(r.message));
    }

    void resetOnRotateAndRevoke_areSentOnce() {
        FaultServer server([](const FaultServer::Request &) { return Response::reset(); });
        QVERIFY(server.listen());
        RotateKeyJob rotate(connectionTo(server), QStringLiteral("key_1"));
        QCOMPARE(runJob(rotate).status, GatewayResult::Status::Unreachable);
        RevokeKeyJob revoke(connectionTo(server), QStringLiteral("key_1"));
        QCOMPARE(runJob(revoke).status, GatewayResult::Status::Unreachable);
        QCOMPARE(server.requestCount(), 2);
    }

    void tooManyRequests_isRetried_butClientErrorsNever() {
        int served = 0;
        FaultServer server([&served](const FaultServer::Request &request) {
            if (request.path() == QLatin1String("/healthz"))
                return ++served == 1 ? Response::error(429, "rate_limited") : Response::json(200, healthy);
            return Response::error(404, "not_found");
        });
        QVERIFY(server.listen());
        HealthJob health(connectionTo(server));
        QVERIFY(runJob(health).ok());
        QCOMPARE(server.requestCount(), 2);
        MeJob me(connectionTo(server));
        QCOMPARE(runJob(me).httpStatus, 404);
        QCOMPARE(server.requestCount(), 3);
    }

    void garbageInsteadOfJson_isAClearError() {
        FaultServer server([](const FaultServer::Request &request) {
            if (request.path() == QLatin1String("/healthz"))
                return Response::json(200, "<html><body>It works!</body></html>");
            return Response::raw("\x00\xff\x13garbage that is not HTTP\r\n\r\n");
        });
        QVERIFY(server.listen());
        HealthJob health(connectionTo(server));
        const GatewayResult r = runJob(health);
        QCOMPARE(r.status, GatewayResult::Status::BadResponse);
        QVERIFY2(r.message.contains(QStringLiteral("did not answer like a Knotie gateway")),
                 qPrintable(r.message));
        GatewayConnection c = connectionTo(server);
        c.retry.maxAttempts = 1;
        MeJob me(c);
        const GatewayResult garbage = runJob(me);
        QVERIFY(!garbage.ok());
        QVERIFY(!garbage.message.isEmpty());
    }

    void wrongShapeOfJson_isABadResponse() {
        FaultServer server([](const FaultServer::Request &) {
            return Response::json(200, R"({"keys":[{"id":"key_1"}],"cursor":"c","has_more":false})");
        });
        QVERIFY(server.listen());
        ListKeysJob job(connectionTo(server), {});
        const GatewayResult r = runJob(job);
        QCOMPARE(r.status, GatewayResult::Status::BadResponse);
        QCOMPARE(r.errorCode, QStringLiteral("unexpected_body"));
    }

    void redirectToAnotherHost_isNotFollowed_andCarriesNoCredential() {
        FaultServer elsewhere([](const FaultServer::Request &) { return Response::json(200, healthy); });
        QVERIFY(elsewhere.listen());
        QUrl target = elsewhere.url();
        target.setHost(QStringLiteral("localhost")); // another origin
        target.setPath(QStringLiteral("/v1/me"));
        FaultServer server([target](const FaultServer::Request &) { return Response::redirect(target); });
        QVERIFY(server.listen());
        GatewayConnection c = connectionTo(server);
        c.sessionToken = "session-token-that-stays-home";
        MeJob job(c);
        const GatewayResult r = runJob(job);
        QCOMPARE(r.status, GatewayResult::Status::BadResponse);
        QCOMPARE(r.errorCode, QStringLiteral("redirect"));
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(elsewhere.requestCount(), 0);
        QVERIFY2(r.message.contains(QStringLiteral("not followed")), qPrintable(r.message));
        QVERIFY(!r.message.contains(QStringLiteral("session-token")));
    }

    void permissionDenied_namesWhomToAsk() {
        FaultServer server(
            [](const FaultServer::Request &) { return Response::error(403, "permission_denied"); });
        QVERIFY(server.listen());
        GatewayConnection c = connectionTo(server);
        c.accessContact = {QStringLiteral("usr_owner"), QStringLiteral("Maya Lindqvist"), {}};
        ListKeysJob job(c, {});
        const GatewayResult r = runJob(job);
        QVERIFY(r.isPermissionDenied());
        QCOMPARE(r.message,
                 QStringLiteral(
                     "You don't have access to API keys. Ask Maya Lindqvist to grant settings access."));
        QCOMPARE(server.requestCount(), 1);
    }

private:
    GatewayConnection connection() {
        GatewayConnection c;
        c.network = &m_network;
        c.retry = {4, 10, 50}; // quick backoff: the tests count attempts, they do not time them
        return c;
    }
    GatewayConnection connectionTo(const FaultServer &server) {
        GatewayConnection c = connection();
        c.baseUrl = server.url();
        return c;
    }

    QNetworkAccessManager m_network;
};

QTEST_GUILESS_MAIN(TestGatewayFaults)
#include "tst_gatewayfaults.moc"
