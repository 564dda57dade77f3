#include "models/items/keyfilterproxy.h"
#include "models/items/keytablemodel.h"
#include "models/items/listmodels.h"
#include "models/session/session.h"
#include "models/session/signinflow.h"
#include "models/sync/synccontroller.h"
#include "models/workspace/workspace.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/keyboard.h"
#include "tests/support/portaltranslation.h"
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
#include "ui/pages/navigator.h"
#include "ui/shell/mainwindow.h"
#include "ui/widgets/secretclipboard.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

using namespace knotie;
using namespace knotie::test;

namespace {
bool discard(QWidget *) {
    return true;
}

// The gateway's database file inside its data folder.
QString gatewayDatabaseName() {
    return QStringLiteral("gateway.sqlite");
}

struct CreatedKey {
    QString id;
    QByteArray secret;
};
} // namespace

// The key manager against a real gateway process: every action goes through the page
// as a person would use it, and what the gateway then holds is checked.
class TestApiKeysPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        installPortalTranslation();
        setConfirmDiscardFunction(discard);
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
    }

    // The delegate shapes a cell's text once where Qt's own path shapes it three times;
    // what it draws must not differ from Qt's, whether the text fits or is elided.
    void keyTable_cellTextIsDrawnAsQtDrawsIt_data() {
        QTest::addColumn<int>("nameWidth");
        QTest::newRow("fits") << 320;
        QTest::newRow("elided") << 90;
    }
    void keyTable_cellTextIsDrawnAsQtDrawsIt() {
        QFETCH(int, nameWidth);
        KeyTableModel model;
        ApiKey key;
        key.id = QStringLiteral("key_1");
        key.name = QStringLiteral("Northwind Dispatch Agent");
        model.setKeys({key});
        QTableView view;
        view.setModel(&model);
        view.setWordWrap(false); // as the page sets it: one line per row
        view.resize(700, 120);
        view.setColumnWidth(KeyTableModel::Name, nameWidth);
        view.setCurrentIndex({});
        const QRect cell = view.visualRect(model.index(0, KeyTableModel::Name));
        const auto drawnBy = [&](QAbstractItemDelegate *delegate) {
            view.setItemDelegate(delegate);
            return view.viewport()->grab(cell).toImage();
        };
        QStyledItemDelegate qts;
        KeyTableDelegate ours(&model);
        const QImage expected = drawnBy(&qts);
        const QImage drawn = drawnBy(&ours);
        QVERIFY(!cell.isEmpty());
        QCOMPARE(drawn, expected);
    }

    // With no widths remembered, the columns fit the table as first shown (a scroll bar's
    // room kept) if they can; the widths the person then sets are the ones the next window
    // opens with.
    void columns_fitTheTableWhenFirstShownIfTheyCan_thenStayAsLeft() {
        QSettings().remove(QStringLiteral("apiKeys/tableHeader"));
        QNetworkAccessManager network;
        Workspace workspace(&network, nullptr);
        SecretClipboard clipboard;
        {
            ApiKeysPage page(PageContext{&workspace, nullptr, &clipboard});
            page.resize(1180, 760);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            QTableView *table = page.table();
            const int scrollBar = table->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, table);
            QHeaderView *header = table->horizontalHeader();
            // Until keys come, the table waits behind a message, at the width it will have.
            const int room =
                page.findChild<QStackedWidget *>()->width() - 2 * table->frameWidth() - scrollBar;
            QVERIFY2(header->length() <= room,
                     qPrintable(QStringLiteral("%1 > %2").arg(header->length()).arg(room)));
            QVERIFY(header->sectionSize(KeyTableModel::Status) >= 110);
            header->resizeSection(KeyTableModel::Status, 300);
            page.hide();
        }
        ApiKeysPage again(PageContext{&workspace, nullptr, &clipboard});
        again.resize(1180, 760);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.table()->horizontalHeader()->sectionSize(KeyTableModel::Status), 300);
        again.hide();

        // Too narrow for all of them: they keep their widths, readable, and scroll sideways.
        QSettings().remove(QStringLiteral("apiKeys/tableHeader"));
        ApiKeysPage narrow(PageContext{&workspace, nullptr, &clipboard});
        const int statusWidth = narrow.table()->horizontalHeader()->sectionSize(KeyTableModel::Status);
        narrow.resize(800, 600);
        narrow.show();
        QVERIFY(QTest::qWaitForWindowExposed(&narrow));
        QCOMPARE(narrow.table()->horizontalHeader()->sectionSize(KeyTableModel::Status), statusWidth);
        narrow.hide();
        QSettings().remove(QStringLiteral("apiKeys/tableHeader"));
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
        Fixture f(this, QStringLiteral("owner@demo.test"));
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
        QVERIFY(QTest::qWaitFor([&] { return dialog.isNull() || !dialog->isVisible(); }, 5000));

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
        Fixture f(this, QStringLiteral("owner@demo.test"));
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
        Fixture f(this, QStringLiteral("owner@demo.test"));
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
        QVERIFY2(QToolTip::text().contains(QStringLiteral("replaced by “Rotate me”")),
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
        Fixture f(this, QStringLiteral("owner@demo.test"));
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
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, 10000);
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
        Fixture f(this, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(created.id));
        f.page->selectKeys({created.id});
        f.page->actions()->revoke->trigger();
        auto *dialog = f.page->findChild<RevokeKeyDialog *>();
        QVERIFY(dialog);
        const QString message = dialog->findChild<QLabel *>(QStringLiteral("revokeMessage"))->text();
        QVERIFY(message.contains(QStringLiteral("“Revoke me”")));
        QVERIFY(message.contains(QStringLiteral("stops working at once")));
        grabForDocs(dialog, QStringLiteral("revoke-key-dialog"));
        QSignalSpy finished(f.page, &ApiKeysPage::batchFinished);
        dialog->accept();
        QVERIFY(finished.wait(10000));
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", created.secret}}).status,
                 401);
        KeyTableModel *model = f.workspace.keyModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->keyAt(model->rowOf(created.id)).status, KeyStatus::Revoked, 5000);
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
        Fixture f(this, QStringLiteral("owner@demo.test"));
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

    void bulkRotate_showsEachNewSecretOnce() {
        const QList<CreatedKey> keys{createKey(QStringLiteral("Bulk rotate A")),
                                     createKey(QStringLiteral("Bulk rotate B"))};
        Fixture f(this, QStringLiteral("owner@demo.test"));
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
    }

    void searchAndFilters_narrowTheTable() {
        const CreatedKey zebra = createKey(QStringLiteral("Searchable Zebra"));
        Fixture f(this, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(zebra.id));
        QTRY_VERIFY_WITH_TIMEOUT(f.page->proxy()->rowCount() > 3, 5000);
        auto *search = f.page->findChild<QLineEdit *>(QStringLiteral("keySearch"));
        const int all = f.page->proxy()->rowCount();
        auto *clear = search->findChild<QAction *>(QStringLiteral("clearSearch"));
        QVERIFY(!clear->isVisible());
        QTest::keyClicks(search, QStringLiteral("zebra"));
        QCOMPARE(f.page->proxy()->rowCount(), 1);
        QVERIFY(clear->isVisible());
        clear->trigger();
        QCOMPARE(f.page->proxy()->rowCount(), all);
        QTest::keyClicks(search, QStringLiteral("zebra"));
        search->setFocus();
        QTest::keyClick(search, Qt::Key_Escape);
        QVERIFY(search->text().isEmpty());
        auto *type = f.page->findChild<QComboBox *>(QStringLiteral("typeFilter"));
        type->setCurrentIndex(type->findData(int(KeyType::Webhook)));
        for (int r = 0; r < f.page->proxy()->rowCount(); ++r)
            QCOMPARE(f.page->proxy()->index(r, 0).data(KeyTypeRole).toInt(), int(KeyType::Webhook));
        type->setCurrentIndex(0);
        auto *status = f.page->findChild<QComboBox *>(QStringLiteral("statusFilter"));
        status->setCurrentIndex(status->findData(int(KeyStatus::Revoked)));
        QVERIFY(f.page->proxy()->rowCount() > 0); // revoked keys show when asked for, toggle or not
        for (int r = 0; r < f.page->proxy()->rowCount(); ++r)
            QCOMPARE(f.page->proxy()->index(r, 0).data(KeyStatusRole).toInt(), int(KeyStatus::Revoked));
        status->setCurrentIndex(0);
        auto *creator = f.page->findChild<QComboBox *>(QStringLiteral("creatorFilter"));
        QTRY_VERIFY_WITH_TIMEOUT(creator->findData(QStringLiteral("usr_jonas")) > 0, 5000);
        creator->setCurrentIndex(creator->findData(QStringLiteral("usr_jonas")));
        QVERIFY(f.page->proxy()->rowCount() > 0);
        for (int r = 0; r < f.page->proxy()->rowCount(); ++r)
            QCOMPARE(f.page->proxy()->index(r, KeyTableModel::CreatedBy).data().toString(),
                     QStringLiteral("Jonas Becker"));
    }

    void keyboard_tabVisitsEveryControlInTheOrderSeen_eachNamed() {
        const CreatedKey key = createKey(QStringLiteral("Reached By Tab"));
        Fixture f(this, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(key.id));
        f.page->selectKeys({key.id}); // an active key: every action but "linked key" applies
        f.page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(f.page));
        QWidget *widget = f.page->findChild<QWidget *>(QStringLiteral("createKeyButton"));
        widget->setFocus();
        QStringList visited;
        while (widget && widget != f.page->table() && visited.size() < 30) {
            const QString name = spokenName(widget);
            QVERIFY2(!name.isEmpty(), widget->metaObject()->className());
            visited << name;
            QTest::keyClick(widget, Qt::Key_Tab);
            widget = QApplication::focusWidget();
        }
        QCOMPARE(widget, f.page->table());
        QCOMPARE(visited,
                 (QStringList{QStringLiteral("Create API Key"), QStringLiteral("Rotate…"),
                              QStringLiteral("Revoke…"), QStringLiteral("Rename and Describe…"),
                              QStringLiteral("Copy Key ID"), QStringLiteral("Show Usage"),
                              QStringLiteral("Show History"), QStringLiteral("Export to CSV…"),
                              QStringLiteral("Search keys"), QStringLiteral("Filter by type"),
                              QStringLiteral("Filter by status"), QStringLiteral("Filter by creator"),
                              QStringLiteral("Show revoked and expired")}));
    }

    void export_writesTheVisibleRowsAndNoSecret() {
        const CreatedKey created = createKey(QStringLiteral("Exported, \"quoted\""));
        Fixture f(this, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(created.id));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keys.csv"));
        QSignalSpy exported(f.page, &ApiKeysPage::exported);
        f.page->exportTo(path);
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.at(0).at(0).toString(), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(csv.startsWith("id,name,description,type"));
        QVERIFY(csv.contains("\"Exported, \"\"quoted\"\"\""));
        QVERIFY(csv.contains(created.id.toLatin1()));
        QVERIFY(!csv.contains(created.secret));
        QVERIFY(!csv.contains(created.secret.left(20)));
        QCOMPARE(csv.count("\r\n"), qsizetype(f.page->proxy()->rowCount() + 1));
    }

    void tenThousandKeys_allListedAndSearchable() {
        Fixture f(this, QStringLiteral("owner@demo.test"), nullptr, false);
        QVERIFY(f.signedIn);
        QList<ApiKey> keys;
        const UnixTime now = QDateTime::currentSecsSinceEpoch();
        const QStringList names{QStringLiteral("N8N Production"), QStringLiteral("Zapier Webhooks"),
                                QStringLiteral("Internal Dashboard"), QStringLiteral("Onboarding Script")};
        for (int i = 0; i < 10000; ++i) {
            ApiKey k;
            k.id = QStringLiteral("key_gen_%1").arg(i, 5, 10, QLatin1Char('0'));
            k.type = allKeyTypes[size_t(i % 4)];
            k.name = QStringLiteral("%1 %2").arg(names[i % 4]).arg(i);
            k.customerId = k.type == KeyType::Customer ? QStringLiteral("cus_northwind") : QString();
            k.prefix = QStringLiteral("kn_") + keyTypeTag(k.type) + QLatin1Char('_');
            k.last4 = QStringLiteral("%1").arg(i % 10000, 4, 10, QLatin1Char('0'));
            k.status = i % 50 == 7 ? KeyStatus::Expiring : KeyStatus::Active;
            k.createdAt = now - i * 600;
            k.createdBy = {QStringLiteral("usr_maya"), QStringLiteral("Maya Lindqvist")};
            k.lastUsedAt = i % 3 ? now - i * 60 : 0;
            k.expiresAt = k.status == KeyStatus::Expiring ? now + 5 * 3600 : now + (90 - i % 90) * 86400;
            keys.append(k);
        }
        f.workspace.keyModel()->setCustomers(
            {{QStringLiteral("cus_northwind"), QStringLiteral("Northwind Logistics"), 0}});
        f.workspace.keyModel()->setKeys(keys);
        QList<KeyUsage> usage;
        for (int i = 0; i < 40; ++i)
            usage.append({keys[i].id, 0, 0, {i * 3LL % 17, 9, i % 5 * 4LL, 12, 20, i % 7 * 3LL, 15}});
        f.workspace.keyModel()->setUsage(usage);
        QCOMPARE(f.page->proxy()->rowCount(), 10000);
        QTest::keyClicks(f.page->findChild<QLineEdit *>(QStringLiteral("keySearch")),
                         QStringLiteral("webhooks 97"));
        // 97, 977, 9701…9797 (every fourth is a webhook key): counted as a person would.
        const int expected = int(std::count_if(keys.begin(), keys.end(), [](const ApiKey &k) {
            return k.name.startsWith(QStringLiteral("Zapier Webhooks 97"));
        }));
        QVERIFY(expected > 1);
        QCOMPARE(f.page->proxy()->rowCount(), expected);
        f.page->findChild<QLineEdit *>(QStringLiteral("keySearch"))->clear();
        f.page->resize(1180, 700);
        QVERIFY(grabForDocs(f.page, QStringLiteral("api-keys-10000")));
    }

    void showUsage_opensAnalyticsForTheKey() {
        Fixture f(this, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready());
        Navigator navigator;
        MainWindow window(PageContext{&f.workspace, nullptr, &f.clipboard, &navigator});
        window.showPage(Page::ApiKeys);
        auto *page = window.findChild<ApiKeysPage *>();
        QVERIFY(page);
        const QString id = f.workspace.keyModel()->keyFromIndex(page->proxy()->index(0, 0));
        page->selectKeys({id});
        QSignalSpy shown(&navigator, &Navigator::keyUsageRequested);
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
        Fixture f(this, QStringLiteral("other@demo.test"), &gateway);
        QVERIFY(f.signedIn);
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
        Fixture f(this, QStringLiteral("owner@demo.test"), &gateway);
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

    void overviewFilter_showsTheKeysTheCountCounted() {
        Fixture f(this, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready());
        KeyFilter noExpiry;
        noExpiry.condition = KeyFilter::Condition::NoExpiry;
        f.page->applyFilter(noExpiry);
        const UnixTime now = QDateTime::currentSecsSinceEpoch();
        int counted = 0;
        for (int r = 0; r < f.workspace.keyModel()->rowCount(); ++r)
            counted += noExpiry.matches(f.workspace.keyModel()->keyAt(r), now) ? 1 : 0;
        QVERIFY(counted > 0);
        QCOMPARE(f.page->proxy()->rowCount(), counted);
        auto *note = f.page->findChild<QLabel *>(QStringLiteral("conditionFilter"));
        QVERIFY(!note->isHidden());
        QVERIFY(note->text().contains(QStringLiteral("Without expiry")));
        Q_EMIT note->linkActivated(QStringLiteral("clear"));
        QVERIFY(note->isHidden());
        QVERIFY(f.page->proxy()->rowCount() > counted);
    }

private:
    struct Fixture {
        Fixture(TestApiKeysPage *test, const QString &email, GatewayProcess *gateway = nullptr,
                bool open = true)
            : workspace(&test->m_network, nullptr) {
            GatewayProcess &g = gateway ? *gateway : test->m_gateway;
            SignInFlow flow(&test->m_network);
            QSignalSpy succeeded(&flow, &SignInFlow::succeeded);
            flow.signIn(g.baseUrl().toString(), email, QStringLiteral("knotie-demo"), false);
            if (!succeeded.wait(15000))
                return;
            workspace.session()->begin(succeeded.at(0).at(0).value<SignedInSession>());
            if (open)
                workspace.open();
            signedIn = workspace.session()->isSignedIn();
            page = new ApiKeysPage(PageContext{&workspace, nullptr, &clipboard});
            page->show();
        }
        ~Fixture() {
            delete page;
            workspace.close();
        }
        // Signed in, and the keys (with `keyId` among them) arrived from the gateway.
        bool ready(const QString &keyId = QString()) {
            return signedIn && QTest::qWaitFor(
                                   [&] {
                                       KeyTableModel *m = workspace.keyModel();
                                       return m->rowCount() > 0 && (keyId.isEmpty() || m->rowOf(keyId) >= 0);
                                   },
                                   15000);
        }
        QList<ApiKey> selected() const {
            QList<ApiKey> keys;
            for (const QModelIndex &i : page->table()->selectionModel()->selectedRows())
                keys.append(workspace.keyModel()->keyAt(page->proxy()->mapToSource(i).row()));
            return keys;
        }
        Workspace workspace;
        SecretClipboard clipboard;
        ApiKeysPage *page = nullptr;
        bool signedIn = false;
    };

    CreatedKey createKey(const QString &name) {
        const HttpReply reply = m_gateway.postJson(
            QStringLiteral("/v1/keys"),
            {{QStringLiteral("name"), name}, {QStringLiteral("type"), QStringLiteral("read_only")}},
            GatewayProcess::bearer(m_owner));
        const QJsonObject body = reply.json();
        return {body.value(QStringLiteral("key")).toObject().value(QStringLiteral("id")).toString(),
                body.value(QStringLiteral("secret")).toString().toLatin1()};
    }

    QNetworkAccessManager m_network;
    GatewayProcess m_gateway;
    QByteArray m_owner;
};

QTEST_MAIN(TestApiKeysPage)
#include "tst_apikeyspage.moc"
