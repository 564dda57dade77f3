#include "models/network/connectioncheck.h"
#include "tests/support/faultserver.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/tlsfixture.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace knotie;
using namespace knotie::test;

// "Check connection" tells each kind of failure apart, each produced by a real server
// (or a real absence of one) on this machine.
class TestConnectionCheck : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void knotieGateway_isOkWithItsVersion() {
        GatewayProcess gateway(GatewayProcess::Options{false, false, {}, {}});
        QVERIFY(gateway.start());
        const ConnectionCheck::Result r = check(gateway.baseUrl().toString());
        QCOMPARE(r.outcome, ConnectionCheck::Outcome::Ok);
        QVERIFY(!r.version.isEmpty());
        QVERIFY(r.message.contains(r.version));
    }

    void closedPort_isUnreachable() {
        // A port that was just free: bind it, remember it, let it go.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        const ConnectionCheck::Result r = check(QStringLiteral("127.0.0.1:%1").arg(port));
        QCOMPARE(r.outcome, ConnectionCheck::Outcome::Unreachable);
        QVERIFY(r.message.contains(QString::number(port)));
    }

    void plainHttpServer_isNotAKnotieGateway() {
        FaultServer server([](const FaultServer::Request &) {
            FaultServer::Response page;
            page.headers = {{"Content-Type", "text/html"}};
            page.body = "<html><body>It works!</body></html>";
            return page;
        });
        QVERIFY(server.listen());
        const ConnectionCheck::Result r = check(server.url().toString());
        QCOMPARE(r.outcome, ConnectionCheck::Outcome::NotKnotieGateway);
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(server.requests().first().path(), QStringLiteral("/healthz"));
    }

    void jsonServerOfAnotherKind_isNotAKnotieGateway() {
        FaultServer server([](const FaultServer::Request &) {
            return FaultServer::Response::json(200, R"({"status":"ok","service":"something-else"})");
        });
        QVERIFY(server.listen());
        QCOMPARE(check(server.url().toString()).outcome, ConnectionCheck::Outcome::NotKnotieGateway);
    }

    void untrustedCertificate_isACertificateProblem() {
        QTemporaryDir dir;
        const auto certificate = makeSelfSignedCertificate(dir.path(), QStringLiteral("localhost"));
        QVERIFY(!certificate.certificate.isEmpty());
        GatewayProcess gateway(GatewayProcess::Options{false, false, certificate.gatewayArguments(), {}});
        QVERIFY(gateway.start());
        QCOMPARE(gateway.baseUrl().scheme(), QStringLiteral("https"));
        QUrl url = gateway.baseUrl();
        url.setHost(QStringLiteral("localhost"));
        const ConnectionCheck::Result r = check(url.toString());
        QCOMPARE(r.outcome, ConnectionCheck::Outcome::CertificateProblem);
    }

    // The gateway serves plain http; the address asks for https. The handshake fails because
    // the answer is not TLS at all, which is no certificate problem, and on this computer the
    // check finds the gateway over http.
    void httpsToAPlainHttpGateway_saysSoAndSuggestsHttp() {
        GatewayProcess gateway(GatewayProcess::Options{false, false, {}, {}});
        QVERIFY(gateway.start());
        QUrl https = gateway.baseUrl();
        https.setScheme(QStringLiteral("https"));
        const ConnectionCheck::Result r = check(https.toString());
        QCOMPARE(r.outcome, ConnectionCheck::Outcome::NotHttps);
        QVERIFY2(!r.message.contains(QStringLiteral("certificate")), qPrintable(r.message));
        QVERIFY2(r.message.contains(QStringLiteral("plain http")), qPrintable(r.message));
        QCOMPARE(r.suggestion, gateway.baseUrl());
        QVERIFY(r.message.contains(gateway.baseUrl().toString()));
    }

    // A server that answers whatever it is sent with a plain-http 400 and hangs up, as a web
    // server on the https port would: not a certificate problem, and no gateway to suggest.
    void httpsToAPlainHttpServer_isNotHttpsWithoutASuggestion() {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        int connections = 0;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                ++connections;
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    socket->readAll();
                    socket->write(
                        "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        const ConnectionCheck::Result r =
            check(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort()));
        QCOMPARE(r.outcome, ConnectionCheck::Outcome::NotHttps);
        QVERIFY2(!r.message.contains(QStringLiteral("certificate is not trusted")), qPrintable(r.message));
        QVERIFY(!r.suggestion.isValid());
        QCOMPARE(connections, 2); // the https attempt, then /healthz over http
    }

    void addressEndingInAnApiPath_suggestsTheGatewaysAddress_data() {
        QTest::addColumn<QString>("path");
        QTest::newRow("/api/v1") << QStringLiteral("/api/v1");
        QTest::newRow("/v1/") << QStringLiteral("/v1/");
    }

    void addressEndingInAnApiPath_suggestsTheGatewaysAddress() {
        QFETCH(QString, path);
        if (!m_plainGateway) {
            m_plainGateway = std::make_unique<GatewayProcess>(GatewayProcess::Options{false, false, {}, {}});
            QVERIFY(m_plainGateway->start());
        }
        const QUrl base = m_plainGateway->baseUrl();
        const ConnectionCheck::Result r = check(base.toString() + path);
        QCOMPARE(r.outcome, ConnectionCheck::Outcome::WrongAddress);
        QCOMPARE(r.suggestion, base);
        QVERIFY2(r.message.contains(base.toString()), qPrintable(r.message));
        QVERIFY(!r.version.isEmpty());
    }

    void noAddressAtAll_isAWrongAddress() {
        const ConnectionCheck::Result r = check(QStringLiteral("http://"));
        QCOMPARE(r.outcome, ConnectionCheck::Outcome::WrongAddress);
        QVERIFY(!r.message.isEmpty());
    }

    void unknownHostName_isAWrongAddress() {
        // .invalid never resolves (RFC 6761), so this is a name that does not exist.
        const ConnectionCheck::Result r = check(QStringLiteral("https://gateway.invalid"));
        QCOMPARE(r.outcome, ConnectionCheck::Outcome::WrongAddress);
        QVERIFY(r.message.contains(QStringLiteral("gateway.invalid")));
    }

    void remotePlainHttp_isAWrongAddressBeforeAnythingIsSent() {
        const ConnectionCheck::Result r = check(QStringLiteral("http://gateway.invalid"));
        QCOMPARE(r.outcome, ConnectionCheck::Outcome::WrongAddress);
        QVERIFY(r.message.contains(QStringLiteral("https://")));
    }

private:
    ConnectionCheck::Result check(const QString &address) {
        ConnectionCheck check(&m_network);
        QSignalSpy finished(&check, &ConnectionCheck::finished);
        check.check(address);
        if (!finished.wait(20000))
            return {};
        return finished.at(0).at(0).value<ConnectionCheck::Result>();
    }

    QNetworkAccessManager m_network;
    std::unique_ptr<GatewayProcess> m_plainGateway;
};

QTEST_MAIN(TestConnectionCheck)
#include "tst_connectioncheck.moc"
