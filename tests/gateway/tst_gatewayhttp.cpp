#include "tests/support/gatewayprocess.h"

#include <QJsonObject>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

using namespace knotie::test;

// What reaches the gateway that is not a well-formed request: each gets the contract's
// error shape (or a clean close) and the gateway keeps serving.
class TestGatewayHttp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
    }

    void cleanup() {
        // Whatever a case sent, the next request is answered.
        QCOMPARE(m_gateway.get(QStringLiteral("/healthz")).status, 200);
    }

    // On SQLite the database is a file beside the gateway: always reachable.
    void healthz_saysTheDatabaseIsOk() {
        const QJsonObject health = m_gateway.get(QStringLiteral("/healthz")).json();
        QCOMPARE(health.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(
            health.value(QStringLiteral("details")).toObject().value(QStringLiteral("database")).toString(),
            QStringLiteral("ok"));
    }

    void garbageRequestLine_answers400() {
        const QByteArray answer = exchange("GARBAGE\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
        QVERIFY(answer.contains("\"code\":\"bad_request\""));
    }

    void headersOver16KiB_answer431() {
        const QByteArray big(20000, 'a');
        const QByteArray answer = exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.left(200).constData());
        QVERIFY(answer.contains("\"code\":\"headers_too_large\""));
    }

    void contentLengthOver1MiB_answers413BeforeTheBody() {
        // Only the header is sent: the answer must come from Content-Length alone.
        const QByteArray answer =
            exchange("POST /v1/keys HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Content-Length: 5000000\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
        QVERIFY(answer.contains("\"code\":\"too_large\""));
    }

    void head_answersLikeGetWithoutABody() {
        const QByteArray answer = exchange("HEAD /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        // The length of the body GET gives.
        const QByteArray length = QByteArray::number(m_gateway.get(QStringLiteral("/healthz")).body.size());
        QVERIFY(answer.toLower().contains(QByteArray("content-length: " + length + "\r\n")));
        QVERIFY(answer.endsWith("\r\n\r\n"));
    }

    // The answer's framing follows the request's version: HTTP/1.0 closes unless asked
    // to keep the connection, HTTP/1.1 keeps it unless told to close.
    void keepAlive_followsTheRequestsVersion() {
        const QByteArray plain10 = exchange("GET /healthz HTTP/1.0\r\n\r\n");
        QVERIFY2(plain10.startsWith("HTTP/1.0 200 OK\r\n"), plain10.constData());
        QVERIFY(!plain10.toLower().contains("connection:"));
        const QByteArray close11 = exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QVERIFY2(close11.startsWith("HTTP/1.1 200 OK\r\n"), close11.constData());
        QVERIFY(close11.contains("\r\nConnection: close\r\n"));

        QTcpSocket socket;
        socket.connectToHost(m_gateway.baseUrl().host(), static_cast<quint16>(m_gateway.baseUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        for (int i = 0; i < 2; ++i) { // the second request comes on the same connection
            socket.write("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            const QByteArray answer = readAnswer(socket);
            QVERIFY2(answer.startsWith("HTTP/1.0 200 OK\r\n"), answer.constData());
            QVERIFY(answer.contains("\r\nConnection: keep-alive\r\n"));
            QVERIFY(answer.endsWith("}"));
        }
    }

    void unknownRouteAndWrongMethod_answer404And405() {
        QCOMPARE(m_gateway.get(QStringLiteral("/nothing/here")).errorCode(), QStringLiteral("not_found"));
        const HttpReply wrongMethod = m_gateway.request("DELETE", QStringLiteral("/healthz"));
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.errorCode(), QStringLiteral("method_not_allowed"));
    }

    void errorBodies_holdOnlyTheErrorObject() {
        const QJsonObject body = m_gateway.get(QStringLiteral("/nothing")).json();
        QCOMPARE(body.keys(), QStringList{QStringLiteral("error")});
        const QJsonObject error = body.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.keys(),
                 (QStringList{QStringLiteral("code"), QStringLiteral("field"), QStringLiteral("message")}));
        QVERIFY(error.value(QStringLiteral("field")).isNull());
    }

private:
    // Sends raw bytes and reads until the gateway closes or answers a whole response.
    QByteArray exchange(const QByteArray &raw) {
        QTcpSocket socket;
        socket.connectToHost(m_gateway.baseUrl().host(), static_cast<quint16>(m_gateway.baseUrl().port()));
        if (!socket.waitForConnected(5000))
            return "no connection";
        socket.write(raw);
        return readAnswer(socket, raw.startsWith("HEAD"));
    }

    // One whole answer (up to its Content-Length), or what came before the gateway closed.
    static QByteArray readAnswer(QTcpSocket &socket, bool head = false) {
        QByteArray answer;
        while (socket.waitForReadyRead(5000)) {
            answer += socket.readAll();
            const qsizetype headerEnd = answer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                continue;
            const qsizetype lengthAt = answer.toLower().indexOf("content-length: ");
            if (lengthAt < 0)
                break;
            const qsizetype lengthEnd = answer.indexOf("\r\n", lengthAt);
            const int length = answer.mid(lengthAt + 16, lengthEnd - lengthAt - 16).toInt();
            if (head || answer.size() >= headerEnd + 4 + length)
                break;
        }
        return answer;
    }

    GatewayProcess m_gateway;
};

QTEST_GUILESS_MAIN(TestGatewayHttp)
#include "tst_gatewayhttp.moc"
