#include "models/items/keytablemodel.h"
#include "models/keys/keystore.h"
#include "models/workspace/workspace.h"
#include "tests/portal/apikeyspagefixture.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/portalfixture.h"
#include "tests/support/screenshots.h"
#include "ui/keys/createkeydialog.h"
#include "ui/keys/revokekeydialog.h"
#include "ui/keys/rotatekeydialog.h"
#include "ui/keys/secretrevealdialog.h"
#include "ui/keys/testkeydialog.h"
#include "ui/pages/apikeyspage.h"
#include "ui/shell/commandpalette.h"

#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace knotie;
using namespace knotie::test;

namespace {
// The first line of the highlighted entry, as a person reads it.
QString highlighted(const CommandPalette &palette) {
    const auto *list = palette.findChild<QListWidget *>(QStringLiteral("commandResults"));
    return list && list->currentItem() ? list->currentItem()->text().section(QLatin1Char('\n'), 0, 0)
                                       : QString();
}
} // namespace

// The palette acts: "rotate …", "revoke …", "create read-only key" and "test a key" run the
// API Keys page's own commands and flows against the real gateway, not just open a page.
class TestCommandPalette : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareKeysPageTests();
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
    }

    void rotateKeyName_opensRotateForThatKeyAndRotatesIt() {
        const CreatedKey key = createReadOnlyKey(m_gateway, m_owner, QStringLiteral("Palette Rotation"));
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready(key.id));
        MainWindow &window = portal.showWindow(Page::Overview);
        auto *palette = new CommandPalette(portal.context(), &window);
        palette->open();
        palette->setQuery(QStringLiteral("rotate palette rot"));
        QCOMPARE(highlighted(*palette), QStringLiteral("Rotate Palette Rotation…"));
        QVERIFY(grabForDocs(palette, QStringLiteral("palette-rotate")));
        palette->chooseFirst();

        QCOMPARE(window.currentPage(), Page::ApiKeys);
        auto *page = window.findChild<ApiKeysPage *>();
        QPointer<RotateKeyDialog> dialog;
        QVERIFY(QTest::qWaitFor([&] { return (dialog = page->findChild<RotateKeyDialog *>()); }, 5000));
        dialog->accept();
        QPointer<SecretRevealDialog> reveal;
        QVERIFY(QTest::qWaitFor([&] { return (reveal = page->findChild<SecretRevealDialog *>()); }, 10000));
        reveal->reject();
        KeyTableModel *model = portal.workspace.keyModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->keyAt(model->rowOf(key.id)).status, KeyStatus::Expiring, 5000);
    }

    void revokeKeyName_opensRevokeForThatKeyAndRevokesIt() {
        const CreatedKey key = createReadOnlyKey(m_gateway, m_owner, QStringLiteral("Palette Revocation"));
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready(key.id));
        MainWindow &window = portal.showWindow(Page::Customers);
        auto *palette = new CommandPalette(portal.context(), &window);
        palette->open();
        palette->setQuery(QStringLiteral("revoke palette revocation"));
        QCOMPARE(highlighted(*palette), QStringLiteral("Revoke Palette Revocation…"));
        palette->chooseFirst();

        auto *page = window.findChild<ApiKeysPage *>();
        QVERIFY(page);
        QPointer<RevokeKeyDialog> dialog;
        QVERIFY(QTest::qWaitFor([&] { return (dialog = page->findChild<RevokeKeyDialog *>()); }, 5000));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("revokeMessage"))
                    ->text()
                    .contains(QStringLiteral("Palette Revocation")));
        QSignalSpy finished(page, &ApiKeysPage::batchFinished);
        dialog->accept();
        QVERIFY(finished.wait(10000));
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", key.secret}}).status, 401);
    }

    void rotate_offersOnlyKeysThatMayBeRotated() {
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready());
        MainWindow &window = portal.showWindow(Page::Overview);
        CommandPalette palette(portal.context(), &window);
        palette.setQuery(QStringLiteral("rotate"));
        const auto *list = palette.findChild<QListWidget *>(QStringLiteral("commandResults"));
        int shown = 0;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->isHidden())
                continue;
            ++shown;
            QVERIFY2(list->item(i)->text().startsWith(QStringLiteral("Rotate ")),
                     qPrintable(list->item(i)->text()));
        }
        // Active keys only: an expiring one (already rotated) or a retired one is not offered.
        int active = 0;
        for (const ApiKey &k : portal.workspace.keyStore()->keys())
            active += k.status == KeyStatus::Active ? 1 : 0;
        QVERIFY(active > 0);
        QCOMPARE(shown, active);
        palette.setQuery(QString());
        QVERIFY(!highlighted(palette).startsWith(QStringLiteral("Rotate ")));
    }

    void createReadOnlyKey_opensCreateWithThatType_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("type");
        QTest::newRow("read-only") << QStringLiteral("create read-only key") << int(KeyType::ReadOnly);
        QTest::newRow("webhook") << QStringLiteral("create webhook") << int(KeyType::Webhook);
    }

    void createReadOnlyKey_opensCreateWithThatType() {
        QFETCH(QString, query);
        QFETCH(int, type);
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready());
        MainWindow &window = portal.showWindow(Page::Overview);
        auto *palette = new CommandPalette(portal.context(), &window);
        palette->open();
        palette->setQuery(query);
        QVERIFY(highlighted(*palette).startsWith(QStringLiteral("Create ")));
        palette->chooseFirst();
        QPointer<CreateKeyDialog> dialog;
        QVERIFY(QTest::qWaitFor([&] { return (dialog = window.findChild<CreateKeyDialog *>()); }, 5000));
        QCOMPARE(int(dialog->request().type), type);
        dialog->reject();
    }

    void testAKey_opensTestAKey() {
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready());
        MainWindow &window = portal.showWindow(Page::Overview);
        auto *palette = new CommandPalette(portal.context(), &window);
        palette->open();
        palette->setQuery(QStringLiteral("test a key"));
        QCOMPARE(highlighted(*palette), QStringLiteral("Test a Key…"));
        palette->chooseFirst();
        QPointer<TestKeyDialog> dialog;
        QVERIFY(QTest::qWaitFor([&] { return (dialog = window.findChild<TestKeyDialog *>()); }, 5000));
        QVERIFY(dialog->isVisible());
        dialog->close();
    }

private:
    GatewayProcess m_gateway;
    QByteArray m_owner;
};

QTEST_MAIN(TestCommandPalette)
#include "tst_commandpalette.moc"
