#include "models/items/keytablemodel.h"
#include "models/items/listmodels.h"
#include "models/keys/keystore.h"
#include "models/sync/synccontroller.h"
#include "models/workspace/workspace.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/portalfixture.h"
#include "tests/support/portaltranslation.h"
#include "tests/support/screenshots.h"
#include "ui/keys/secretrevealdialog.h"
#include "ui/pages/apikeyspage.h"
#include "ui/pages/teampage.h"
#include "ui/shell/mainwindow.h"
#include "ui/team/memberleavesdialog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace knotie;
using namespace knotie::test;

namespace {
bool discard(QWidget *) {
    return true;
}
} // namespace

// Team against a real gateway: the owner's checkboxes change what the gateway allows,
// an open portal of the member follows, and the member-leaves flow reaches every key.
class TestTeamPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        installPortalTranslation();
        setConfirmDiscardFunction(discard);
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        m_admin = m_gateway.signIn(QStringLiteral("admin@demo.test"));
        QVERIFY(!m_owner.isEmpty() && !m_admin.isEmpty());
    }

    void grant_tickingABoxAppliesAtOnceAndTheMembersOpenPortalFollows() {
        PortalFixture owner(m_gateway, QStringLiteral("owner@demo.test"));
        PortalFixture member(m_gateway, QStringLiteral("member@demo.test"));
        QVERIFY(owner.ready() && member.ready());
        TeamPage page(owner.context());
        QTRY_COMPARE_WITH_TIMEOUT(page.table()->rowCount(), 3, 10000);
        MainWindow window(member.context());
        QVERIFY(!window.navigationPages().contains(Page::ApiKeys));
        window.showPage(Page::ApiKeys);
        QCOMPARE(
            window.findChild<QLabel *>(QStringLiteral("accessDeniedMessage"))->text(),
            QStringLiteral("You don't have access to API keys. Ask Maya Lindqvist (owner@demo.test) to grant "
                           "settings access."));
        window.resize(1000, 600);
        QVERIFY(grabForDocs(&window, QStringLiteral("api-keys-member-denied")));

        page.resize(900, 360);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        // A column the person widened, and where the table starts: neither moves after the change.
        page.table()->setColumnWidth(TeamModel::Email, 333);
        const int tableTop = page.table()->y();

        QSignalSpy applied(&page, &TeamPage::permissionsApplied);
        QTableWidgetItem *box = settingsBox(page, QStringLiteral("usr_priya"));
        QVERIFY(box && (box->flags() & Qt::ItemIsUserCheckable));
        QCOMPARE(box->checkState(), Qt::Unchecked);
        // Settings reaches everyone's keys: the grant asks first, and Cancel leaves it off.
        box->setCheckState(Qt::Checked);
        auto *question = page.findChild<QMessageBox *>(QStringLiteral("grantSettingsQuestion"));
        QVERIFY(question);
        QVERIFY2(question->text().contains(QStringLiteral("Partner keys")) &&
                     question->text().contains(QStringLiteral("revoke anyone's keys")),
                 qPrintable(question->text()));
        QVERIFY(grabForDocs(question, QStringLiteral("team-grant-settings")));
        question->button(QMessageBox::Cancel)->click();
        QCOMPARE(settingsBox(page, QStringLiteral("usr_priya"))->checkState(), Qt::Unchecked);
        QCOMPARE(applied.count(), 0);
        QVERIFY(!memberPermissions(QStringLiteral("usr_priya")).contains(QStringLiteral("settings.manage")));

        settingsBox(page, QStringLiteral("usr_priya"))->setCheckState(Qt::Checked);
        question = page.findChild<QMessageBox *>(QStringLiteral("grantSettingsQuestion"));
        QVERIFY(question);
        question->findChild<QPushButton *>(QStringLiteral("grantSettingsButton"))->click();
        QVERIFY(applied.wait(10000));
        QCOMPARE(page.table()->columnWidth(TeamModel::Email), 333);
        QVERIFY(!page.findChild<QLabel *>(QStringLiteral("teamMessage"))->text().isEmpty());
        QCOMPARE(page.table()->y(), tableTop);
        QCOMPARE(applied.at(0).at(0).toBool(), true);
        QVERIFY(memberPermissions(QStringLiteral("usr_priya")).contains(QStringLiteral("settings.manage")));
        // Nothing else was lost on the way.
        QVERIFY(memberPermissions(QStringLiteral("usr_priya")).contains(QStringLiteral("analytics.view")));

        member.workspace.sync()->syncNow();
        QVERIFY(QTest::qWaitFor([&] { return window.navigationPages().contains(Page::ApiKeys); }, 20000));
        window.showPage(Page::ApiKeys);
        QVERIFY(window.findChild<ApiKeysPage *>());
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("accessDeniedMessage")));

        settingsBox(page, QStringLiteral("usr_priya"))->setCheckState(Qt::Unchecked);
        QVERIFY(applied.wait(10000));
        QVERIFY(!memberPermissions(QStringLiteral("usr_priya")).contains(QStringLiteral("settings.manage")));
        member.workspace.sync()->syncNow();
        QVERIFY(QTest::qWaitFor([&] { return !window.navigationPages().contains(Page::ApiKeys); }, 20000));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("accessDeniedMessage")));
        QVERIFY(!window.findChild<ApiKeysPage *>());
        page.hide(); // the docs show the page as before: fitted widths, not the test's
        page.table()->resizeColumnsToContents();
        page.resize(900, 360);
        grabForDocs(&page, QStringLiteral("team-owner"));
    }

    void admin_seesPermissionsButCannotChangeThem() {
        PortalFixture admin(m_gateway, QStringLiteral("admin@demo.test"));
        QVERIFY(admin.ready());
        TeamPage page(admin.context());
        QTRY_COMPARE_WITH_TIMEOUT(page.table()->rowCount(), 3, 10000);
        QTableWidgetItem *box = settingsBox(page, QStringLiteral("usr_priya"));
        QVERIFY(!(box->flags() & Qt::ItemIsUserCheckable));
        QVERIFY(!(box->flags() & Qt::ItemIsEnabled));
    }

    void memberLeaves_rotateReachesEveryKeyTheyCreatedAndShowsEachSecret() {
        const QByteArray a = createKey(m_admin, QStringLiteral("Jonas rotate A"));
        const QByteArray b = createKey(m_admin, QStringLiteral("Jonas rotate B"));
        PortalFixture owner(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(owner.ready());
        QTRY_VERIFY_WITH_TIMEOUT(hasKeyNamed(owner, QStringLiteral("Jonas rotate A")) &&
                                     hasKeyNamed(owner, QStringLiteral("Jonas rotate B")),
                                 10000);
        TeamPage page(owner.context());
        page.openMemberLeaves(QStringLiteral("usr_jonas"));
        auto *dialog = page.findChild<MemberLeavesDialog *>();
        QVERIFY(dialog);
        dialog->findChild<QRadioButton *>(QStringLiteral("choiceRotate"))->click();
        dialog->setGraceSeconds(0);
        dialog->setRemoveFromTeam(false);
        QList<ApiKey> keys = dialog->keys();
        QVERIFY(keys.size() >= 2);
        for (const ApiKey &k : keys)
            QVERIFY(k.createdBy.id == QLatin1String("usr_jonas") ||
                    custodianOf(k).id == QLatin1String("usr_jonas"));
        // Only the active ones can be rotated; any in grace are revoked by default.
        keys.removeIf([&](const ApiKey &k) { return dialog->choiceFor(k.id) != MemberLeavesDialog::Rotate; });
        grabForDocs(dialog, QStringLiteral("member-leaves-dialog"));
        QSignalSpy done(dialog, &MemberLeavesDialog::completed);
        dialog->start();
        QVERIFY(done.wait(30000));
        QVERIFY2(dialog->summary().startsWith(QStringLiteral("%1 keys rotated.").arg(keys.size())),
                 qPrintable(dialog->summary()));
        const QList<SecretRevealDialog *> reveals = dialog->findChildren<SecretRevealDialog *>();
        QCOMPARE(reveals.size(), keys.size());
        const QByteArray fresh =
            reveals.first()->findChild<QLineEdit *>(QStringLiteral("secret"))->text().toLatin1();
        QCOMPARE(whoami(fresh), 200);
        QCOMPARE(whoami(a), 401);
        QCOMPARE(whoami(b), 401);
        for (SecretRevealDialog *reveal : reveals)
            reveal->reject();
    }

    void memberLeaves_revokeStopsEveryKeyTheyCreated() {
        const QByteArray a = createKey(m_admin, QStringLiteral("Jonas revoke A"));
        PortalFixture owner(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(owner.ready());
        QTRY_VERIFY_WITH_TIMEOUT(hasKeyNamed(owner, QStringLiteral("Jonas revoke A")), 10000);
        MemberLeavesDialog dialog(owner.context());
        dialog.setMember(QStringLiteral("usr_jonas"));
        dialog.findChild<QRadioButton *>(QStringLiteral("choiceRevoke"))->click();
        dialog.setRemoveFromTeam(false);
        const qsizetype n = dialog.keys().size();
        QVERIFY(n >= 1);
        QSignalSpy done(&dialog, &MemberLeavesDialog::completed);
        dialog.start();
        QVERIFY(done.wait(30000));
        QCOMPARE(dialog.summary(),
                 n == 1 ? QStringLiteral("1 key revoked.") : QStringLiteral("%1 keys revoked.").arg(n));
        QCOMPARE(whoami(a), 401);
        const HttpReply listed = m_gateway.get(QStringLiteral("/v1/keys"), GatewayProcess::bearer(m_owner));
        for (const QJsonValue &v : listed.json().value(QStringLiteral("keys")).toArray()) {
            const QJsonObject k = v.toObject();
            if (k.value(QStringLiteral("created_by")).toObject().value(QStringLiteral("id")).toString() ==
                QLatin1String("usr_jonas"))
                QVERIFY2(k.value(QStringLiteral("status")).toString() != QLatin1String("active"),
                         qPrintable(k.value(QStringLiteral("name")).toString()));
        }
    }

    // Issue 14 item 6: each key its own fate, one confirmation naming all of it, then the
    // person leaves the team and their session ends at once.
    void memberLeaves_perKeyChoices_confirmedOnce_thenThePersonIsRemoved() {
        QCOMPARE(m_gateway
                     .request("PATCH", QStringLiteral("/v1/team/usr_priya"),
                              R"({"permissions":["settings.manage","analytics.view"]})",
                              GatewayProcess::bearer(m_owner) +
                                  QList<QPair<QByteArray, QByteArray>>{{"Content-Type", "application/json"}})
                     .status,
                 200);
        const QByteArray priya = m_gateway.signIn(QStringLiteral("member@demo.test"));
        const QByteArray rotated = createKey(priya, QStringLiteral("Priya rotate"));
        const QByteArray handed = createKey(priya, QStringLiteral("Priya hand over"));
        const QByteArray inGrace = createKey(priya, QStringLiteral("Priya grace"));
        const QString graceId = keyIdNamed(QStringLiteral("Priya grace"));
        const HttpReply rotation =
            m_gateway.request("POST", QStringLiteral("/v1/keys/") + graceId + QStringLiteral("/rotate"),
                              R"({"grace_seconds":3600})",
                              GatewayProcess::bearer(priya) +
                                  QList<QPair<QByteArray, QByteArray>>{{"Content-Type", "application/json"}});
        QCOMPARE(rotation.status, 201);
        const QByteArray successor = rotation.json().value(QStringLiteral("secret")).toString().toLatin1();
        QCOMPARE(whoami(inGrace), 200);

        PortalFixture owner(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(owner.ready());
        QTRY_VERIFY_WITH_TIMEOUT(hasKeyNamed(owner, QStringLiteral("Priya grace")), 10000);
        MemberLeavesDialog dialog(owner.context());
        dialog.setMember(QStringLiteral("usr_priya"));
        QList<QString> listed;
        for (const ApiKey &k : dialog.keys())
            listed.append(k.id);
        // The key in grace is listed (it still works), with only revoke or expire offered.
        QVERIFY(listed.contains(graceId));
        dialog.setChoice(graceId, MemberLeavesDialog::Rotate);
        QCOMPARE(dialog.choiceFor(graceId), MemberLeavesDialog::Revoke);
        dialog.setGraceSeconds(0);
        const QString handedId = keyIdNamed(QStringLiteral("Priya hand over"));
        dialog.setChoice(handedId, MemberLeavesDialog::HandOver, QStringLiteral("usr_jonas"));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("custodyWarning"))->isVisibleTo(&dialog));
        const QString successorId = keyIdNamed(QStringLiteral("Priya grace"), /*active=*/true);
        dialog.setChoice(successorId, MemberLeavesDialog::Revoke);

        // One confirmation lists every step, the removal last; nothing has happened yet.
        dialog.run();
        auto *confirm = dialog.findChild<QMessageBox *>(QStringLiteral("confirmLeave"));
        QVERIFY(confirm);
        const QString plan = confirm->informativeText();
        QVERIFY2(plan.contains(QStringLiteral("Hand Priya hand over")) &&
                     plan.contains(QStringLiteral("Jonas Becker")),
                 qPrintable(plan));
        QVERIFY(plan.contains(QStringLiteral("Rotate Priya rotate")));
        QVERIFY(plan.contains(QStringLiteral("Then remove Priya Raman from the team")));
        grabForDocs(&dialog, QStringLiteral("member-leaves-per-key"));
        QCOMPARE(whoami(inGrace), 200);
        QSignalSpy done(&dialog, &MemberLeavesDialog::completed);
        const auto buttons = confirm->buttons();
        for (QAbstractButton *b : buttons)
            if (confirm->buttonRole(b) == QMessageBox::AcceptRole)
                b->click();
        QVERIFY(done.wait(30000));
        QVERIFY2(dialog.summary().contains(QStringLiteral("Priya Raman was removed from the team")),
                 qPrintable(dialog.summary()));
        for (SecretRevealDialog *reveal : dialog.findChildren<SecretRevealDialog *>())
            reveal->reject();

        QCOMPARE(whoami(rotated), 401);
        QCOMPARE(whoami(handed), 200);
        QCOMPARE(whoami(inGrace), 401);
        QCOMPARE(whoami(successor), 401);
        QCOMPARE(m_gateway.get(QStringLiteral("/v1/me"), GatewayProcess::bearer(priya)).status, 401);
        QVERIFY(!memberIds().contains(QStringLiteral("usr_priya")));
        const HttpReply keys = m_gateway.get(QStringLiteral("/v1/keys"), GatewayProcess::bearer(m_owner));
        for (const QJsonValue &v : keys.json().value(QStringLiteral("keys")).toArray())
            if (v.toObject().value(QStringLiteral("id")).toString() == handedId)
                QCOMPARE(
                    v.toObject().value(QStringLiteral("custodian")).toObject().value(QStringLiteral("id")),
                    QJsonValue(QStringLiteral("usr_jonas")));
    }

private:
    QStringList memberIds() const {
        QStringList ids;
        const HttpReply team = m_gateway.get(QStringLiteral("/v1/team"), GatewayProcess::bearer(m_owner));
        for (const QJsonValue &v : team.json().value(QStringLiteral("members")).toArray())
            ids.append(v.toObject().value(QStringLiteral("id")).toString());
        return ids;
    }

    // The newest key of that name (with `active`, the one still active).
    QString keyIdNamed(const QString &name, bool active = false) const {
        const HttpReply keys = m_gateway.get(QStringLiteral("/v1/keys"), GatewayProcess::bearer(m_owner));
        QString id;
        for (const QJsonValue &v : keys.json().value(QStringLiteral("keys")).toArray()) {
            const QJsonObject k = v.toObject();
            if (k.value(QStringLiteral("name")).toString() == name &&
                (!active || k.value(QStringLiteral("status")).toString() == QLatin1String("active")))
                id = k.value(QStringLiteral("id")).toString();
        }
        return id;
    }

    static QTableWidgetItem *settingsBox(TeamPage &page, const QString &userId) {
        QTableWidget *t = page.table();
        for (int r = 0; r < t->rowCount(); ++r)
            for (int c = 0; c < t->columnCount(); ++c)
                if (QTableWidgetItem *item = t->item(r, c);
                    item && item->data(Qt::UserRole + 1).toString() == userId &&
                    t->horizontalHeaderItem(c)->text() ==
                        TeamPage::permissionTitle(Permission::SettingsManage))
                    return item;
        return nullptr;
    }

    QStringList memberPermissions(const QString &userId) const {
        const HttpReply team = m_gateway.get(QStringLiteral("/v1/team"), GatewayProcess::bearer(m_owner));
        for (const QJsonValue &v : team.json().value(QStringLiteral("members")).toArray())
            if (v.toObject().value(QStringLiteral("id")).toString() == userId) {
                QStringList out;
                for (const QJsonValue &p : v.toObject().value(QStringLiteral("permissions")).toArray())
                    out.append(p.toString());
                return out;
            }
        return {};
    }

    static bool hasKeyNamed(PortalFixture &p, const QString &name) {
        for (const ApiKey &k : p.workspace.keyStore()->keys())
            if (k.name == name)
                return true;
        return false;
    }

    QByteArray createKey(const QByteArray &token, const QString &name) const {
        const HttpReply reply = m_gateway.postJson(
            QStringLiteral("/v1/keys"),
            {{QStringLiteral("name"), name}, {QStringLiteral("type"), QStringLiteral("read_only")}},
            GatewayProcess::bearer(token));
        return reply.json().value(QStringLiteral("secret")).toString().toLatin1();
    }

    int whoami(const QByteArray &secret) const {
        return m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", secret}}).status;
    }

    GatewayProcess m_gateway;
    QByteArray m_owner;
    QByteArray m_admin;
};

QTEST_MAIN(TestTeamPage)
#include "tst_teampage.moc"
