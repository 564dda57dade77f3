#include "gateway/clientaddress.h"
#include "gateway/http/proxyprotocol.h"
#include "tests/gateway/proxyheader.h"

#include <QTest>

using namespace knotie::gateway;
using Status = proxyprotocol::Result::Status;

// The PROXY protocol v2 parser and the address rules of the lockout, without sockets.
class TestProxyProtocol : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ipv4Header_namesTheClient() {
        const QByteArray header = knotie::test::proxyV2Header("203.0.113.7");
        const auto result = proxyprotocol::parse(QByteArray(header + "GET / HTTP/1.1\r\n"));
        QCOMPARE(result.status, Status::Complete);
        QCOMPARE(result.headerLength, std::size_t(16 + 12));
        QCOMPARE(result.sourceAddress, QStringLiteral("203.0.113.7"));
    }

    void ipv6Header_namesTheClient() {
        const auto result = proxyprotocol::parse(knotie::test::proxyV2Header("2001:db8::42"));
        QCOMPARE(result.status, Status::Complete);
        QCOMPARE(result.headerLength, std::size_t(16 + 36));
        QCOMPARE(result.sourceAddress, QStringLiteral("2001:db8::42"));
    }

    void localHeader_keepsTheConnectionsAddress() {
        const auto result = proxyprotocol::parse(knotie::test::proxyV2Header(nullptr, nullptr, true));
        QCOMPARE(result.status, Status::Complete);
        QVERIFY(result.sourceAddress.isEmpty());
    }

    void partialHeader_asksForExactlyWhatIsMissing() {
        const QByteArray header = knotie::test::proxyV2Header("203.0.113.7");
        auto result = proxyprotocol::parse(header.left(5));
        QCOMPARE(result.status, Status::NeedMore);
        QCOMPARE(result.headerLength, proxyprotocol::prefixLength);
        result = proxyprotocol::parse(header.left(16));
        QCOMPARE(result.status, Status::NeedMore);
        QCOMPARE(result.headerLength, std::size_t(28));
    }

    void malformedHeaders_areInvalid() {
        const QByteArray good = knotie::test::proxyV2Header("203.0.113.7");
        // HTTP where a header should be: refused from the first byte.
        QCOMPARE(proxyprotocol::parse("GET / HTTP/1.1").status, Status::Invalid);
        QByteArray versionOne = good;
        versionOne[12] = char(0x11);
        QCOMPARE(proxyprotocol::parse(versionOne).status, Status::Invalid);
        QByteArray tooLong = good;
        tooLong[14] = char(0x40); // 16 KiB of addresses and TLVs
        QCOMPARE(proxyprotocol::parse(tooLong).status, Status::Invalid);
        QByteArray shortAddresses = good.left(16 + 4);
        shortAddresses[15] = char(4);
        QCOMPARE(proxyprotocol::parse(shortAddresses).status, Status::Invalid);
    }

    void cidr_containsItsAddressesOnly() {
        const QList<proxyprotocol::Cidr> blocks{*proxyprotocol::parseCidr(QStringLiteral("10.1.0.0/16")),
                                                *proxyprotocol::parseCidr(QStringLiteral("2001:db8::/32")),
                                                *proxyprotocol::parseCidr(QStringLiteral("192.0.2.9"))};
        QVERIFY(proxyprotocol::contains(blocks, QStringLiteral("10.1.255.3")));
        QVERIFY(proxyprotocol::contains(blocks, QStringLiteral("::ffff:10.1.0.1")));
        QVERIFY(!proxyprotocol::contains(blocks, QStringLiteral("10.2.0.1")));
        QVERIFY(proxyprotocol::contains(blocks, QStringLiteral("2001:db8:ffff::1")));
        QVERIFY(!proxyprotocol::contains(blocks, QStringLiteral("2001:db9::1")));
        QVERIFY(proxyprotocol::contains(blocks, QStringLiteral("192.0.2.9")));
        QVERIFY(!proxyprotocol::contains(blocks, QStringLiteral("192.0.2.10")));
        QVERIFY(!proxyprotocol::parseCidr(QStringLiteral("10.0.0.0/33")));
        QVERIFY(!proxyprotocol::parseCidr(QStringLiteral("example.test")));
    }

    void clientAddressKey_countsIpv6ByItsSlash64() {
        QCOMPARE(clientAddressKey(QStringLiteral("203.0.113.7")), QStringLiteral("203.0.113.7"));
        QCOMPARE(clientAddressKey(QStringLiteral("::ffff:203.0.113.7")), QStringLiteral("203.0.113.7"));
        QCOMPARE(clientAddressKey(QStringLiteral("2001:db8:1:2:aaaa::1")),
                 clientAddressKey(QStringLiteral("2001:db8:1:2::ffff")));
        QCOMPARE(clientAddressKey(QStringLiteral("2001:db8:1:2::1")), QStringLiteral("2001:db8:1:2::/64"));
        QVERIFY(clientAddressKey(QStringLiteral("2001:db8:1:3::1")) !=
                clientAddressKey(QStringLiteral("2001:db8:1:2::1")));
    }
};

QTEST_GUILESS_MAIN(TestProxyProtocol)
#include "tst_proxyprotocol.moc"
