#include "tests/gateway/portalcalls.h"
#include "tests/gateway/proxyheader.h"
#include "tests/gateway/rawhttp.h"
#include "tests/support/gatewayprocess.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace knotie::test;
using namespace knotie::test::portal;

// Smaller findings of the red-team pass (issue 16): private data files, strict UTF-8
// in JSON bodies, and client addresses taken from a trusted proxy's PROXY v2 header.
class TestGatewayHardening : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        m_port = static_cast<quint16>(m_gateway.baseUrl().port());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
    }

    void dataFolderAndDatabase_areReadableByTheGatewaysUserOnly() {
        // A folder made world-readable by someone else is mended too.
        QTemporaryDir parent;
        const QString data = QDir(parent.path()).filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(data));
        QVERIFY(::chmod(QFile::encodeName(data).constData(), 0755) == 0);
        GatewayProcess gateway(GatewayProcess::Options{true, false, {}, data});
        QVERIFY(gateway.start());
        QVERIFY(!gateway.signIn(QStringLiteral("owner@demo.test")).isEmpty()); // a write: -wal and -shm exist
        QCOMPARE(mode(data), 0700);
        const QStringList files = QDir(data).entryList(QDir::Files | QDir::Hidden);
        if (gateway.database().isEmpty()) { // on PostgreSQL the folder holds the usage spool only
            QVERIFY2(files.contains(QStringLiteral("gateway.sqlite-wal")), qPrintable(files.join(' ')));
            QVERIFY(files.contains(QStringLiteral("gateway.sqlite-shm")));
        }
        for (const QString &file : files)
            QVERIFY2(mode(QDir(data).filePath(file)) == 0600, qPrintable(file));
    }

    void bytesThatAreNotUtf8_areInvalidJson() {
        // Latin-1, overlong forms, an encoded surrogate, past U+10FFFF, a five-byte form,
        // a stray continuation byte, a truncated sequence.
        for (const QByteArray &name :
             {QByteArray("\xff\xfe"), QByteArray("caf\xe9"), QByteArray("\xc0\xaf"),
              QByteArray("\xe0\x80\xaf"), QByteArray("\xf0\x80\x80\xaf"), QByteArray("\xed\xa0\x80"),
              QByteArray("\xf4\x90\x80\x80"), QByteArray("\xf8\x88\x80\x80\x80"),
              QByteArray("a\x80"
                         "b"),
              QByteArray("\xe2\x82")}) {
            const HttpReply r = m_gateway.request("POST", QStringLiteral("/v1/keys"),
                                                  R"({"name":")" + name + R"(","type":"read_only"})",
                                                  GatewayProcess::bearer(m_owner));
            QVERIFY2(r.status == 400, name.toHex().constData());
            QCOMPARE(r.errorCode(), QStringLiteral("invalid_json"));
        }
    }

    void loneSurrogateEscapes_getTheFieldsCode() {
        for (const QByteArray &name :
             {QByteArray(R"(a\ud800b)"), QByteArray(R"(\udc00)"), QByteArray(R"(x\ud83d)")}) {
            const HttpReply r = m_gateway.request("POST", QStringLiteral("/v1/keys"),
                                                  R"({"name":")" + name + R"(","type":"read_only"})",
                                                  GatewayProcess::bearer(m_owner));
            QCOMPARE(r.status, 422);
            QCOMPARE(r.errorCode(), QStringLiteral("invalid_name"));
            QCOMPARE(fieldOf(r), QStringLiteral("name"));
        }
        // A customer's name through the Platform API, likewise.
        const HttpReply key =
            createKey(m_gateway, m_owner, QStringLiteral("Surrogates"), QStringLiteral("partner"));
        QCOMPARE(key.status, 201);
        const QByteArray secret = key.json().value(QStringLiteral("secret")).toString().toLatin1();
        const HttpReply r =
            m_gateway.request("POST", QStringLiteral("/api/v1/customers"), R"({"name":"Acme \ud800"})",
                              {{"X-API-Key", secret}, {"Content-Type", "application/json"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(fieldOf(r), QStringLiteral("name"));
        // A pair is one character, and welcome.
        const HttpReply pair =
            m_gateway.request("POST", QStringLiteral("/api/v1/customers"), R"({"name":"Acme \ud83d\ude00"})",
                              {{"X-API-Key", secret}, {"Content-Type", "application/json"}});
        QCOMPARE(pair.status, 201);
        QCOMPARE(pair.json().value(QStringLiteral("name")).toString(), QStringLiteral("Acme \U0001F600"));
    }

    // Behind a trusted proxy, the lockout counts the client the PROXY v2 header names
    // (IPv6 by its /64); from anyone else the header is not read at all.
    void trustedProxy_headerNamesTheClientTheLockoutCounts() {
        GatewayProcess gateway(GatewayProcess::Options{
            true, false, {QStringLiteral("--trusted-proxy"), QStringLiteral("127.0.0.7/32")}, {}});
        QVERIFY(gateway.start());
        const auto port = static_cast<quint16>(gateway.baseUrl().port());
        const auto viaProxy = [port](const char *client, const char *password) {
            return raw::exchange("127.0.0.7", port,
                                 proxyV2Header(client) + raw::signInRequest(QStringLiteral("owner@demo.test"),
                                                                            QLatin1String(password)))
                .status;
        };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(viaProxy("203.0.113.7", "wrong"), 401);
        QCOMPARE(viaProxy("203.0.113.7", "knotie-demo"), 429);
        QCOMPARE(viaProxy("203.0.113.8", "knotie-demo"), 201); // another client, same proxy

        for (int i = 0; i < 5; ++i)
            QCOMPARE(viaProxy("2001:db8:1:2::1", "wrong"), 401);
        QCOMPARE(viaProxy("2001:db8:1:2:ffff::9", "knotie-demo"), 429); // the same /64
        QCOMPARE(viaProxy("2001:db8:1:3::1", "knotie-demo"), 201);

        // Not from the trusted proxy: the header is not HTTP, and is refused as such.
        const raw::Reply untrusted = raw::exchange(
            "127.0.0.8", port,
            proxyV2Header("198.51.100.1") +
                raw::signInRequest(QStringLiteral("owner@demo.test"), QStringLiteral("knotie-demo")));
        QVERIFY2(untrusted.status == 400 || untrusted.status == 0, untrusted.head.constData());
        // And a trusted proxy that sends no header gets nothing.
        QCOMPARE(raw::exchange("127.0.0.7", port,
                               "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                               std::chrono::seconds(5))
                     .status,
                 0);
    }

private:
    static int mode(const QString &path) {
        struct stat info {};
        if (::stat(QFile::encodeName(path).constData(), &info) != 0)
            return -1;
        return static_cast<int>(info.st_mode & 07777);
    }

    GatewayProcess m_gateway;
    quint16 m_port = 0;
    QByteArray m_owner;
};

QTEST_GUILESS_MAIN(TestGatewayHardening)
#include "tst_gatewayhardening.moc"
