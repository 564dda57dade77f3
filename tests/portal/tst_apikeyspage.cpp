#include "testconfig.h"

#include "models/items/keyfilterproxy.h"
#include "models/sync/synccontroller.h"
#include "models/workspace/workspace.h"
#include "tests/portal/apikeyspagefixture.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/keyboard.h"
#include "tests/support/screenshots.h"
#include "ui/keys/createkeydialog.h"
#include "ui/keys/keyactions.h"
#include "ui/pages/apikeyspage.h"
#include "ui/pages/navigator.h"
#include "ui/shell/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace knotie;
using namespace knotie::test;

namespace {
// The gateway's database file inside its data folder.
QString gatewayDatabaseName() {
    return QStringLiteral("gateway.sqlite");
}
} // namespace

// The API Keys page as a whole against a real gateway process: its place in the window, an
// account with no keys, and a gateway that goes away.
class TestApiKeysPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareKeysPageTests();
        QVERIFY(m_gateway.start());
    }

    void showUsage_opensAnalyticsForTheKey() {
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready());
        MainWindow &window = portal.showWindow(Page::ApiKeys);
        auto *page = window.findChild<ApiKeysPage *>();
        QVERIFY(page);
        const QString id = portal.workspace.keyModel()->keyFromIndex(page->proxy()->index(0, 0));
        page->selectKeys({id});
        QSignalSpy shown(&portal.navigator, &Navigator::keyUsageRequested);
        page->actions()->usage->trigger();
        QCOMPARE(shown.count(), 1);
        QCOMPARE(shown.at(0).at(0).toString(), id);
        QCOMPARE(window.currentPage(), Page::Analytics);
    }

    // Issue 14, item 1: after sign-in the keyboard is in the key search, never on Sign Out (a
    // space there signed out), and the page's shortcuts work wherever focus is.
    void signIn_focusIsInTheKeySearchAndShortcutsWorkAnywhere() {
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready());
        MainWindow &window = portal.showWindow(Page::ApiKeys);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *search = window.findChild<QLineEdit *>(QStringLiteral("keySearch"));
        QCOMPARE(QApplication::focusWidget(), search);
        QSignalSpy signedOut(&window, &MainWindow::signOutRequested);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("N8N Production"));
        QCOMPARE(signedOut.count(), 0);
        QCOMPARE(search->text(), QStringLiteral("N8N Production"));
        search->clear();

        auto *signOut = window.findChild<QPushButton *>(QStringLiteral("signOutButton"));
        QCOMPARE(signOut->focusPolicy(), Qt::TabFocus); // a click signs out; it does not park focus there
        QVERIFY(!signOut->autoDefault() && !signOut->isDefault());

        auto *navigation = window.findChild<QWidget *>(QStringLiteral("navigation"));
        navigation->setFocus();
        QTest::keyClick(navigation, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), search);
        signOut->setFocus();
        QTest::keyClick(signOut, Qt::Key_N, Qt::ControlModifier);
        QPointer<CreateKeyDialog> create;
        QTRY_VERIFY((create = window.findChild<CreateKeyDialog *>()));
        create->reject();

        // Going to another page from inside this one lands in that page, not on the header.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), Page::Overview);
        QVERIFY(QApplication::focusWidget() != signOut);
    }

    // Every control shows where focus is: nothing in the portal's style sheet takes the ring away.
    void focus_everyControlShowsItHasFocus() {
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready());
        MainWindow &window = portal.showWindow(Page::ApiKeys);
        QFile style(QStringLiteral(KNOTIE_SOURCE_DIR "/resources/style/portal.qss"));
        QVERIFY(style.open(QIODevice::ReadOnly));
        const QString sheet = QString::fromUtf8(style.readAll());
        QVERIFY2(!sheet.contains(QStringLiteral("outline")),
                 "the style sheet must not remove focus outlines");
        window.setStyleSheet(sheet);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *navigation = window.findChild<QWidget *>(QStringLiteral("navigation"));
        for (const QString &name : {QStringLiteral("signOutButton"), QStringLiteral("createKeyButton"),
                                    QStringLiteral("typeFilter"), QStringLiteral("keySearch")}) {
            auto *control = window.findChild<QWidget *>(name);
            QVERIFY2(control, qPrintable(name));
            navigation->setFocus();
            const QImage without = control->grab().toImage();
            // Reached as a person does: Tab from the control before it, or Shift+Tab from the one after.
            const auto reachable = [](QWidget *w) {
                return (w->focusPolicy() & Qt::TabFocus) && w->isVisible() && w->isEnabled();
            };
            QWidget *before = control->previousInFocusChain();
            while (!reachable(before))
                before = before->previousInFocusChain();
            before->setFocus();
            QTest::keyClick(before, Qt::Key_Tab);
            if (!control->hasFocus()) {
                QWidget *after = control->nextInFocusChain();
                while (!reachable(after))
                    after = after->nextInFocusChain();
                after->setFocus();
                QTest::keyClick(after, Qt::Key_Backtab, Qt::ShiftModifier);
            }
            QVERIFY2(control->hasFocus(), qPrintable(name));
            const QImage with = control->grab().toImage();
            if (const QString dir = qEnvironmentVariable("KNOTIE_FOCUS_SHOTS"); !dir.isEmpty())
                with.save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
            QVERIFY2(with != without, qPrintable(name + QStringLiteral(" looks the same with focus")));
        }
    }

    // Issue 14, item 9: a message appears without moving the table under the pointer.
    void message_appearsWithoutMovingTheTable() {
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready());
        MainWindow &window = portal.showWindow(Page::ApiKeys);
        auto *page = window.findChild<ApiKeysPage *>();
        QCoreApplication::processEvents();
        const int top = page->table()->mapTo(page, QPoint(0, 0)).y();
        page->selectKeys({portal.workspace.keyModel()->keyFromIndex(page->proxy()->index(0, 0))});
        page->actions()->copyId->trigger();
        auto *message = window.findChild<QLabel *>(QStringLiteral("pageMessage"));
        QVERIFY(message->text().startsWith(QStringLiteral("Copied the key id")));
        QCoreApplication::processEvents();
        QCOMPARE(page->table()->mapTo(page, QPoint(0, 0)).y(), top);
    }

    void emptyAccount_explainsTheFourTypesAndOffersCreate() {
        // Other Agency, with its one demo key taken out of the gateway's database.
        QTemporaryDir data;
        GatewayProcess::Options options;
        options.dataDirectory = data.path();
        {
            GatewayProcess seeding(options);
            QVERIFY(seeding.start());
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("empty"));
            db.setDatabaseName(QDir(data.path()).filePath(gatewayDatabaseName()));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("DELETE FROM api_keys WHERE partner_id = 'ptr_other'")),
                     qPrintable(q.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("empty"));
        GatewayProcess gateway(options);
        QVERIFY(gateway.start());
        KeysPageFixture f(gateway, QStringLiteral("other@demo.test"));
        QVERIFY(f.signedIn());
        auto *stack = f.page->findChild<QStackedWidget *>();
        QTRY_COMPARE_WITH_TIMEOUT(stack->currentWidget()->objectName(), QStringLiteral("emptyScroll"), 10000);
        QVERIFY(f.page->findChild<QWidget *>(QStringLiteral("emptyState"))->isVisible());
        for (KeyType t : allKeyTypes)
            QVERIFY(f.page->findChild<QLabel *>(QStringLiteral("emptyType_") + keyTypeWireName(t)));
        f.page->findChild<QWidget *>(QStringLiteral("emptyCreateButton"))->setFocus();
        QTest::keyClick(f.page->findChild<QWidget *>(QStringLiteral("emptyCreateButton")), Qt::Key_Space);
        auto *dialog = f.page->findChild<CreateKeyDialog *>();
        QVERIFY(dialog);
        dialog->reject();
        f.page->resize(1000, 640);
        grabForDocs(f.page, QStringLiteral("api-keys-empty"));
    }

    void offline_tableStaysAndWritesAreRefusedWithTheReason() {
        GatewayProcess gateway;
        QVERIFY(gateway.start());
        KeysPageFixture f(gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready());
        f.workspace.sync()->setReconnectDelays(60000, 60000);
        gateway.stop();
        f.workspace.sync()->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(f.workspace.connectionState()->isOffline(), 15000);
        QVERIFY(f.page->findChild<QLabel *>(QStringLiteral("offlineBanner"))->isVisible());
        QVERIFY(f.page->proxy()->rowCount() > 0);
        QVERIFY(!f.page->actions()->create->isEnabled());
        f.page->selectKeys({f.workspace.keyModel()->keyFromIndex(f.page->proxy()->index(0, 0))});
        QVERIFY(!f.page->actions()->rotate->isEnabled());
        QVERIFY(f.page->actions()->copyId->isEnabled()); // reading still works
        f.page->resize(1100, 640);
        grabForDocs(f.page, QStringLiteral("api-keys-offline"));
    }

private:
    GatewayProcess m_gateway;
};

QTEST_MAIN(TestApiKeysPage)
#include "tst_apikeyspage.moc"
