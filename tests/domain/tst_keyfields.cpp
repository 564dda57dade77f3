#include "models/domain/keyfields.h"

#include <QTest>

using namespace knotie;
using Problem = keyfields::Problem;

Q_DECLARE_METATYPE(std::optional<keyfields::Problem>)

class TestKeyFields : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void checkName_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<std::optional<Problem>>("problem");
        QTest::newRow("plain") << QStringLiteral("N8N Production") << std::optional<Problem>();
        QTest::newRow("empty") << QString() << std::optional<Problem>(Problem::Empty);
        QTest::newRow("64 letters") << QString(64, QLatin1Char('a')) << std::optional<Problem>();
        QTest::newRow("65 letters") << QString(65, QLatin1Char('a'))
                                    << std::optional<Problem>(Problem::TooLong);
        // 64 emoji are 128 UTF-16 units but 64 code points: allowed.
        QString emoji;
        for (int i = 0; i < 64; ++i)
            emoji += QString::fromUcs4(U"\U0001F511");
        QTest::newRow("64 emoji") << emoji << std::optional<Problem>();
        QTest::newRow("umlauts") << QStringLiteral("Büro-Automatisierung") << std::optional<Problem>();
        QTest::newRow("tab") << QStringLiteral("a\tb") << std::optional<Problem>(Problem::ForbiddenCharacter);
        QTest::newRow("line feed") << QStringLiteral("a\nb")
                                   << std::optional<Problem>(Problem::ForbiddenCharacter);
        QTest::newRow("bidi override")
            << QString::fromUtf8("abc\u202Edef") << std::optional<Problem>(Problem::ForbiddenCharacter);
        QTest::newRow("zero width joiner")
            << QString::fromUtf8("a\u200Db") << std::optional<Problem>(Problem::ForbiddenCharacter);
        QTest::newRow("lone surrogate")
            << (QStringLiteral("a") + QChar(0xD800)) << std::optional<Problem>(Problem::ForbiddenCharacter);
    }

    void checkName() {
        QFETCH(QString, name);
        QFETCH(std::optional<Problem>, problem);
        QCOMPARE(keyfields::checkName(name), problem);
    }

    void checkDescription_allowsLineFeedsButNotOtherControls() {
        QCOMPARE(keyfields::checkDescription(QStringLiteral("line one\nline two")), std::optional<Problem>());
        QCOMPARE(keyfields::checkDescription(QString()), std::optional<Problem>());
        QCOMPARE(keyfields::checkDescription(QStringLiteral("a\rb")),
                 std::optional<Problem>(Problem::ForbiddenCharacter));
        QCOMPARE(keyfields::checkDescription(QString(501, QLatin1Char('x'))),
                 std::optional<Problem>(Problem::TooLong));
    }

    void normalized_trimsSurroundingWhiteSpace() {
        QCOMPARE(keyfields::normalized(QStringLiteral("  N8N Production \n")),
                 QStringLiteral("N8N Production"));
        QCOMPARE(keyfields::codePointCount(QString::fromUcs4(U"a\U0001F511b")), 3);
    }
};

QTEST_GUILESS_MAIN(TestKeyFields)
#include "tst_keyfields.moc"
