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
