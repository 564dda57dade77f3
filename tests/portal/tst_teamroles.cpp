#include "models/items/listmodels.h"
#include "models/keys/keystore.h"
#include "models/workspace/workspace.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/portalfixture.h"
#include "tests/support/screenshots.h"
#include "ui/pages/teampage.h"
#include "ui/team/memberleavesdialog.h"

#include <QAction>
#include <QApplication>
#include <QJsonObject>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace knotie;
using namespace knotie::test;

namespace {
const QString priya = QStringLiteral("usr_priya");

int rowOf(const TeamPage &page, const QString &userId) {
    for (int r = 0; r < page.table()->rowCount(); ++r)
        if (page.table()->item(r, 0)->data(Qt::UserRole + 1).toString() == userId)
            return r;
    return -1;
}

// The question that is open now (an answered one may linger until its deferred delete).
QMessageBox *openQuestion(const QWidget *page, const QString &name) {
    for (QMessageBox *box : page->findChildren<QMessageBox *>(name))
        if (box->isVisible())
            return box;
    return nullptr;
}

QAction *findAction(QMenu *menu, const QString &name) {
    return menu->findChild<QAction *>(name);
}

// The page with its menu open on top, as a person sees it (the menu is a window of its own).
bool grabWithMenu(QWidget *page, QMenu *menu, QMenu *submenu, const QString &name) {
    QPixmap shot = page->grab();
    QPainter painter(&shot);
    for (QMenu *m : {menu, submenu})
        painter.drawPixmap(page->mapFromGlobal(m->pos()), m->grab());
    painter.end();
    const QString dir = qEnvironmentVariable("KNOTIE_SCREENSHOT_DIR");
    return dir.isEmpty() || shot.save(QDir(dir).filePath(name + QStringLiteral(".png")));
}
} // namespace

// The owner changes a person's role and removes people from the Team page (API.md v1.1
// "Sessions and people"), against a real gateway: what the page does is what the gateway
// then allows the person.
class TestTeamRoles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        m_member = m_gateway.signIn(QStringLiteral("member@demo.test"));
        QVERIFY(!m_member.isEmpty());
    }

    void role_promotedFromTheMenuAfterAWarning_theMembersNextRequestSeesIt() {
        PortalFixture owner(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(owner.ready());
        TeamPage page(owner.context());
        page.resize(960, 360);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(page, priya) >= 0, 10000);
        QCOMPARE(m_gateway.get(QStringLiteral("/v1/team"), GatewayProcess::bearer(m_member)).status, 403);

        // The context menu of the row: Role ▸ Admin / Member, Remove, A Member Leaves.
        page.table()->setCurrentCell(rowOf(page, priya), 0);
        QMenu *menu = page.memberMenu(priya);
        QAction *admin = findAction(menu, QStringLiteral("role_admin"));
        QAction *member = findAction(menu, QStringLiteral("role_member"));
        QVERIFY(admin && member && member->isChecked() && !admin->isChecked());
        QVERIFY(findAction(menu, QStringLiteral("removeMemberAction"))->isEnabled());
        auto *roles = menu->findChild<QMenu *>(QStringLiteral("roleMenu"));
        const QRect cell = page.table()->visualItemRect(page.table()->item(rowOf(page, priya), 2));
        menu->popup(page.table()->viewport()->mapToGlobal(cell.center()));
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        menu->setActiveAction(roles->menuAction());
        roles->popup(menu->pos() +
                     QPoint(menu->width() - 4, menu->actionGeometry(roles->menuAction()).top()));
        QVERIFY(QTest::qWaitForWindowExposed(roles));
        QVERIFY(grabWithMenu(&page, menu, roles, QStringLiteral("team-role-menu")));
        roles->hide();
        menu->hide();

        // Admin reaches every key: it asks first, and Cancel changes nothing.
        admin->trigger();
        auto *question = openQuestion(&page, QStringLiteral("changeRoleQuestion"));
        QVERIFY(question);
        QVERIFY2(question->text().contains(QStringLiteral("Partner keys")), qPrintable(question->text()));
        QVERIFY(grabForDocs(question, QStringLiteral("team-make-admin")));
        question->button(QMessageBox::Cancel)->click();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCOMPARE(m_gateway.get(QStringLiteral("/v1/team"), GatewayProcess::bearer(m_member)).status, 403);

        QSignalSpy changed(&page, &TeamPage::memberChanged);
        admin->trigger();
        question = openQuestion(&page, QStringLiteral("changeRoleQuestion"));
        QVERIFY(question);
        question->findChild<QPushButton *>(QStringLiteral("changeRoleButton"))->click();
        QVERIFY(changed.wait(10000));
        QVERIFY2(changed.at(0).at(0).toBool(), qPrintable(changed.at(0).at(1).toString()));
        // The member's very next request has the admin's reach; the table says admin.
        QCOMPARE(m_gateway.get(QStringLiteral("/v1/team"), GatewayProcess::bearer(m_member)).status, 200);
        QCOMPARE(page.table()->item(rowOf(page, priya), TeamModel::Role)->text(),
                 owner.workspace.teamModel()
                     ->index(owner.workspace.teamModel()->rowOf(priya), TeamModel::Role)
                     .data()
                     .toString());
        QCOMPARE(owner.workspace.teamModel()->memberAt(owner.workspace.teamModel()->rowOf(priya)).role,
                 QStringLiteral("admin"));

        // And back: a member again, with no permissions until some are ticked.
        delete menu;
        menu = page.memberMenu(priya);
        QVERIFY(findAction(menu, QStringLiteral("role_admin"))->isChecked());
        findAction(menu, QStringLiteral("role_member"))->trigger();
        question = openQuestion(&page, QStringLiteral("changeRoleQuestion"));
        QVERIFY(question);
        question->findChild<QPushButton *>(QStringLiteral("changeRoleButton"))->click();
        QVERIFY(changed.wait(10000));
        QVERIFY(changed.at(1).at(0).toBool());
        QCOMPARE(m_gateway.get(QStringLiteral("/v1/team"), GatewayProcess::bearer(m_member)).status, 403);
        delete menu;

        // The owner's own row offers nothing to change.
        menu = page.memberMenu(owner.workspace.teamModel()->memberAt(0).id);
        QVERIFY(!findAction(menu, QStringLiteral("removeMemberAction"))->isEnabled());
        QVERIFY(!menu->findChild<QMenu *>(QStringLiteral("roleMenu"))->isEnabled());
        delete menu;
    }

    void remove_aPersonWithoutKeys_deleteAsksOnceAndTheirSessionEnds() {
        PortalFixture owner(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(owner.ready());
        for (const ApiKey &k : owner.workspace.keyStore()->keys())
            QVERIFY2(k.isRetired() || (k.createdBy.id != priya && custodianOf(k).id != priya),
                     qPrintable(k.id));
        TeamPage page(owner.context());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(page, priya) >= 0, 10000);
        QCOMPARE(m_gateway.get(QStringLiteral("/v1/me"), GatewayProcess::bearer(m_member)).status, 200);

        // Delete on the table: a direct question, no member-leaves flow (no keys to deal with).
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        page.table()->setFocus();
        page.table()->setCurrentCell(rowOf(page, priya), 0);
        QSignalSpy changed(&page, &TeamPage::memberChanged);
        QTest::keyClick(page.table(), Qt::Key_Delete);
        QVERIFY(!page.findChild<MemberLeavesDialog *>());
        auto *question = openQuestion(&page, QStringLiteral("removeMemberQuestion"));
        QVERIFY(question);
        question->findChild<QPushButton *>(QStringLiteral("removeMemberButton"))->click();
        QVERIFY(changed.wait(10000));
        QVERIFY2(changed.at(0).at(0).toBool(), qPrintable(changed.at(0).at(1).toString()));
        QCOMPARE(m_gateway.get(QStringLiteral("/v1/me"), GatewayProcess::bearer(m_member)).status, 401);
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(page, priya), -1, 10000);
        const HttpReply team =
            m_gateway.get(QStringLiteral("/v1/team"),
                          GatewayProcess::bearer(m_gateway.signIn(QStringLiteral("owner@demo.test"))));
        QVERIFY(!team.body.contains(priya.toUtf8()));
    }

    void remove_aPersonWithWorkingKeys_goesThroughMemberLeaves() {
        const QString jonas = QStringLiteral("usr_jonas");
        const HttpReply made =
            m_gateway.postJson(QStringLiteral("/v1/keys"),
                               {{QStringLiteral("name"), QStringLiteral("Jonas's key")},
                                {QStringLiteral("type"), QStringLiteral("read_only")}},
                               GatewayProcess::bearer(m_gateway.signIn(QStringLiteral("admin@demo.test"))));
        QCOMPARE(made.status, 201);
        const QString keyId =
            made.json().value(QStringLiteral("key")).toObject().value(QStringLiteral("id")).toString();
        PortalFixture owner(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(owner.ready(keyId));
        TeamPage page(owner.context());
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(page, jonas) >= 0, 10000);
        page.removeMember(jonas);
        QVERIFY(!openQuestion(&page, QStringLiteral("removeMemberQuestion")));
        auto *leaves = page.findChild<MemberLeavesDialog *>();
        QVERIFY(leaves);
        bool listed = false;
        for (const ApiKey &k : leaves->keys())
            listed = listed || k.id == keyId;
        QVERIFY(listed);
    }

private:
    GatewayProcess m_gateway;
    QByteArray m_member;
};

QTEST_MAIN(TestTeamRoles)
#include "tst_teamroles.moc"
