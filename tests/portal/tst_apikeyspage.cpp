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
#include <QLabel>
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
