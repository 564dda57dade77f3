#include "models/domain/keyformat.h"

#include <QTest>

using namespace knotie;

class TestKeyFormat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void checksum_matchesContractTestVector() {
        QCOMPARE(keyformat::checksum("kn_pk_0123456789ABCDEFGHIJabcdefghijKL"), QByteArray("3okxLg"));
    }

    void crc32_matchesZlib() { QCOMPARE(keyformat::crc32("123456789"), 0xCBF43926U); }

    // Eight bytes at a time, then one at a time: every length up to and past a key's, and
    // every byte value, against CRC-32 worked out bit by bit.
    void crc32_matchesTheBitwiseDefinitionAtEveryLength() {
        const auto bitwise = [](QByteArrayView data) {
            quint32 c = 0xFFFFFFFFU;
            for (const char byte : data) {
                c ^= static_cast<quint8>(byte);
                for (int k = 0; k < 8; ++k)
                    c = (c & 1U) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
            }
            return c ^ 0xFFFFFFFFU;
        };
        QByteArray bytes;
        for (int i = 0; i < 300; ++i)
            bytes += char((i * 131 + 7) & 0xFF);
        for (qsizetype length = 0; length <= bytes.size(); ++length) {
            const QByteArrayView data = QByteArrayView(bytes).first(length);
            QCOMPARE(keyformat::crc32(data), bitwise(data));
        }
    }

    void generate_isWellFormedForEveryType() {
        for (KeyType type : allKeyTypes) {
            const QByteArray secret = keyformat::generate(type);
            QCOMPARE(secret.size(), keyformat::secretLength);
            QCOMPARE(keyformat::verify(secret), keyformat::Verdict::Ok);
            QCOMPARE(keyformat::typeOf(secret), std::optional<KeyType>(type));
        }
        QVERIFY(keyformat::generate(KeyType::ReadOnly).startsWith("kn_rk_"));
    }

    void generate_neverRepeats() {
        QSet<QByteArray> seen;
        for (int i = 0; i < 1000; ++i)
            seen.insert(keyformat::generate(KeyType::Partner));
        QCOMPARE(seen.size(), 1000);
    }

    void verify_rejectsWrongShapes_data() {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<int>("verdict");
        const QByteArray good = QByteArray("kn_pk_0123456789ABCDEFGHIJabcdefghijKL") + "3okxLg";
        QTest::newRow("good") << good << int(keyformat::Verdict::Ok);
        QTest::newRow("empty") << QByteArray() << int(keyformat::Verdict::Malformed);
        QTest::newRow("short") << good.chopped(1) << int(keyformat::Verdict::Malformed);
        QTest::newRow("unknown tag") << QByteArray(good).replace(3, 2, "xk")
                                     << int(keyformat::Verdict::Malformed);
        QTest::newRow("not base62") << QByteArray(good).replace(10, 1, "-")
                                    << int(keyformat::Verdict::Malformed);
        QTest::newRow("typo") << QByteArray(good).replace(10, 1, "5") << int(keyformat::Verdict::BadChecksum);
        QTest::newRow("bad checksum")
            << QByteArray(good).replace(43, 1, "h") << int(keyformat::Verdict::BadChecksum);
    }

    void verify_rejectsWrongShapes() {
        QFETCH(QByteArray, secret);
        QFETCH(int, verdict);
        QCOMPARE(int(keyformat::verify(secret)), verdict);
    }
};

QTEST_GUILESS_MAIN(TestKeyFormat)
#include "tst_keyformat.moc"
