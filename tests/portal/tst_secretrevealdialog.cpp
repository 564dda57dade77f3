#include "models/domain/keyformat.h"
#include "models/secrets/secretstore.h"
#include "tests/support/portaltranslation.h"
#include "tests/support/screenshots.h"
#include "ui/keys/secretrevealdialog.h"
#include "ui/widgets/secretclipboard.h"

#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace knotie;

namespace {
int discardQuestions = 0;
bool discardAnswer = false;
bool answerDiscard(QWidget *) {
    ++discardQuestions;
    return discardAnswer;
}
bool keychainBroken() {
    return qEnvironmentVariable("KNOTIE_TEST_KEYCHAIN") == QLatin1String("unreachable");
}
} // namespace

class TestSecretRevealDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(knotie::test::installPortalTranslation());
        setConfirmDiscardFunction(answerDiscard);
    }

    void init() {
        discardQuestions = 0;
        discardAnswer = false;
        QGuiApplication::clipboard()->clear();
    }

    void show_secretAndExampleWithTheGatewayAddress() {
        const QByteArray secret = keyformat::generate(KeyType::ReadOnly);
        SecretRevealDialog dialog(QStringLiteral("N8N Production"), secret,
                                  QUrl(QStringLiteral("http://127.0.0.1:8787")), &m_clipboard);
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("secret"))->text(),
                 QString::fromLatin1(secret));
        const QString example = dialog.findChild<QPlainTextEdit *>(QStringLiteral("example"))->toPlainText();
        QVERIFY(example.contains(QStringLiteral("X-API-Key: ") + QString::fromLatin1(secret)));
        QVERIFY(example.contains(QStringLiteral("http://127.0.0.1:8787/api/v1/whoami")));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("onceWarning"))
                    ->text()
                    .contains(QStringLiteral("not be shown again")));
    }

    void copy_putsTheSecretOnTheClipboardWithDoNotRecordHint() {
        const QByteArray secret = keyformat::generate(KeyType::Partner);
        SecretRevealDialog dialog(QStringLiteral("k"), secret, QUrl(QStringLiteral("http://127.0.0.1:8787")),
                                  &m_clipboard);
        dialog.findChild<QPushButton *>(QStringLiteral("copyButton"))->click();
        const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
        QCOMPARE(mime->text(), QString::fromLatin1(secret));
        QCOMPARE(mime->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
        QVERIFY(dialog.wasCopied());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("copyStatus"))
                    ->text()
                    .contains(QStringLiteral("30 seconds")));
        dialog.show();
        QVERIFY(knotie::test::grabForDocs(&dialog, QStringLiteral("secret-reveal-dialog")));
    }

    void close_afterCopyWipesTheSecretWithoutAsking() {
        SecretRevealDialog dialog(QStringLiteral("k"), keyformat::generate(KeyType::Webhook),
                                  QUrl(QStringLiteral("http://127.0.0.1:8787")), &m_clipboard);
        dialog.show();
        dialog.findChild<QPushButton *>(QStringLiteral("copyButton"))->click();
        dialog.reject();
        QCOMPARE(discardQuestions, 0);
        QVERIFY(!dialog.isVisible());
        QVERIFY(!dialog.holdsSecret());
        QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("secret"))->text().isEmpty());
        QVERIFY(dialog.findChild<QPlainTextEdit *>(QStringLiteral("example"))->toPlainText().isEmpty());
    }

    void close_withoutCopyAsksAndStaysOpenOnCancel() {
        SecretRevealDialog dialog(QStringLiteral("k"), keyformat::generate(KeyType::Customer),
                                  QUrl(QStringLiteral("http://127.0.0.1:8787")), &m_clipboard);
        dialog.show();
        dialog.reject();
        QCOMPARE(discardQuestions, 1);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.holdsSecret());
        discardAnswer = true;
        dialog.reject();
        QVERIFY(!dialog.isVisible());
        QVERIFY(!dialog.holdsSecret());
    }

    void close_withKeychainTicked_savesThenCloses() {
        if (keychainBroken())
            QSKIP("this run has no keychain on purpose");
        const QByteArray secret = keyformat::generate(KeyType::ReadOnly);
        SecretStore store(QStringLiteral("knotie-portal-test"));
        const QString entry = QUuid::createUuid().toString(QUuid::Id128);
        QPointer<SecretRevealDialog> dialog = new SecretRevealDialog(
            QStringLiteral("k"), secret, QUrl(QStringLiteral("http://127.0.0.1:8787")), &m_clipboard);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->offerKeychain(&store, entry);
        dialog->show();
        dialog->findChild<QCheckBox *>(QStringLiteral("saveToKeychain"))->setChecked(true);
        dialog->reject();
        QCOMPARE(discardQuestions, 0);
        QVERIFY(dialog); // open until the keychain has answered
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 15000);

        SecretStore::Result read;
        bool answered = false;
        store.read(entry, this, [&](const SecretStore::Result &r) {
            read = r;
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
        QCOMPARE(read.value, secret);
        answered = false;
        store.remove(entry, this, [&](const SecretStore::Result &) { answered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
    }

    // Run by ctest as tst_secretrevealdialog_nokeychain, with no D-Bus session to reach.
    void close_whenTheKeychainFails_staysOpenSaysWhyAndKeepsTheSecret() {
        if (!keychainBroken())
            QSKIP("needs a run without a keychain (tst_secretrevealdialog_nokeychain)");
        const QByteArray secret = keyformat::generate(KeyType::Partner);
        SecretStore store(QStringLiteral("knotie-portal-test"));
        SecretRevealDialog dialog(QStringLiteral("k"), secret, QUrl(QStringLiteral("http://127.0.0.1:8787")),
                                  &m_clipboard);
        dialog.offerKeychain(&store, QStringLiteral("entry"));
        dialog.show();
        auto *tick = dialog.findChild<QCheckBox *>(QStringLiteral("saveToKeychain"));
        tick->setChecked(true);
        dialog.reject();
        auto *status = dialog.findChild<QLabel *>(QStringLiteral("keychainStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("not saved")), 15000);
        QVERIFY(status->text().contains(QStringLiteral("Copy it now")));
        QVERIFY(!status->text().contains(QString::fromLatin1(secret)));
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.holdsSecret());
        QVERIFY(!tick->isChecked());
        QVERIFY(knotie::test::grabForDocs(&dialog, QStringLiteral("secret-reveal-keychain-failed")));
        // Now closing without a copy asks, as for any secret not kept.
        dialog.reject();
        QCOMPARE(discardQuestions, 1);
        QVERIFY(dialog.isVisible());
    }

    void withoutAKeychain_theTickIsNotOffered() {
        SecretRevealDialog dialog(QStringLiteral("k"), keyformat::generate(KeyType::Partner),
                                  QUrl(QStringLiteral("http://127.0.0.1:8787")), &m_clipboard);
        dialog.show();
        QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("saveToKeychain"))->isVisible());
    }

    void close_leavesTheClipboardCountdownRunning() {
        const QByteArray secret = keyformat::generate(KeyType::ReadOnly);
        {
            SecretRevealDialog dialog(QStringLiteral("k"), secret,
                                      QUrl(QStringLiteral("http://127.0.0.1:8787")), &m_clipboard);
            dialog.findChild<QPushButton *>(QStringLiteral("copyButton"))->click();
            dialog.accept();
        }
        QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(secret));
        QVERIFY(m_clipboard.secondsLeft() > 0);
    }

    // Two secrets in a row (a bulk rotation): the second dialog never claims the first's copy,
    // and the first stops claiming it once the second copies.
    void copyStatus_isEachDialogsOwn() {
        const QUrl gateway(QStringLiteral("http://127.0.0.1:8787"));
        SecretRevealDialog first(QStringLiteral("one"), keyformat::generate(KeyType::ReadOnly), gateway,
                                 &m_clipboard);
        first.findChild<QPushButton *>(QStringLiteral("copyButton"))->click();
        auto *firstStatus = first.findChild<QLabel *>(QStringLiteral("copyStatus"));
        QVERIFY(firstStatus->text().contains(QStringLiteral("30 seconds")));

        SecretRevealDialog second(QStringLiteral("two"), keyformat::generate(KeyType::ReadOnly), gateway,
                                  &m_clipboard);
        auto *secondStatus = second.findChild<QLabel *>(QStringLiteral("copyStatus"));
        QSignalSpy tick(&m_clipboard, &SecretClipboard::countdown);
        QVERIFY(tick.wait(5000)); // the first copy's countdown goes on
        QVERIFY(firstStatus->text().contains(QStringLiteral("Copied")));
        QCOMPARE(secondStatus->text(), QString());

        second.findChild<QPushButton *>(QStringLiteral("copyButton"))->click();
        QVERIFY(secondStatus->text().contains(QStringLiteral("30 seconds")));
        QCOMPARE(firstStatus->text(), QString());
    }

    void clipboard_clearedOnlyIfItStillHoldsTheSecret() {
        SecretClipboard clipboard;
        clipboard.copy(QStringLiteral("kn_secret_one"));
        QSignalSpy cleared(&clipboard, &SecretClipboard::cleared);
        clipboard.clearIfUnchanged();
        QCOMPARE(cleared.count(), 1);
        QCOMPARE(cleared.at(0).at(0).toBool(), true);
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());

        clipboard.copy(QStringLiteral("kn_secret_two"));
        QGuiApplication::clipboard()->setText(QStringLiteral("something the person copied since"));
        clipboard.clearIfUnchanged();
        QCOMPARE(cleared.count(), 2);
        QCOMPARE(cleared.at(1).at(0).toBool(), false);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("something the person copied since"));
    }

    void clipboard_countdownEndsByClearing() {
        SecretClipboard clipboard;
        QSignalSpy cleared(&clipboard, &SecretClipboard::cleared);
        clipboard.copy(QStringLiteral("kn_short_lived"), 1);
        QVERIFY(cleared.wait(5000));
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    }

private:
    SecretClipboard m_clipboard;
};

QTEST_MAIN(TestSecretRevealDialog)
#include "tst_secretrevealdialog.moc"
