#include "gatewayprocess.h"
#include "pages/accessdeniedpage.h"
#include "session/signinflow.h"
#include "shell/mainwindow.h"
#include "signin/signindialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>

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
        const auto session = signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(session);
        QCOMPARE(session->account.partnerName, QStringLiteral("Demo Agency"));
        MainWindow window(*session);
        window.show();
        QCOMPARE(window.navigationPages(), (QList<Page>{Page::Overview, Page::Customers, Page::Analytics,
                                                        Page::ApiReference, Page::ApiKeys, Page::Team}));
        window.showPage(Page::ApiKeys);
        QCOMPARE(window.currentPage(), Page::ApiKeys);
        QVERIFY(!window.findChild<AccessDeniedPage *>());
        const auto *person = window.findChild<QLabel *>(QStringLiteral("personLabel"));
        QVERIFY(person);
        QVERIFY(person->text().contains(QStringLiteral("Maya Lindqvist")));
    }

    void signIn_memberDoesNotSeeApiKeysOrTeam() {
        const auto session = signIn(QStringLiteral("member@demo.test"));
        QVERIFY(session);
        MainWindow window(*session);
        const QList<Page> pages = window.navigationPages();
        QVERIFY(!pages.contains(Page::ApiKeys));
        QVERIFY(!pages.contains(Page::Team));
        QVERIFY(pages.contains(Page::Analytics));
        QVERIFY(pages.contains(Page::Customers));
    }

    void showPage_memberReachingApiKeysIsToldWhomToAsk() {
        const auto session = signIn(QStringLiteral("member@demo.test"));
        QVERIFY(session);
        MainWindow window(*session);
        window.showPage(Page::ApiKeys);
        const auto *message = window.findChild<QLabel *>(QStringLiteral("accessDeniedMessage"));
        QVERIFY(message);
        QCOMPARE(message->text(), QStringLiteral("You don't have access to API keys. Ask Maya Lindqvist "
                                                 "(owner@demo.test) to grant settings access."));
        QVERIFY(message->isVisibleTo(&window));
    }

    void signIn_wrongPasswordKeepsTheDialogOpenWithWhatWasTyped() {
        QNetworkAccessManager network;
        SignInFlow flow(&network);
        SignInDialog dialog(&flow);
        dialog.setGatewayAddress(m_gateway.baseUrl().toString());
        dialog.setEmail(QStringLiteral("owner@demo.test"));
        dialog.setPassword(QStringLiteral("wrong"));
        dialog.show();
        QSignalSpy failed(&flow, &SignInFlow::failed);
        dialog.accept();
        QVERIFY(failed.wait(10000));
        QVERIFY(dialog.isVisible());
        const auto *error = dialog.findChild<QLabel *>(QStringLiteral("signInError"));
        QCOMPARE(error->text(), QStringLiteral("Wrong email or password."));
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("email"))->text(),
                 QStringLiteral("owner@demo.test"));
    }

    void signIn_unreachableGatewaySaysCheckTheAddress() {
        QNetworkAccessManager network;
        SignInFlow flow(&network);
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
        QNetworkAccessManager network;
        SignInFlow flow(&network);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        flow.signIn(QStringLiteral("http://gateway.invalid"), QStringLiteral("owner@demo.test"),
                    QStringLiteral("x"), false);
        QVERIFY(failed.count() == 1 || failed.wait(5000));
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("https://")));
    }

private:
    std::optional<SignedInSession> signIn(const QString &email) {
        QNetworkAccessManager network;
        SignInFlow flow(&network);
        SignInDialog dialog(&flow);
        dialog.setGatewayAddress(m_gateway.baseUrl().toString());
        dialog.setEmail(email);
        dialog.setPassword(QStringLiteral("knotie-demo"));
        dialog.show();
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.accept();
        if (!accepted.wait(10000))
            return std::nullopt;
        return dialog.session();
    }

    GatewayProcess m_gateway;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
