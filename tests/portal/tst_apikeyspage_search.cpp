#include "models/items/keyfilterproxy.h"
#include "models/items/keysearchtext.h"
#include "models/items/keytablemodel.h"
#include "tests/portal/apikeyspagefixture.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/screenshots.h"
#include "ui/keys/testkeydialog.h"
#include "ui/pages/apikeyspage.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace knotie;
using namespace knotie::test;

// The key search finds a key by what the table shows of it (prefix, last 4, both), and by
// its whole secret pasted in, without keeping the secret as the filter.
class TestApiKeysPageSearch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareKeysPageTests();
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
    }

    void wholeSecret_isRecognisedOnlyWithItsChecksum() {
        const CreatedKey key = createReadOnlyKey(m_gateway, m_owner, QStringLiteral("Checksummed"));
        const QString secret = QString::fromLatin1(key.secret);
        const QString shown = secret.left(6) + QChar(u'\u2026') + secret.right(4);
        QCOMPARE(KeySearchText::maskedIfWholeSecret(QStringLiteral("  ") + secret + QStringLiteral("\n")),
                 shown);
        QString typo = secret;
        typo[10] = typo[10] == QLatin1Char('a') ? QLatin1Char('b') : QLatin1Char('a');
        QVERIFY(KeySearchText::maskedIfWholeSecret(typo).isEmpty());
        QVERIFY(KeySearchText::maskedIfWholeSecret(secret.chopped(1)).isEmpty());
        QCOMPARE(KeySearchText::searchedText(secret.left(6) + QStringLiteral("...") + secret.right(4)),
                 shown);
    }

    void search_findsTheKeyByLast4AndPrefixAsShown() {
        const CreatedKey key = createReadOnlyKey(m_gateway, m_owner, QStringLiteral("Found By Its End"));
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(key.id));
        auto *search = f.page->findChild<QLineEdit *>(QStringLiteral("keySearch"));
        const QString secret = QString::fromLatin1(key.secret);

        QTest::keyClicks(search, secret.right(4));
        QVERIFY(shownIds(f).contains(key.id));
        for (const ApiKey &k : shownKeys(f))
            QVERIFY2(k.maskedSecret().contains(secret.right(4), Qt::CaseInsensitive) ||
                         k.name.contains(secret.right(4), Qt::CaseInsensitive) ||
                         k.description.contains(secret.right(4), Qt::CaseInsensitive),
                     qPrintable(k.maskedSecret()));

        search->clear();
        QTest::keyClicks(search, QStringLiteral("kn_rk_"));
        QVERIFY(shownIds(f).contains(key.id));
        for (const ApiKey &k : shownKeys(f))
            QCOMPARE(k.type, KeyType::ReadOnly);

        // As a person copies it off the screen, with three dots for the ellipsis.
        search->clear();
        QTest::keyClicks(search, secret.left(6) + QStringLiteral("...") + secret.right(4));
        QCOMPARE(shownIds(f), QStringList{key.id});
    }

    void pastedSecret_showsItsKeyOffersATestAndIsNotKept() {
        const CreatedKey key = createReadOnlyKey(m_gateway, m_owner, QStringLiteral("Pasted Whole"));
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(key.id));
        f.page->resize(1100, 500);
        auto *search = f.page->findChild<QLineEdit *>(QStringLiteral("keySearch"));
        const QString secret = QString::fromLatin1(key.secret);
        const QString shown = secret.left(6) + QChar(u'\u2026') + secret.right(4);

        QApplication::clipboard()->setText(secret);
        search->setFocus();
        QTest::keyClick(search, Qt::Key_V, Qt::ControlModifier);
        QApplication::clipboard()->clear();
        QCOMPARE(search->text(), shown);
        QVERIFY(!search->isUndoAvailable()); // the undo history held the secret
        QCOMPARE(shownIds(f), QStringList{key.id});
        auto *note = f.page->findChild<QLabel *>(QStringLiteral("pastedSecretNote"));
        QVERIFY(note && note->isVisible());
        QVERIFY(note->text().contains(shown.toHtmlEscaped()));
        QVERIFY(!note->text().contains(secret));
        QVERIFY(grabForDocs(f.page, QStringLiteral("key-search-pasted-secret")));

        Q_EMIT note->linkActivated(QStringLiteral("test"));
        QVERIFY(note->isHidden());
        auto *dialog = f.page->findChild<TestKeyDialog *>();
        QVERIFY(dialog);
        auto *verdict = dialog->findChild<QLabel *>(QStringLiteral("testKeyVerdict"));
        QTRY_COMPARE_WITH_TIMEOUT(verdict->text(), QStringLiteral("Valid."), 10000);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("testKeyDetails"))->text().contains(shown));
        QVERIFY(grabForDocs(dialog, QStringLiteral("key-search-test-a-key")));
        dialog->close();

        // Editing the search takes the offer away (and the secret with it).
        QTest::keyClicks(search, secret.left(40));
        QVERIFY(!search->text().contains(secret));
        QTest::keyClick(search, Qt::Key_V, Qt::ControlModifier); // clipboard empty: nothing more
        search->clear();
        QVERIFY(note->isHidden());
    }

private:
    static QList<ApiKey> shownKeys(KeysPageFixture &f) {
        QList<ApiKey> keys;
        for (int r = 0; r < f.page->proxy()->rowCount(); ++r)
            keys.append(f.workspace.keyModel()->keyAt(
                f.page->proxy()->mapToSource(f.page->proxy()->index(r, 0)).row()));
        return keys;
    }
    static QStringList shownIds(KeysPageFixture &f) {
        QStringList ids;
        for (const ApiKey &k : shownKeys(f))
            ids.append(k.id);
        return ids;
    }

    GatewayProcess m_gateway;
    QByteArray m_owner;
};

QTEST_MAIN(TestApiKeysPageSearch)
#include "tst_apikeyspage_search.moc"
