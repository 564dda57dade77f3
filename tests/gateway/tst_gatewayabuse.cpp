#include "tests/gateway/portalcalls.h"
#include "tests/gateway/rawhttp.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/tlsfixture.h"

#include <QJsonArray>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>

using namespace knotie::test;
using namespace knotie::test::portal;

// Issue 16's attacks on the HTTP layer, over real sockets against a real gateway: memory
// (item 1), request smuggling (5), %2F (12), malformed framing and Expect (16), TLS (17).
// tst_gatewayconnections holds the attacks on connections and time (item 4).
class TestGatewayAbuse : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        // Two bodies of 1 MiB fill the budget, so that item 1's budget is reachable.
        m_gateway = std::make_unique<GatewayProcess>(GatewayProcess::Options{
            true, true, {QStringLiteral("--body-budget-bytes"), QString::number(2 * 1024 * 1024)}, {}});
        QVERIFY(m_gateway->start());
    }

    void cleanup() {
        // Whatever a case sent, the next request is answered.
        QCOMPARE(m_gateway->get(QStringLiteral("/healthz")).status, 200);
    }

    // Item 1: framing nobody limited (chunk extensions, trailers, many tiny chunks) is
    // refused once a request's framing passes 64 KiB, and the process stays small.
    void framingFloods_refusedWithBoundedMemory_data() {
        QTest::addColumn<QByteArray>("start");
        QTest::addColumn<QByteArray>("flood");
        const QByteArray head = "POST /v1/keys HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        QTest::newRow("chunk extension") << head + "1;ext=" << QByteArray(64 * 1024, 'a');
        QTest::newRow("trailers") << head + "0\r\n"
                                  << QByteArray("X-Trailer: aaaaaaaaaaaaaaaa\r\n").repeated(2048);
        QTest::newRow("tiny chunks") << head << QByteArray("1\r\na\r\n").repeated(10000);
    }
    void framingFloods_refusedWithBoundedMemory() {
        QFETCH(QByteArray, start);
        QFETCH(QByteArray, flood);
        const qint64 pid = m_gateway->process().processId();
        const qint64 peakBefore = raw::procStatusKiB(pid, "VmHWM");
        raw::Connection c;
        QVERIFY(c.open(m_gateway->baseUrl()));
        c.send(start);
        // Up to 48 MiB, until the gateway answers (it should after 64 KiB).
        qint64 sent = 0;
        for (qsizetype at = 0;
             sent < 48 * 1024 * 1024 && c.socket().state() == QAbstractSocket::ConnectedState &&
             !c.socket().bytesAvailable() && !c.socket().waitForReadyRead(5);
             at = at + 16384 >= flood.size() ? 0 : at + 16384) {
            const QByteArray piece = flood.mid(at, 16384);
            c.send(piece);
            sent += piece.size();
        }
        const raw::Reply answer = c.readResponse();
        QVERIFY(c.waitClosed());
        const qint64 peakAfter = raw::procStatusKiB(pid, "VmHWM");
        qInfo("sent %lld KiB; gateway peak memory %lld -> %lld KiB (+%lld KiB)", sent / 1024, peakBefore,
              peakAfter, peakAfter - peakBefore);
        QVERIFY2(answer.status == 431, answer.bytes.constData());
        QCOMPARE(answer.errorCode(), QStringLiteral("headers_too_large"));
        QVERIFY2(peakAfter - peakBefore < 16 * 1024, "the gateway held what the client sent");
    }

    // Item 1: bodies in flight share a budget (2 MiB here); past it, 503 busy at once.
    void bodiesPastTheBudget_answer503Busy() {
        const QByteArray bigHead =
            "POST /_test/clock HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Expect: 100-continue\r\nContent-Length: 1048576\r\n\r\n";
        raw::Connection first;
        raw::Connection second;
        for (raw::Connection *c : {&first, &second}) {
            QVERIFY(c->open(m_gateway->baseUrl()));
            c->send(bigHead);
            QCOMPARE(c->readResponse().status, 100);
        }
        raw::Connection third;
        QVERIFY(third.open(m_gateway->baseUrl()));
        third.send(clockRequest());
        const raw::Reply refused = third.readResponse();
        QVERIFY2(refused.status == 503, refused.bytes.constData());
        QCOMPARE(refused.errorCode(), QStringLiteral("busy"));
        QCOMPARE(refused.header("retry-after"), QByteArray("1"));
        QVERIFY(third.waitClosed());

        // Once a body is answered, its share is free again.
        first.send(QByteArray(1048576, ' '));
        QCOMPARE(first.readResponse().status, 400);
        raw::Connection fourth;
        QVERIFY(fourth.open(m_gateway->baseUrl()));
        fourth.send(clockRequest());
        QCOMPARE(fourth.readResponse().status, 200);
    }

    // Item 5: only `Transfer-Encoding: chunked` alone frames a body; anything a proxy
    // might read otherwise is 400 and the connection closes, so a smuggled request never runs.
    void smugglingShapes_answer400AndClose_data() {
        QTest::addColumn<QByteArray>("framing");
        QTest::newRow("identity") << QByteArray("Transfer-Encoding: identity\r\n");
        QTest::newRow("chunked, identity") << QByteArray("Transfer-Encoding: chunked, identity\r\n");
        QTest::newRow("identity, chunked") << QByteArray("Transfer-Encoding: identity, chunked\r\n");
        QTest::newRow("gzip, chunked") << QByteArray("Transfer-Encoding: gzip, chunked\r\n");
        QTest::newRow("two TE fields")
            << QByteArray("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n");
        QTest::newRow("CL then TE") << QByteArray("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n");
        QTest::newRow("TE then CL") << QByteArray("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n");
        QTest::newRow("two CLs") << QByteArray("Content-Length: 5\r\nContent-Length: 6\r\n");
        QTest::newRow("two equal CLs") << QByteArray("Content-Length: 5\r\nContent-Length: 5\r\n");
        QTest::newRow("CL list") << QByteArray("Content-Length: 5, 6\r\n");
    }
    void smugglingShapes_answer400AndClose() {
        QFETCH(QByteArray, framing);
        raw::Connection c;
        QVERIFY(c.open(m_gateway->baseUrl()));
        c.send("POST /v1/keys HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n0\r\n\r\n" +
               "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        const raw::Reply answer = c.readResponse();
        QVERIFY2(answer.status == 400, answer.bytes.constData());
        QCOMPARE(answer.errorCode(), QStringLiteral("bad_request"));
        QVERIFY(c.waitClosed());
        QVERIFY2(!c.rest().contains("HTTP/1.1"), c.rest().constData());
    }

    // Item 16: every malformed framing gets a 400 in the error shape, then the connection closes.
    void malformedFraming_answers400ThenCloses_data() {
        QTest::addColumn<QByteArray>("request");
        const QByteArray chunked = "POST /v1/keys HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        QTest::newRow("chunk size not hex") << chunked + "zz\r\nabc\r\n0\r\n\r\n";
        QTest::newRow("bad chunk extension") << chunked + "3;;\r\nabc\r\n0\r\n\r\n";
        QTest::newRow("chunk without CRLF") << chunked + "3\r\nabcX0\r\n\r\n";
        QTest::newRow("Content-Length not a number")
            << QByteArray("POST /v1/keys HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n");
        QTest::newRow("space before colon") << QByteArray("GET /healthz HTTP/1.1\r\nHost : x\r\n\r\n");
        QTest::newRow("bare LF") << QByteArray("GET /healthz HTTP/1.1\nHost: x\n\n");
    }
    void malformedFraming_answers400ThenCloses() {
        QFETCH(QByteArray, request);
        raw::Connection c;
        QVERIFY(c.open(m_gateway->baseUrl()));
        c.send(request);
        const raw::Reply answer = c.readResponse();
        QVERIFY2(answer.status == 400, answer.bytes.constData());
        QCOMPARE(answer.errorCode(), QStringLiteral("bad_request"));
        QVERIFY(c.waitClosed());
    }

    void requestCutShort_answers400() {
        raw::Connection c;
        QVERIFY(c.open(m_gateway->baseUrl()));
        c.send("POST /_test/clock HTTP/1.1\r\nHost: x\r\nContent-Length: 20\r\n\r\n{\"adv");
        // Half-closes: the request ends early, the answer can still come back.
        QCOMPARE(::shutdown(static_cast<int>(c.socket().socketDescriptor()), SHUT_WR), 0);
        const raw::Reply answer = c.readResponse();
        QVERIFY2(answer.status == 400, answer.bytes.constData());
    }

    // Item 16: `Expect: 100-continue` gets `100 Continue` when the body will be read, and
    // the final answer at once when it will not.
    void expectContinue_answers100ThenTheRequest() {
        raw::Connection c;
        QVERIFY(c.open(m_gateway->baseUrl()));
        const QByteArray body = "{\"advance_seconds\":0}";
        c.send("POST /_test/clock HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Expect: 100-continue\r\nContent-Length: " +
               QByteArray::number(body.size()) + "\r\n\r\n");
        const raw::Reply interim = c.readResponse(2000);
        QVERIFY2(interim.bytes.startsWith("HTTP/1.1 100 Continue\r\n"), interim.bytes.constData());
        c.send(body);
        QCOMPARE(c.readResponse().status, 200);
    }

    void expectContinueTooLarge_answers413AtOnce() {
        raw::Connection c;
        QVERIFY(c.open(m_gateway->baseUrl()));
        c.send(
            "POST /v1/keys HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5000000\r\n\r\n");
        const raw::Reply answer = c.readResponse(2000);
        QVERIFY2(answer.status == 413, answer.bytes.constData());
        QVERIFY(c.waitClosed());
    }

    // Item 12: an encoded slash stays inside its segment, so it matches no route.
    void encodedSlash_isNotARouteSeparator() {
        const QByteArray owner = m_gateway->signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!owner.isEmpty());
        const HttpReply created = createKey(*m_gateway, owner, QStringLiteral("Encoded slash"));
        QCOMPARE(created.status, 201);
        const QByteArray id = keyOf(created).value(QStringLiteral("id")).toString().toLatin1();
        const QList<QByteArray> paths{"/v1/keys%2F" + id, "/v1/keys%2f" + id, "/v1%2Fkeys/" + id};
        for (const QByteArray &path : paths) {
            raw::Connection c;
            QVERIFY(c.open(m_gateway->baseUrl()));
            c.send("DELETE " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + owner + "\r\n\r\n");
            const raw::Reply answer = c.readResponse();
            QVERIFY2(answer.status == 404, QByteArray(path + ": " + answer.bytes).constData());
        }
        const QJsonArray keys = call(*m_gateway, owner, "GET", QStringLiteral("/v1/keys"))
                                    .json()
                                    .value(QStringLiteral("keys"))
                                    .toArray();
        bool active = false;
        for (const QJsonValue &key : keys)
            active = active || (key[QStringLiteral("id")].toString().toLatin1() == id &&
                                key[QStringLiteral("status")].toString() == QLatin1String("active"));
        QVERIFY(active);
        // Encoded letters of an id still name the key.
        raw::Connection c;
        QVERIFY(c.open(m_gateway->baseUrl()));
        c.send("DELETE /v1/keys/" + id.toPercentEncoding("", "abcdefghijklmnopqrstuvwxyz") +
               " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + owner + "\r\n\r\n");
        const raw::Reply revoked = c.readResponse();
        QVERIFY2(revoked.status / 100 == 2, revoked.bytes.constData());
    }

    // Item 17: TLS 1.2 without forward secrecy or without AEAD is refused; ECDHE with AES-GCM and TLS 1.3
    // work.
    void tls_onlyForwardSecretAeadCiphers_data() {
        QTest::addColumn<QSsl::SslProtocol>("protocol");
        QTest::addColumn<QString>("cipher");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("RSA key exchange") << QSsl::TlsV1_2 << QStringLiteral("AES128-GCM-SHA256") << false;
        QTest::newRow("ECDHE with CBC") << QSsl::TlsV1_2 << QStringLiteral("ECDHE-RSA-AES128-SHA") << false;
        QTest::newRow("DHE") << QSsl::TlsV1_2 << QStringLiteral("DHE-RSA-AES128-GCM-SHA256") << false;
        QTest::newRow("ECDHE AES-GCM")
            << QSsl::TlsV1_2 << QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256") << true;
        QTest::newRow("ChaCha20") << QSsl::TlsV1_2 << QStringLiteral("ECDHE-RSA-CHACHA20-POLY1305") << true;
        QTest::newRow("TLS 1.3") << QSsl::TlsV1_3 << QString() << true;
    }
    void tls_onlyForwardSecretAeadCiphers() {
        QFETCH(QSsl::SslProtocol, protocol);
        QFETCH(QString, cipher);
        QFETCH(bool, accepted);
        if (!m_tlsGateway) {
            QVERIFY(m_certDir.isValid());
            const auto cert = makeSelfSignedCertificate(m_certDir.path(), QStringLiteral("localhost"));
            QVERIFY(!cert.certificate.isEmpty());
            m_tlsGateway = std::make_unique<GatewayProcess>(
                GatewayProcess::Options{true, true, cert.gatewayArguments(), {}});
            QVERIFY(m_tlsGateway->start());
        }
        QSslSocket socket;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        config.setProtocol(protocol);
        if (!cipher.isEmpty()) {
            const QSslCipher wanted(cipher);
            QVERIFY2(!wanted.isNull(), "the client's TLS library lacks this cipher");
            config.setCiphers({wanted});
        }
        socket.setSslConfiguration(config);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"),
                                      static_cast<quint16>(m_tlsGateway->baseUrl().port()));
        const bool encrypted = socket.waitForEncrypted(5000);
        QCOMPARE(encrypted, accepted);
        if (!encrypted)
            return;
        socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        while (socket.waitForReadyRead(5000))
            answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    }

private:
    static QByteArray clockRequest() {
        return "POST /_test/clock HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Content-Length: 21\r\n\r\n{\"advance_seconds\":0}";
    }

    std::unique_ptr<GatewayProcess> m_gateway;
    QTemporaryDir m_certDir;
    std::unique_ptr<GatewayProcess> m_tlsGateway;
};

QTEST_GUILESS_MAIN(TestGatewayAbuse)
#include "tst_gatewayabuse.moc"
