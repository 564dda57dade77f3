#include "models/session/session.h"
#include "models/session/signinflow.h"
#include "models/sync/synccontroller.h"
#include "models/workspace/workspace.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/portalfixture.h"
#include "tests/support/screenshots.h"
#include "ui/pages/accessdeniedpage.h"
#include "ui/preferences/preferencesdialog.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/portalname.h"
#include "ui/signin/signindialog.h"
#include "ui/signin/signinflowlink.h"

#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

using namespace knotie;
using namespace knotie::test;

// The portal signs in against a real gateway process and shows what the person may see.
class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
    }

    void signIn_ownerSeesEveryPage() {
        Workspace workspace(&m_network, nullptr);
        QVERIFY(signIn(workspace, QStringLiteral("owner@demo.test")));
        QCOMPARE(workspace.session()->account().partnerName, QStringLiteral("Demo Agency"));
        MainWindow window(PageContext{&workspace, nullptr, nullptr});
        window.show();
        QCOMPARE(window.navigationPages(),
                 (QList<Page>{Page::Overview, Page::Customers, Page::Analytics, Page::ApiReference,
                              Page::ApiKeys, Page::Team, Page::AuditLog}));
        window.showPage(Page::ApiKeys);
        QCOMPARE(window.currentPage(), Page::ApiKeys);
        QVERIFY(!window.findChild<AccessDeniedPage *>());
        const auto *person = window.findChild<QLabel *>(QStringLiteral("personLabel"));
        QVERIFY(person);
        QVERIFY(person->text().contains(QStringLiteral("Maya Lindqvist")));
    }

    void signIn_memberDoesNotSeeApiKeysOrTeam() {
        PortalFixture portal(m_gateway, QStringLiteral("member@demo.test"), {.open = false});
        QVERIFY(portal.signedIn());
        MainWindow window(portal.context());
        const QList<Page> pages = window.navigationPages();
        QVERIFY(!pages.contains(Page::ApiKeys));
        QVERIFY(!pages.contains(Page::Team));
        QVERIFY(pages.contains(Page::Analytics));
        QVERIFY(pages.contains(Page::Customers));
    }

    void showPage_memberReachingApiKeysIsToldWhomToAsk() {
        PortalFixture portal(m_gateway, QStringLiteral("member@demo.test"), {.open = false});
        QVERIFY(portal.signedIn());
        MainWindow window(portal.context());
        window.showPage(Page::ApiKeys);
        const auto *message = window.findChild<QLabel *>(QStringLiteral("accessDeniedMessage"));
        QVERIFY(message);
        QCOMPARE(message->text(), QStringLiteral("You don't have access to API keys. Ask Maya Lindqvist "
                                                 "(owner@demo.test) to grant settings access."));
        QVERIFY(message->isVisibleTo(&window));
    }

    // The help article sends people to Settings: a member finds it there, locked, and opening it
    // (a click, or Ctrl+5 as for the owner) names the owner to ask.
    void lockedSettings_clickAndCtrl5NameTheOwnerToAsk() {
        PortalFixture portal(m_gateway, QStringLiteral("member@demo.test"));
        QVERIFY(portal.ready());
        MainWindow &window = portal.showWindow(Page::Overview);
        auto *navigation = window.findChild<QTreeWidget *>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        const QList<QTreeWidgetItem *> found =
            navigation->findItems(QStringLiteral("Settings"), Qt::MatchExactly);
        QCOMPARE(found.size(), 1);
        QTreeWidgetItem *settings = found.first();
        QVERIFY(!settings->icon(0).isNull()); // the lock
        QCOMPARE(settings->childCount(), 0);  // nothing behind it to open
        const QString ask = QStringLiteral("Ask Maya Lindqvist (owner@demo.test) to grant settings access.");

        const QRect row = navigation->visualItemRect(settings);
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, row.center());
        auto *message = window.findChild<QLabel *>(QStringLiteral("accessDeniedMessage"));
        QVERIFY(message);
        QVERIFY2(message->text().contains(ask), qPrintable(message->text()));
        QVERIFY(message->isVisibleTo(&window));
        QCOMPARE(navigation->currentItem(), settings);
        QVERIFY(grabForDocs(&window, QStringLiteral("member-locked-settings")));

        window.showPage(Page::Overview);
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("accessDeniedMessage")));
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        message = window.findChild<QLabel *>(QStringLiteral("accessDeniedMessage"));
        QVERIFY(message);
        QVERIFY(message->text().contains(ask));
        QCOMPARE(window.currentPage(), Page::ApiKeys);
    }

    void grant_whileOpenShowsApiKeysAfterTheNextSync() {
        PortalFixture portal(m_gateway, QStringLiteral("member@demo.test"));
        QVERIFY(portal.ready());
        MainWindow &window = portal.showWindow(Page::ApiKeys);
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("accessDeniedMessage")));

        const QByteArray owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        const HttpReply granted =
            m_gateway.request("PATCH", QStringLiteral("/v1/team/usr_priya"),
                              R"({"permissions":["settings.manage","analytics.view","customers.view"]})",
                              GatewayProcess::bearer(owner));
        QCOMPARE(granted.status, 200);
        portal.workspace.sync()->syncNow();
        QVERIFY(QTest::qWaitFor([&] { return window.navigationPages().contains(Page::ApiKeys); }, 20000));
        // The page that refused a moment ago now opens.
        window.showPage(Page::ApiKeys);
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("accessDeniedMessage")));

        // And taking it away again hides it on the next sync.
        QCOMPARE(m_gateway
                     .request("PATCH", QStringLiteral("/v1/team/usr_priya"),
                              R"({"permissions":["analytics.view","customers.view"]})",
                              GatewayProcess::bearer(owner))
                     .status,
                 200);
        portal.workspace.sync()->syncNow();
        QVERIFY(QTest::qWaitFor([&] { return !window.navigationPages().contains(Page::ApiKeys); }, 20000));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("accessDeniedMessage")));
    }

    void signIn_wrongPasswordKeepsTheDialogOpenWithWhatWasTyped() {
        SignInFlow flow(&m_network);
        SignInDialog dialog;
        linkSignIn(&dialog, &flow, [](const SignedInSession &) { QFAIL("signed in with a wrong password"); });
        dialog.setGatewayAddress(m_gateway.baseUrl().toString());
        dialog.setEmail(QStringLiteral("owner@demo.test"));
        dialog.setPassword(QStringLiteral("wrong"));
        dialog.setNotice(QStringLiteral("You have signed out."));
        dialog.show();
        QSignalSpy failed(&flow, &SignInFlow::failed);
        dialog.accept();
        QVERIFY(failed.wait(10000));
        QVERIFY(dialog.isVisible());
        const auto *error = dialog.findChild<QLabel *>(QStringLiteral("signInError"));
        QCOMPARE(error->text(), QStringLiteral("Wrong email or password."));
        // The sign-out notice is not left beside an error it has nothing to do with.
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("signInNotice"))->isVisible());
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("email"))->text(),
                 QStringLiteral("owner@demo.test"));
    }

    // The dialog is the portal's first window, up before the code that signs in is loaded: a
    // form sent in that moment waits for it, busy, instead of being lost.
    void signIn_aFormSentBeforeTheFlowIsLinkedGoesOutOnceItIs() {
        SignInDialog dialog;
        dialog.setGatewayAddress(m_gateway.baseUrl().toString());
        dialog.setEmail(QStringLiteral("owner@demo.test"));
        dialog.setPassword(QStringLiteral("knotie-demo"));
        dialog.show();
        dialog.accept();
        QVERIFY(dialog.isBusy());
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("password"))->isEnabled());

        SignInFlow flow(&m_network);
        QString signedInAs;
        linkSignIn(&dialog, &flow,
                   [&](const SignedInSession &session) { signedInAs = session.account.user.email; });
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QVERIFY(accepted.wait(10000));
        QCOMPARE(signedInAs, QStringLiteral("owner@demo.test"));
        // The password is not kept in a closed dialog.
        QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("password"))->text().isEmpty());
    }

    // The window system puts the portal's name after every title: in German no title repeats
    // it in the other language ("… — Knotie Partnerportal — Knotie Partner Portal").
    void titles_nameThePortalOnceInEveryLanguage() {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/knotie_de.qm")));
        QCoreApplication::installTranslator(&german);
        const auto removeGerman = qScopeGuard([&] { QCoreApplication::removeTranslator(&german); });
        QCOMPARE(portalDisplayName(), QStringLiteral("Knotie Partnerportal"));
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"), {.open = false});
        QVERIFY(portal.signedIn());
        MainWindow window(portal.context());
        SignInDialog signIn;
        PreferencesDialog preferences;
        for (const QWidget *w : std::initializer_list<const QWidget *>{&window, &signIn, &preferences})
            QVERIFY2(!w->windowTitle().contains(QStringLiteral("Knotie")), qPrintable(w->windowTitle()));
        QCOMPARE(window.windowTitle(), QStringLiteral("Demo Agency"));
    }

    // The Preferences title showed as "Pre…": the dialog is as wide as its title in the title bar.
    void preferences_isWideEnoughForItsTitle() {
        QGuiApplication::setApplicationDisplayName(portalDisplayName());
        PreferencesDialog dialog;
        QFont bold = dialog.font();
        bold.setBold(true);
        const int title = QFontMetrics(bold).horizontalAdvance(dialog.windowTitle() + QStringLiteral(" — ") +
                                                               QGuiApplication::applicationDisplayName());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY2(dialog.width() >= title + 100,
                 qPrintable(QStringLiteral("%1 < %2 + 100").arg(dialog.width()).arg(title)));
    }

    void signIn_unreachableGatewaySaysCheckTheAddress() {
        SignInFlow flow(&m_network);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        flow.signIn(QStringLiteral("127.0.0.1:1"), QStringLiteral("owner@demo.test"), QStringLiteral("x"),
                    false);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.at(0).at(0).toString(),
                 QStringLiteral("Cannot reach the gateway at http://127.0.0.1:1: check the address."));
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("gateway"));
    }

    void signIn_remoteHostWithoutHttpsIsRefusedBeforeSending() {
        SignInFlow flow(&m_network);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        flow.signIn(QStringLiteral("http://gateway.invalid"), QStringLiteral("owner@demo.test"),
                    QStringLiteral("x"), false);
        QVERIFY(failed.count() == 1 || failed.wait(5000));
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("https://")));
    }

private:
    bool signIn(Workspace &workspace, const QString &email) {
        SignInFlow flow(&m_network);
        SignInDialog dialog;
        linkSignIn(&dialog, &flow,
                   [&](const SignedInSession &session) { workspace.session()->begin(session); });
        dialog.setGatewayAddress(m_gateway.baseUrl().toString());
        dialog.setEmail(email);
        dialog.setPassword(QStringLiteral("knotie-demo"));
        dialog.show();
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.accept();
        if (!accepted.wait(10000))
            return false;
        return workspace.session()->isSignedIn();
    }

    QNetworkAccessManager m_network;
    GatewayProcess m_gateway;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
