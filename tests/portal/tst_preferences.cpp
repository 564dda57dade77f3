#include "models/session/peopleservice.h"
#include "models/session/session.h"
#include "models/workspace/workspace.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/portalfixture.h"
#include "tests/support/screenshots.h"
#include "ui/preferences/passwordpanel.h"
#include "ui/preferences/preferencesdialog.h"
#include "ui/preferences/sessionspanel.h"
#include "ui/widgets/messageline.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace knotie;
using namespace knotie::test;

namespace {
int currentCount(const QList<OwnSession> &sessions) {
    return int(
        std::count_if(sessions.cbegin(), sessions.cend(), [](const OwnSession &s) { return s.current; }));
}
} // namespace

// Preferences → Account against a real gateway (API.md v1.1 "Sessions and people"): the
// person's own sessions, signing others out, and changing the password.
class TestPreferences : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
    }

    void sessions_listedAndSigningOneOutEndsItsTokenAtTheGateway() {
        PortalFixture portal(m_gateway, QStringLiteral("admin@demo.test"));
        QVERIFY(portal.signedIn());
        const QByteArray other = m_gateway.signIn(QStringLiteral("admin@demo.test"));
        QVERIFY(!other.isEmpty());
        PreferencesDialog dialog(portal.workspace.people());
        dialog.showAccount();
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        SessionsPanel *sessions = dialog.sessions();
        QVERIFY(sessions);
        QTRY_COMPARE_WITH_TIMEOUT(sessions->sessions().size(), 2, 10000);
        QCOMPARE(currentCount(sessions->sessions()), 1);
        auto *list = sessions->findChild<QTreeWidget *>(QStringLiteral("ownSessions"));
        QCOMPARE(list->topLevelItemCount(), 2);
        // This session is the portal, and says so.
        QTreeWidgetItem *mine = nullptr;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (list->topLevelItem(i)->text(0).contains(QStringLiteral("this session")))
                mine = list->topLevelItem(i);
        QVERIFY(mine);
        QVERIFY2(mine->text(0).startsWith(QStringLiteral("Knotie Partner Portal")),
                 qPrintable(mine->text(0)));
        QVERIFY(grabForDocs(&dialog, QStringLiteral("preferences-sessions")));

        // This one cannot be signed out here (Sign Out does that); the other can.
        list->setCurrentItem(mine);
        auto *endOne = sessions->findChild<QPushButton *>(QStringLiteral("endSessionButton"));
        QVERIFY(!endOne->isEnabled());
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (list->topLevelItem(i) != mine)
                list->setCurrentItem(list->topLevelItem(i));
        QVERIFY(endOne->isEnabled());
        QCOMPARE(m_gateway.get(QStringLiteral("/v1/me"), GatewayProcess::bearer(other)).status, 200);
        QSignalSpy updated(sessions, &SessionsPanel::updated);
        endOne->click();
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 10000);
        QVERIFY(updated.at(0).at(0).toBool());
        QCOMPARE(m_gateway.get(QStringLiteral("/v1/me"), GatewayProcess::bearer(other)).status, 401);
        QCOMPARE(sessions->sessions().size(), 1);
        QVERIFY(portal.workspace.session()->isSignedIn());

        // All others at once: two more, both end; this one stays.
        const QByteArray second = m_gateway.signIn(QStringLiteral("admin@demo.test"));
        const QByteArray third = m_gateway.signIn(QStringLiteral("admin@demo.test"));
        updated.clear();
        sessions->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 10000);
        QCOMPARE(sessions->sessions().size(), 3);
        updated.clear();
        sessions->findChild<QPushButton *>(QStringLiteral("endOtherSessionsButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 10000);
        QVERIFY(updated.at(0).at(0).toBool());
        for (const QByteArray &token : {second, third})
            QCOMPARE(m_gateway.get(QStringLiteral("/v1/me"), GatewayProcess::bearer(token)).status, 401);
        QCOMPARE(sessions->sessions().size(), 1);
        QVERIFY(sessions->sessions().first().current);
        QVERIFY(!sessions->findChild<QPushButton *>(QStringLiteral("endOtherSessionsButton"))->isEnabled());
    }

    void password_changedHere_newOneSignsInOldOneFailsOtherSessionsEnd() {
        const QString email = QStringLiteral("member@demo.test");
        const QString newPassword = QStringLiteral("a much longer passphrase");
        PortalFixture portal(m_gateway, email);
        QVERIFY(portal.signedIn());
        const QByteArray other = m_gateway.signIn(email);
        QVERIFY(!other.isEmpty());
        PreferencesDialog dialog(portal.workspace.people());
        dialog.showAccount();
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        PasswordPanel *panel = dialog.password();
        auto *current = panel->findChild<QLineEdit *>(QStringLiteral("currentPassword"));
        auto *wanted = panel->findChild<QLineEdit *>(QStringLiteral("newPassword"));
        auto *again = panel->findChild<QLineEdit *>(QStringLiteral("confirmPassword"));
        auto *message = panel->findChild<MessageLine *>(QStringLiteral("passwordMessage"));
        QSignalSpy changed(panel, &PasswordPanel::changed);

        // Checked here first, as the gateway would: short, or typed differently twice.
        current->setText(QStringLiteral("knotie-demo"));
        wanted->setText(QStringLiteral("short"));
        again->setText(QStringLiteral("short"));
        panel->change();
        QCOMPARE(changed.count(), 1);
        QVERIFY(!changed.at(0).at(0).toBool());
        QVERIFY2(message->message().contains(QStringLiteral("12")), qPrintable(message->message()));
        wanted->setText(newPassword);
        again->setText(newPassword + QLatin1Char('!'));
        panel->change();
        QCOMPARE(changed.count(), 2);
        QVERIFY(!changed.at(1).at(0).toBool());

        // A wrong current password: said at its field; nothing changed.
        changed.clear();
        current->setText(QStringLiteral("not my password"));
        again->setText(newPassword);
        panel->change();
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
        QVERIFY(!changed.at(0).at(0).toBool());
        QVERIFY2(message->message().contains(QStringLiteral("current password is wrong")),
                 qPrintable(message->message()));
        QCOMPARE(m_gateway.get(QStringLiteral("/v1/me"), GatewayProcess::bearer(other)).status, 200);

        changed.clear();
        current->setText(QStringLiteral("knotie-demo"));
        wanted->setText(newPassword);
        again->setText(newPassword);
        QVERIFY(grabForDocs(&dialog, QStringLiteral("preferences-password")));
        panel->findChild<QPushButton *>(QStringLiteral("changePasswordButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 20000);
        QVERIFY2(changed.at(0).at(0).toBool(), qPrintable(changed.at(0).at(1).toString()));
        QVERIFY(current->text().isEmpty() && wanted->text().isEmpty() && again->text().isEmpty());

        // The other session ended; this one stays; the new password signs in, the old does not.
        QCOMPARE(m_gateway.get(QStringLiteral("/v1/me"), GatewayProcess::bearer(other)).status, 401);
        QVERIFY(portal.workspace.session()->isSignedIn());
        QTRY_COMPARE_WITH_TIMEOUT(dialog.sessions()->sessions().size(), 1, 10000);
        QVERIFY(!m_gateway.signIn(email, newPassword).isEmpty());
        QVERIFY(m_gateway.signIn(email).isEmpty());
    }

private:
    GatewayProcess m_gateway;
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
