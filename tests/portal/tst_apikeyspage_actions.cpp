#include "models/items/keyfilterproxy.h"
#include "models/items/keytablemodel.h"
#include "models/items/listmodels.h"
#include "models/sync/synccontroller.h"
#include "models/workspace/workspace.h"
#include "tests/portal/apikeyspagefixture.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/keyboard.h"
#include "tests/support/screenshots.h"
#include "ui/keys/createkeydialog.h"
#include "ui/keys/editkeydialog.h"
#include "ui/keys/keyactions.h"
#include "ui/keys/keyhistorydialog.h"
#include "ui/keys/keytabledelegate.h"
#include "ui/keys/revokekeydialog.h"
#include "ui/keys/rotatekeydialog.h"
#include "ui/keys/secretrevealdialog.h"
#include "ui/pages/apikeyspage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QHelpEvent>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolTip>

using namespace knotie;
using namespace knotie::test;

// The key manager's actions against a real gateway process: each goes through the page as a
// person would use it, and what the gateway then holds is checked.
class TestApiKeysPageActions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareKeysPageTests();
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
    }

    void create_eachTypeShowsItsSecretOnceAndTheKeyWorks_data() {
        QTest::addColumn<QString>("typeButton");
        QTest::addColumn<int>("typeValue");
        QTest::newRow("read_only") << QStringLiteral("type_read_only") << int(KeyType::ReadOnly);
        QTest::newRow("webhook") << QStringLiteral("type_webhook") << int(KeyType::Webhook);
        QTest::newRow("customer") << QStringLiteral("type_customer") << int(KeyType::Customer);
        QTest::newRow("partner") << QStringLiteral("type_partner") << int(KeyType::Partner);
    }
    void create_eachTypeShowsItsSecretOnceAndTheKeyWorks() {
        QFETCH(QString, typeButton);
        QFETCH(int, typeValue);
        const auto type = KeyType(typeValue);
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready());
        // The customers come with the rest of the cache, after the first screenful of keys.
        QTRY_VERIFY(f.workspace.customerModel()->rowCount() > 0);
        f.page->actions()->create->trigger();
        // The form deletes itself when it closes.
        QPointer<CreateKeyDialog> dialog = f.page->findChild<CreateKeyDialog *>();
        QVERIFY(dialog);
        const QString name = QStringLiteral("Page %1").arg(QString::fromLatin1(QTest::currentDataTag()));
        dialog->setName(name);
        dialog->findChild<QRadioButton *>(typeButton)->setChecked(true);
        if (type == KeyType::Customer) {
            // The customer requirement: refused until one is picked, nothing sent.
            dialog->accept();
            QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("customerError"))->isHidden());
            QVERIFY(!f.page->findChild<SecretRevealDialog *>());
            dialog->setCustomer(QStringLiteral("cus_northwind"));
        }
        dialog->accept();
        QPointer<SecretRevealDialog> reveal;
        QVERIFY(QTest::qWaitFor([&] { return (reveal = f.page->findChild<SecretRevealDialog *>()); }, 10000));
        const QString secret = reveal->findChild<QLineEdit *>(QStringLiteral("secret"))->text();
        QVERIFY(secret.startsWith(QStringLiteral("kn_") + keyTypeTag(type)));
        QVERIFY(QTest::qWaitFor([&] { return closedOrDeleted(dialog); }, 5000));

        // The new key is in the table, selected, with its type.
        QTRY_COMPARE_WITH_TIMEOUT(f.selected().size(), 1, 5000);
        const ApiKey key = f.selected().first();
        QCOMPARE(key.name, name);
        QCOMPARE(key.type, type);
        if (type == KeyType::Customer)
            QCOMPARE(key.customerId, QStringLiteral("cus_northwind"));
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", secret.toLatin1()}}).status,
                 200);

        // Shown once: closing wipes it, and nothing of the page holds it afterwards.
        reveal->reject();
        QVERIFY(!reveal->holdsSecret());
        QTRY_VERIFY_WITH_TIMEOUT(reveal.isNull(), 5000);
        for (const QLineEdit *edit : f.page->findChildren<QLineEdit *>())
            QVERIFY(!edit->text().contains(secret));
    }

    void create_badNameIsExplainedAndNothingIsCreated() {
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready());
        const int before = f.workspace.keyModel()->rowCount();
        f.page->actions()->create->trigger();
        auto *dialog = f.page->findChild<CreateKeyDialog *>();
        dialog->setName(QString(65, QLatin1Char('x')));
        dialog->accept();
        const auto *error = dialog->findChild<QLabel *>(QStringLiteral("nameError"));
        QVERIFY(!error->isHidden());
        QVERIFY(error->text().contains(QStringLiteral("64")));
        QVERIFY(dialog->isVisible());
        QTest::qWait(0);
        QCOMPARE(f.workspace.keyModel()->rowCount(), before);
        dialog->reject();
    }

    void rotate_withOneHourGrace_oldKeyIsExpiringAndLinkedToTheNewOne() {
        const CreatedKey old = createKey(QStringLiteral("Rotate me"));
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(old.id));
        f.page->selectKeys({old.id});
        QVERIFY(f.page->actions()->rotate->isEnabled());
        f.page->actions()->rotate->trigger();
        auto *dialog = f.page->findChild<RotateKeyDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->graceSeconds(), 86400);
        dialog->findChild<QRadioButton *>(QStringLiteral("grace_3600"))->setChecked(true);
        QVERIFY(grabForDocs(dialog, QStringLiteral("rotate-key-dialog")));
        dialog->accept();
        QPointer<SecretRevealDialog> reveal;
        QVERIFY(QTest::qWaitFor([&] { return (reveal = f.page->findChild<SecretRevealDialog *>()); }, 10000));
        const QByteArray secret = reveal->findChild<QLineEdit *>(QStringLiteral("secret"))->text().toLatin1();
        reveal->reject();

        KeyTableModel *model = f.workspace.keyModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->keyAt(model->rowOf(old.id)).status, KeyStatus::Expiring, 5000);
        const ApiKey previous = model->keyAt(model->rowOf(old.id));
        QVERIFY(!previous.replacedBy.isEmpty());
        const ApiKey successor = model->keyAt(model->rowOf(previous.replacedBy));
        QCOMPARE(successor.replaces, old.id);
        QVERIFY(qAbs(previous.expiresAt - (successor.createdAt + 3600)) <= 5);
        // The status says when it ends and which key took over.
        const QString status = keyStatusText(previous, *model, successor.createdAt).text;
        QVERIFY2(status.contains(QStringLiteral("1 hour")) && status.contains(QStringLiteral("Rotate me")),
                 qPrintable(status));
        // It rarely fits its column: the tooltip has it in full.
        f.page->selectKeys({old.id});
        const QModelIndex statusCell =
            f.page->table()->selectionModel()->selectedRows(KeyTableModel::Status).value(0);
        QVERIFY(statusCell.isValid());
        f.page->table()->scrollTo(statusCell);
        QWidget *viewport = f.page->table()->viewport();
        const QPoint at = f.page->table()->visualRect(statusCell).center();
        QHelpEvent help(QEvent::ToolTip, at, viewport->mapToGlobal(at));
        QApplication::sendEvent(viewport, &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(QStringLiteral("replaced by Rotate me (kn_rk_…")),
                 qPrintable(QToolTip::text()));
        QToolTip::hideText();
        // Both still work during the grace period.
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", old.secret}}).status, 200);
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", secret}}).status, 200);
        // An expiring key cannot be rotated again; "Go to Linked Key" selects its successor.
        f.page->selectKeys({old.id});
        QVERIFY(!f.page->actions()->rotate->isEnabled());
        QVERIFY(f.page->actions()->linked->isEnabled());
        f.page->actions()->linked->trigger();
        QCOMPARE(f.selected().first().id, successor.id);
    }

    void renameAndHistory_nameChangesAtTheGatewayAndTheHistorySaysSo() {
        const CreatedKey created = createKey(QStringLiteral("Rename me"));
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(created.id));
        f.page->selectKeys({created.id});
        f.page->actions()->edit->trigger();
        auto *dialog = f.page->findChild<EditKeyDialog *>();
        QVERIFY(dialog);
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("keyName"));
        name->setText(QStringLiteral("   "));
        dialog->accept(); // refused here, with the Create dialog's words
        QVERIFY(
            dialog->findChild<QLabel *>(QStringLiteral("nameError"))->text().contains(QStringLiteral("N8N")));
        name->setText(QStringLiteral("  Renamed key "));
        dialog->accept();
        KeyTableModel *model = f.workspace.keyModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->keyAt(model->rowOf(created.id)).name, QStringLiteral("Renamed key"),
                                  10000);
        QString atGateway;
        const HttpReply listed = m_gateway.get(QStringLiteral("/v1/keys"), GatewayProcess::bearer(m_owner));
        for (const QJsonValue &v : listed.json().value(QStringLiteral("keys")).toArray())
            if (v.toObject().value(QStringLiteral("id")).toString() == created.id)
                atGateway = v.toObject().value(QStringLiteral("name")).toString();
        QCOMPARE(atGateway, QStringLiteral("Renamed key"));

        f.workspace.sync()->syncNow();
        f.page->selectKeys({created.id});
        f.page->actions()->history->trigger();
        auto *history = f.page->findChild<KeyHistoryDialog *>();
        QVERIFY(history);
        auto *view = history->findChild<QTableView *>(QStringLiteral("keyHistory"));
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, 30000);
        QStringList actions;
        for (int r = 0; r < 2; ++r)
            actions.append(view->model()->index(r, AuditModel::Action).data().toString());
        QCOMPARE(actions, (QStringList{QStringLiteral("Renamed or described"), QStringLiteral("Created")}));
        QCOMPARE(view->model()->index(0, AuditModel::Actor).data().toString(),
                 QStringLiteral("Maya Lindqvist"));
        history->reject();
    }

    void revoke_confirmationNamesTheKeyAndItStopsWorkingAtOnce() {
        const CreatedKey created = createKey(QStringLiteral("Revoke me"));
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(created.id));
        f.page->selectKeys({created.id});
        f.page->actions()->revoke->trigger();
        auto *dialog = f.page->findChild<RevokeKeyDialog *>();
        QVERIFY(dialog);
        const QString message = dialog->findChild<QLabel *>(QStringLiteral("revokeMessage"))->text();
        QVERIFY(message.contains(QStringLiteral("Revoke me (kn_rk_…")));
        QVERIFY(message.contains(QStringLiteral("stops working at once")));
        grabForDocs(dialog, QStringLiteral("revoke-key-dialog"));
        QSignalSpy finished(f.page, &ApiKeysPage::batchFinished);
        dialog->accept();
        QVERIFY(finished.wait(10000));
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", created.secret}}).status,
                 401);
        KeyTableModel *model = f.workspace.keyModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->keyAt(model->rowOf(created.id)).status, KeyStatus::Revoked, 5000);
        // When and by whom, in place of an expiry that no longer means anything.
        const ApiKey revoked = model->keyAt(model->rowOf(created.id));
        QVERIFY(revoked.revokedAt > 0);
        const QString status = keyStatusText(revoked, *model, revoked.revokedAt + 60).text;
        QVERIFY2(status.startsWith(QStringLiteral("Revoked ")) &&
                     status.endsWith(QStringLiteral("by Maya Lindqvist")),
                 qPrintable(status));
        QCOMPARE(model->index(model->rowOf(created.id), KeyTableModel::Expires).data().toString(),
                 QStringLiteral("—"));
        // Hidden by default now; shown with the toggle, and then it can be neither rotated nor revoked.
        QVERIFY(!model->indexFromKey(created.id, f.page->proxy()).isValid());
        f.page->findChild<QCheckBox *>(QStringLiteral("showRetired"))->setChecked(true);
        f.page->selectKeys({created.id});
        QCOMPARE(f.selected().size(), 1);
        QVERIFY(!f.page->actions()->rotate->isEnabled());
        QVERIFY(!f.page->actions()->revoke->isEnabled());
        QVERIFY(f.page->actions()->history->isEnabled());
        f.page->findChild<QCheckBox *>(QStringLiteral("showRetired"))->setChecked(false);
    }

    void bulkRevoke_listsEveryKeyAndRevokesThemAll() {
        QList<CreatedKey> keys;
        for (int i = 0; i < 3; ++i)
            keys.append(createKey(QStringLiteral("Bulk revoke %1").arg(i)));
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(keys.last().id));
        f.page->selectKeys({keys[0].id, keys[1].id, keys[2].id});
        QCOMPARE(f.page->actions()->revoke->text(), QStringLiteral("&Revoke 3 Keys…"));
        QVERIFY(!f.page->actions()->edit->isEnabled()); // one key at a time
        f.page->actions()->revoke->trigger();
        auto *dialog = f.page->findChild<RevokeKeyDialog *>();
        auto *list = dialog->findChild<QListWidget *>(QStringLiteral("keyList"));
        QCOMPARE(list->count(), 3);
        for (int i = 0; i < 3; ++i)
            QVERIFY(list->item(i)->text().contains(QStringLiteral("Bulk revoke")));
        QSignalSpy finished(f.page, &ApiKeysPage::batchFinished);
        dialog->accept();
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("3 keys revoked."));
        for (const CreatedKey &k : keys)
            QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", k.secret}}).status, 401);
    }

    // Each successor keeps its own key's lifetime: 30 days stays 30 days, never stays never.
    void bulkRotate_showsEachNewSecretOnceAndKeepsEachLifetime() {
        const QList<CreatedKey> keys{createKey(QStringLiteral("Bulk rotate A"), 30),
                                     createKey(QStringLiteral("Bulk rotate B"))};
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(keys.last().id));
        f.page->selectKeys({keys[0].id, keys[1].id});
        f.page->actions()->rotate->trigger();
        auto *dialog = f.page->findChild<RotateKeyDialog *>();
        dialog->setGraceSeconds(0);
        QSignalSpy finished(f.page, &ApiKeysPage::batchFinished);
        dialog->accept();
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("2 keys rotated."));
        const QList<SecretRevealDialog *> reveals = f.page->findChildren<SecretRevealDialog *>();
        QCOMPARE(reveals.size(), 2);
        for (SecretRevealDialog *reveal : reveals) {
            const QByteArray secret =
                reveal->findChild<QLineEdit *>(QStringLiteral("secret"))->text().toLatin1();
            QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", secret}}).status, 200);
            reveal->reject();
        }
        // Immediately: the old secrets no longer work.
        for (const CreatedKey &k : keys)
            QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", k.secret}}).status, 401);
        const auto successorOf = [this](const QString &id) {
            const HttpReply listed =
                m_gateway.get(QStringLiteral("/v1/keys"), GatewayProcess::bearer(m_owner));
            QJsonObject old, successor;
            for (const QJsonValue &v : listed.json().value(QStringLiteral("keys")).toArray())
                if (v.toObject().value(QStringLiteral("id")).toString() == id)
                    old = v.toObject();
            for (const QJsonValue &v : listed.json().value(QStringLiteral("keys")).toArray())
                if (v.toObject().value(QStringLiteral("id")) == old.value(QStringLiteral("replaced_by")))
                    successor = v.toObject();
            return successor;
        };
        const QJsonObject a = successorOf(keys[0].id);
        const QJsonObject b = successorOf(keys[1].id);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        const qint64 lifetime =
            QDateTime::fromString(a.value(QStringLiteral("created_at")).toString(), Qt::ISODate)
                .secsTo(QDateTime::fromString(a.value(QStringLiteral("expires_at")).toString(), Qt::ISODate));
        QVERIFY2(qAbs(lifetime - 30 * 86400) <= 120, qPrintable(QString::number(lifetime)));
        QVERIFY(b.value(QStringLiteral("expires_at")).isNull());
    }

private:
    CreatedKey createKey(const QString &name) const { return createReadOnlyKey(m_gateway, m_owner, name); }
    // One that expires in `days` days.
    CreatedKey createKey(const QString &name, int days) const {
        const HttpReply reply =
            m_gateway.postJson(QStringLiteral("/v1/keys"),
                               {{QStringLiteral("name"), name},
                                {QStringLiteral("type"), QStringLiteral("read_only")},
                                {QStringLiteral("expires_at"),
                                 QDateTime::currentDateTimeUtc().addDays(days).toString(Qt::ISODate)}},
                               GatewayProcess::bearer(m_owner));
        const QJsonObject body = reply.json();
        return {body.value(QStringLiteral("key")).toObject().value(QStringLiteral("id")).toString(),
                body.value(QStringLiteral("secret")).toString().toLatin1()};
    }

    GatewayProcess m_gateway;
    QByteArray m_owner;
};

QTEST_MAIN(TestApiKeysPageActions)
#include "tst_apikeyspage_actions.moc"
