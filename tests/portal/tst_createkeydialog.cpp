#include "tests/support/keyboard.h"
#include "tests/support/screenshots.h"
#include "ui/keys/createkeydialog.h"
#include "ui/keys/editkeydialog.h"
#include "ui/keys/revokekeydialog.h"
#include "ui/keys/rotatekeydialog.h"
#include "ui/style/palette.h"
#include "ui/widgets/messages.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace knotie;

class TestCreateKeyDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void open_readOnlyAndNinetyDaysArePreselected() {
        CreateKeyDialog dialog(customers());
        QVERIFY(dialog.findChild<QRadioButton *>(QStringLiteral("type_read_only"))->isChecked());
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("expiry"))->currentText(),
                 QStringLiteral("In 90 days"));
        const auto expires = dialog.request().expiresAt;
        QVERIFY(expires);
        QCOMPARE(QDateTime::currentDateTimeUtc().daysTo(*expires), 90);
        QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("customer"))->isEnabledTo(&dialog));
    }

    // Every dialog of the key manager, from the keyboard alone: Tab reaches each control
    // in reading order, each with a name, through to the buttons.
    void keyboard_tabOrderReadsLikeEachDialog_data() {
        QTest::addColumn<QString>("dialogName");
        QTest::addColumn<QString>("lastStop");
        QTest::addColumn<QString>("choice"); // the chosen option, where Tab enters a group of them
        const QString cancel = QStringLiteral("Cancel");
        QTest::newRow("create") << QStringLiteral("create") << cancel << QStringLiteral("Read-Only");
        QTest::newRow("create, customer key")
            << QStringLiteral("create customer") << cancel << QStringLiteral("Customer");
        QTest::newRow("rename") << QStringLiteral("edit") << cancel << QString();
        QTest::newRow("rotate") << QStringLiteral("rotate") << cancel << QStringLiteral("In 24 hours");
        QTest::newRow("revoke") << QStringLiteral("revoke") << cancel << QString();
    }
    void keyboard_tabOrderReadsLikeEachDialog() {
        QFETCH(QString, dialogName);
        QFETCH(QString, lastStop);
        QFETCH(QString, choice);
        ApiKey key;
        key.id = QStringLiteral("key_tab");
        key.name = QStringLiteral("N8N Production");
        key.type = KeyType::Partner;
        key.status = KeyStatus::Active;
        key.prefix = QStringLiteral("kn_pk_");
        key.last4 = QStringLiteral("Ab3d");
        std::unique_ptr<QDialog> dialog;
        if (dialogName.startsWith(QLatin1String("create"))) {
            auto *create = new CreateKeyDialog(customers());
            dialog.reset(create);
            if (dialogName.endsWith(QLatin1String("customer")))
                create->findChild<QRadioButton *>(QStringLiteral("type_customer"))->setChecked(true);
        } else if (dialogName == QLatin1String("edit")) {
            dialog = std::make_unique<EditKeyDialog>(key);
        } else if (dialogName == QLatin1String("rotate")) {
            dialog = std::make_unique<RotateKeyDialog>(QList<ApiKey>{key});
        } else {
            dialog = std::make_unique<RevokeKeyDialog>(QList<ApiKey>{key});
        }
        dialog->show();
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
        QWidget *first = dialog->nextInFocusChain();
        while (!(first->focusPolicy() & Qt::TabFocus) || !first->isVisible() || !first->isEnabled())
            first = first->nextInFocusChain();
        const QStringList names = test::verifyTabOrderReadsLikeTheWindow(dialog.get(), first);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(names.size() >= 2, qPrintable(names.join(QStringLiteral(" → "))));
        qInfo().noquote() << names.join(QStringLiteral(" → "));
        QCOMPARE(names.last(), lastStop);
        if (!choice.isEmpty()) {
            const QList<QRadioButton *> options = dialog->findChildren<QRadioButton *>();
            const auto reached = std::count_if(options.begin(), options.end(), [&](QRadioButton *option) {
                return names.contains(test::spokenName(option));
            });
            QCOMPARE(reached, 1); // one stop for the group: its chosen option
            QVERIFY2(names.contains(choice), qPrintable(names.join(QStringLiteral(" → "))));
            // The arrows still move between the options, and the stop moves with the choice.
            QRadioButton *chosen = *std::find_if(options.begin(), options.end(),
                                                 [](QRadioButton *option) { return option->isChecked(); });
            chosen->setFocus();
            QTest::keyClick(chosen, Qt::Key_Down);
            QRadioButton *next = qobject_cast<QRadioButton *>(QApplication::focusWidget());
            QVERIFY(next && next != chosen && next->isChecked());
            QVERIFY(next->focusPolicy() & Qt::TabFocus);
            QVERIFY(!(chosen->focusPolicy() & Qt::TabFocus));
        }
    }

    void typeSelector_listsLeastPrivilegeFirst() {
        CreateKeyDialog dialog(customers());
        const QList<QRadioButton *> buttons = dialog.findChildren<QRadioButton *>();
        QStringList order;
        for (QRadioButton *b : buttons)
            order << b->objectName();
        QCOMPARE(order, (QStringList{QStringLiteral("type_read_only"), QStringLiteral("type_webhook"),
                                     QStringLiteral("type_customer"), QStringLiteral("type_partner")}));
    }

    void accept_emptyNameIsExplainedAndNothingIsSent() {
        CreateKeyDialog dialog(customers());
        QSignalSpy requested(&dialog, &CreateKeyDialog::createRequested);
        dialog.findChild<QLineEdit *>(QStringLiteral("keyName"))->setText(QStringLiteral("   "));
        dialog.accept();
        QCOMPARE(requested.count(), 0);
        const auto *error = dialog.findChild<QLabel *>(QStringLiteral("nameError"));
        QVERIFY(!error->isHidden());
        QVERIFY(error->text().contains(QStringLiteral("N8N Production")));
        QCOMPARE(error->palette().color(QPalette::WindowText), themeColor(ColorRole::ErrorText));
    }

    // A status line shows an error in the error colour, and anything else in its window's.
    void statusLine_isInTheErrorColourOnlyForAnError() {
        QWidget window;
        QLabel *status = makeErrorLabel(QStringLiteral("status"), &window);
        showStatus(status, QStringLiteral("Not saved"), true);
        QCOMPARE(status->palette().color(QPalette::WindowText), themeColor(ColorRole::ErrorText));
        showStatus(status, QStringLiteral("Saved"), false);
        QCOMPARE(status->palette().color(QPalette::WindowText), window.palette().color(QPalette::WindowText));
        QVERIFY(status->styleSheet().isEmpty());
    }

    // The error was about the text that was there: once the name is fine, it goes.
    void typing_aValidNameClearsTheStaleError() {
        CreateKeyDialog dialog(customers());
        dialog.show();
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("keyName"));
        dialog.accept();
        const auto *error = dialog.findChild<QLabel *>(QStringLiteral("nameError"));
        QVERIFY(error->isVisible());
        QTest::keyClicks(name, QStringLiteral(" "));
        QVERIFY(error->isVisible()); // still empty once trimmed
        QTest::keyClicks(name, QStringLiteral("N8N"));
        QVERIFY(!error->isVisible());
    }

    // Names need not be unique, but a second "N8N Production" is worth a word before it exists.
    void typing_aNameAnotherKeyHasWarnsWithoutRefusing() {
        CreateKeyDialog dialog(customers());
        ApiKey existing;
        existing.id = QStringLiteral("key_dup");
        existing.name = QStringLiteral("N8N Production");
        existing.prefix = QStringLiteral("kn_rk_");
        existing.last4 = QStringLiteral("Ab3d");
        ApiKey revoked = existing;
        revoked.id = QStringLiteral("key_gone");
        revoked.last4 = QStringLiteral("Zz99");
        revoked.status = KeyStatus::Revoked;
        dialog.setExistingKeys({existing, revoked});
        dialog.show();
        auto *warning = dialog.findChild<QLabel *>(QStringLiteral("nameWarning"));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("keyName")),
                         QStringLiteral("n8n production"));
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(QStringLiteral("N8N Production (kn_rk_…Ab3d)")),
                 qPrintable(warning->text()));
        QVERIFY(!warning->text().contains(QStringLiteral("Zz99"))); // a revoked key's name is free again
        QVERIFY(knotie::test::grabForDocs(&dialog, QStringLiteral("create-key-duplicate-name")));
        QSignalSpy requested(&dialog, &CreateKeyDialog::createRequested);
        dialog.accept();
        QCOMPARE(requested.count(), 1);
        dialog.setName(QStringLiteral("N8N Staging"));
        QVERIFY(!warning->isVisible());
    }

    // A rotation keeps each key's lifetime unless the person picks another.
    void rotate_offersTheOldKeysLifetimeForTheNewKey() {
        ApiKey ninety;
        ninety.name = QStringLiteral("Ninety");
        ninety.prefix = QStringLiteral("kn_rk_");
        ninety.last4 = QStringLiteral("N90d");
        ninety.createdAt = 1'700'000'000;
        ninety.expiresAt = ninety.createdAt + 90 * 86400;
        ApiKey forever = ninety;
        forever.name = QStringLiteral("Forever");
        forever.expiresAt = 0;
        const UnixTime now = 1'800'000'000;

        RotateKeyDialog one({ninety});
        auto *expiry = one.findChild<QComboBox *>(QStringLiteral("successorExpiry"));
        QVERIFY(expiry);
        QCOMPARE(expiry->currentText(),
                 QStringLiteral("Like the old key: %1").arg(RotateKeyDialog::tr("%n day(s)", nullptr, 90)));
        QCOMPARE(one.successorExpiry().expiresAt(ninety, now), now + 90 * 86400);
        QVERIFY(one.windowTitle().contains(QStringLiteral("Ninety (kn_rk_…N90d)")));
        QVERIFY(knotie::test::grabForDocs(&one, QStringLiteral("rotate-key-expiry")));
        expiry->setCurrentIndex(expiry->findText(QStringLiteral("Never")));
        QCOMPARE(one.successorExpiry().expiresAt(ninety, now), 0);
        expiry->setCurrentIndex(expiry->findData(30));
        QCOMPARE(one.successorExpiry().expiresAt(ninety, now), now + 30 * 86400);

        RotateKeyDialog never({forever});
        QCOMPARE(never.findChild<QComboBox *>(QStringLiteral("successorExpiry"))->currentText(),
                 QStringLiteral("Like the old key: never expires"));
        QCOMPARE(never.successorExpiry().expiresAt(forever, now), 0);

        RotateKeyDialog both({ninety, forever});
        QCOMPARE(both.findChild<QComboBox *>(QStringLiteral("successorExpiry"))->currentText(),
                 QStringLiteral("Each like its old key"));
        QCOMPARE(both.successorExpiry().expiresAt(ninety, now), now + 90 * 86400);
        QCOMPARE(both.successorExpiry().expiresAt(forever, now), 0);
    }

    void accept_nameOverSixtyFourCharactersIsRefused() {
        CreateKeyDialog dialog(customers());
        QSignalSpy requested(&dialog, &CreateKeyDialog::createRequested);
        dialog.setName(QString(65, QLatin1Char('k')));
        dialog.accept();
        QCOMPARE(requested.count(), 0);
        QVERIFY(
            dialog.findChild<QLabel *>(QStringLiteral("nameError"))->text().contains(QStringLiteral("64")));
    }

    void accept_customerKeyRequiresACustomer() {
        CreateKeyDialog dialog(customers());
        QSignalSpy requested(&dialog, &CreateKeyDialog::createRequested);
        dialog.setName(QStringLiteral("Northwind portal"));
        dialog.findChild<QRadioButton *>(QStringLiteral("type_customer"))->setChecked(true);
        dialog.accept();
        QCOMPARE(requested.count(), 0);
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("customerError"))->isHidden());

        // Typing the customer's name picks it, as the searchable picker promises.
        dialog.findChild<QComboBox *>(QStringLiteral("customer"))
            ->setEditText(QStringLiteral("northwind logistics"));
        dialog.accept();
        QCOMPARE(requested.count(), 1);
        const auto request = requested.at(0).at(0).value<CreateKeyDialog::Request>();
        QCOMPARE(request.type, KeyType::Customer);
        QCOMPARE(request.customerId, QStringLiteral("cus_northwind"));
        QCOMPARE(request.name, QStringLiteral("Northwind portal"));
    }

    void accept_sendsTrimmedFieldsNeverAndRateLimit() {
        CreateKeyDialog dialog(customers());
        QSignalSpy requested(&dialog, &CreateKeyDialog::createRequested);
        dialog.setName(QStringLiteral("  N8N Production  "));
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("keyDescription"))
            ->setPlainText(QStringLiteral(" runs the flows \n"));
        auto *expiry = dialog.findChild<QComboBox *>(QStringLiteral("expiry"));
        expiry->setCurrentIndex(expiry->findText(QStringLiteral("Never")));
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("expiryWarning"))->isHidden());
        dialog.findChild<QCheckBox *>(QStringLiteral("rateLimit"))->setChecked(true);
        dialog.accept();
        QCOMPARE(requested.count(), 1);
        const auto request = requested.at(0).at(0).value<CreateKeyDialog::Request>();
        QCOMPARE(request.name, QStringLiteral("N8N Production"));
        QCOMPARE(request.description, QStringLiteral("runs the flows"));
        QVERIFY(!request.expiresAt);
        QVERIFY(request.rateLimit);
        QCOMPARE(request.rateLimit->requests, 600);
        QCOMPARE(request.rateLimit->perSeconds, 60);
        // Busy until the owner answers: a second click sends nothing.
        dialog.accept();
        QCOMPARE(requested.count(), 1);
    }

    void showServerError_appearsNextToTheFieldAndKeepsTheInput() {
        CreateKeyDialog dialog(customers());
        dialog.show();
        dialog.setName(QStringLiteral("Duplicate"));
        dialog.accept();
        dialog.showServerError(QStringLiteral("name"), QStringLiteral("The name is not allowed."));
        const auto *error = dialog.findChild<QLabel *>(QStringLiteral("nameError"));
        QCOMPARE(error->text(), QStringLiteral("The name is not allowed."));
        QVERIFY(error->isVisible());
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("keyName"))->text(),
                 QStringLiteral("Duplicate"));
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("createButton"))->isEnabled());
        QVERIFY(dialog.isVisible());
    }

    void screenshot_customerKeyWithAnError() {
        CreateKeyDialog dialog(customers());
        dialog.setName(QStringLiteral("Northwind portal"));
        dialog.setType(KeyType::Customer);
        dialog.show();
        dialog.accept();
        QVERIFY(knotie::test::grabForDocs(&dialog, QStringLiteral("create-key-dialog")));
    }

private:
    static QList<CreateKeyDialog::Customer> customers() {
        return {{QStringLiteral("cus_brightside"), QStringLiteral("Brightside Dental")},
                {QStringLiteral("cus_northwind"), QStringLiteral("Northwind Logistics")}};
    }
};

Q_DECLARE_METATYPE(knotie::CreateKeyDialog::Request)

QTEST_MAIN(TestCreateKeyDialog)
#include "tst_createkeydialog.moc"
