#include "models/network/datajobs.h"
#include "models/network/sessionjobs.h"
#include "tests/models/jobrunner.h"
#include "tests/support/faultserver.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/tlsfixture.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace knotie;
using namespace knotie::test;

class TestGatewayJobs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
    }

    void health_identifiesAKnotieGateway() {
        HealthJob job(connection());
        const GatewayResult r = runJob(job);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QVERIFY(!job.version().isEmpty());
        QCOMPARE(r.attempts, 1);
    }

    void signIn_rightPassword_givesTokenAndAccount() {
        SignInJob job(connection(), QStringLiteral("owner@demo.test"), QStringLiteral("knotie-demo"), false);
        const GatewayResult r = runJob(job);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QVERIFY(!job.token().isEmpty());
        QCOMPARE(job.account().role, Role::Owner);
        QVERIFY(job.account().has(Permission::TeamManage));
        QVERIFY(Access::mayDo(job.account(), Action::ChangePermissions));
        QVERIFY(Access::mayDo(job.account(), Action::ManageKeys));
    }

    void signIn_wrongPassword_saysWrongEmailOrPassword() {
        SignInJob job(connection(), QStringLiteral("owner@demo.test"), QStringLiteral("nope"), false);
        const GatewayResult r = runJob(job);
        QCOMPARE(r.status, GatewayResult::Status::HttpError);
        QCOMPARE(r.errorCode, QStringLiteral("invalid_credentials"));
        QCOMPARE(r.message, QStringLiteral("Wrong email or password."));
        QCOMPARE(r.attempts, 1);
    }

    void me_forMember_namesTheOwnerToAsk() {
        GatewayConnection c = connection();
        c.sessionToken = m_gateway.signIn(QStringLiteral("member@demo.test"));
        MeJob job(c);
        const GatewayResult r = runJob(job);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(job.account().owner.name, QStringLiteral("Maya Lindqvist"));
        QVERIFY(!job.account().has(Permission::SettingsManage));
        QVERIFY(!Access::maySee(job.account(), Page::ApiKeys));
        QVERIFY(!Access::mayDo(job.account(), Action::ManageKeys));
        QVERIFY(!Access::mayDo(job.account(), Action::ChangePermissions));
        QVERIFY(Access::mayDo(job.account(), Action::ViewUsage));
        QVERIFY(
            Access::deniedMessage(job.account(), Page::ApiKeys).contains(QStringLiteral("Maya Lindqvist")));
    }

    void signOut_thenMe_saysSessionEnded() {
        GatewayConnection c = connection();
        c.sessionToken = m_gateway.signIn(QStringLiteral("admin@demo.test"));
        SignOutJob out(c);
        QVERIFY(runJob(out).ok());
        MeJob me(c);
        const GatewayResult r = runJob(me);
        QCOMPARE(r.errorCode, QStringLiteral("invalid_session"));
        QCOMPARE(r.message, QStringLiteral("Your session has ended. Sign in again."));
    }

    void unknownRoute_permissionDenied_namesTheOwner() {
        // A member may not read the team: the gateway's 403 becomes "ask Maya".
        GatewayConnection c = connection();
        c.sessionToken = m_gateway.signIn(QStringLiteral("member@demo.test"));
        c.accessContact = {QStringLiteral("u"), QStringLiteral("Maya Lindqvist"),
                           QStringLiteral("owner@demo.test")};
        GatewayResult denied;
        denied.status = GatewayResult::Status::HttpError;
        denied.httpStatus = 403;
        denied.errorCode = QStringLiteral("permission_denied");
        const QString message = describeFailure(denied, c.baseUrl, c.accessContact, Page::ApiKeys);
        QVERIFY2(message.contains(QStringLiteral("Ask Maya Lindqvist")), qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("settings access")));
    }

    void plainHttpToRemoteHost_isRefusedWithoutSending() {
        GatewayConnection c = connection();
        c.baseUrl = QUrl(QStringLiteral("http://gateway.example.com"));
        c.sessionToken = "token-that-must-stay-home";
        MeJob job(c);
        const GatewayResult r = runJob(job);
        QCOMPARE(r.status, GatewayResult::Status::Refused);
        QCOMPARE(r.attempts, 0);
        QVERIFY(r.message.contains(QStringLiteral("https://")));
        c.insecureHosts = {QStringLiteral("GATEWAY.example.com")};
        QVERIFY(c.transportAllowed());
        c.baseUrl = QUrl(QStringLiteral("http://other.example.com"));
        QVERIFY(!c.transportAllowed()); // allowed for one host, not for the next
        QVERIFY(!GatewayConnection(nullptr, c.baseUrl, {}, false).transportAllowed());
        QVERIFY(GatewayConnection(nullptr, c.baseUrl, {}, true).transportAllowed());
        c.baseUrl = QUrl(QStringLiteral("http://[::1]:8787"));
        c.insecureHosts.clear();
        QVERIFY(c.transportAllowed()); // loopback needs no permission
    }

    void request_carriesARequestIdAndTheToken() {
        FaultServer server([](const FaultServer::Request &) {
            return FaultServer::Response::json(200,
                                               R"({"status":"ok","service":"knotie-gateway","version":"1"})");
        });
        QVERIFY(server.listen());
        GatewayConnection c = connection();
        c.baseUrl = server.url();
        c.sessionToken = "tok";
        HealthJob job(c);
        QVERIFY(runJob(job).ok());
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(server.requests()[0].header("X-Request-Id"), job.requestId());
        QCOMPARE(server.requests()[0].header("Authorization"), QByteArray("Bearer tok"));
    }

    void selfSignedCertificate_saysNotTrusted_andSendsNothing() {
        // A real gateway serving https with a certificate no one vouches for.
        QTemporaryDir dir;
        const auto certificate = makeSelfSignedCertificate(dir.path(), QStringLiteral("127.0.0.1"));
        QVERIFY(!certificate.certificate.isEmpty());
        GatewayProcess::Options options;
        options.extraArguments = certificate.gatewayArguments();
        GatewayProcess tls(options);
        QVERIFY(tls.start());
        QCOMPARE(tls.baseUrl().scheme(), QStringLiteral("https"));
        GatewayConnection c = connection();
        c.baseUrl = tls.baseUrl();
        c.sessionToken = "token-that-must-stay-home";
        MeJob job(c);
        const GatewayResult r = runJob(job);
        QCOMPARE(r.status, GatewayResult::Status::TlsError);
        QCOMPARE(r.attempts, 1); // an untrusted certificate is not a reason to try again
        QVERIFY2(r.message.startsWith(QStringLiteral("The gateway's certificate is not trusted")),
                 qPrintable(r.message));
    }

private:
    GatewayConnection connection() {
        GatewayConnection c;
        c.network = &m_network;
        c.baseUrl = m_gateway.baseUrl();
        return c;
    }

    GatewayProcess m_gateway;
    QNetworkAccessManager m_network;
};

QTEST_GUILESS_MAIN(TestGatewayJobs)
#include "tst_gatewayjobs.moc"
