#include "models/items/keycolumns.h"
#include "models/items/keyfilterproxy.h"
#include "models/items/keytablemodel.h"
#include "models/items/listmodels.h"
#include "models/keys/keystore.h"
#include "models/sync/synccontroller.h"
#include "models/workspace/workspace.h"
#include "tests/portal/apikeyspagefixture.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/screenshots.h"
#include "ui/keys/keyactions.h"
#include "ui/keys/keydetailsdialog.h"
#include "ui/keys/keyhistorydialog.h"
#include "ui/keys/keylimitsdialog.h"
#include "ui/keys/keylimitsfields.h"
#include "ui/keys/keyrequestsview.h"
#include "ui/pages/apikeyspage.h"
#include "ui/pages/navigator.h"
#include "ui/reference/apiexamples.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

using namespace knotie;
using namespace knotie::test;

namespace {
// The details dialog a person sees for `keyId`, if one is open.
KeyDetailsDialog *openDetails(const QString &keyId) {
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *d = qobject_cast<KeyDetailsDialog *>(w); d && d->isVisible() && d->keyId() == keyId)
            return d;
    return nullptr;
}

QString fact(const QWidget *dialog, const char *name) {
    const auto *label = dialog->findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
}

void closeAllDetails() {
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *d = qobject_cast<KeyDetailsDialog *>(w))
            d->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

// Where screenshots for the lead go (never committed): the worktree's shots folder.
void shoot(QWidget *widget, const QString &name) {
    const QString dir = qEnvironmentVariable("KNOTIE_SHOTS_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}
} // namespace

// Issue 15 items 1 and 2 through the API Keys page against a real gateway process: a key's
// rate limit and expiry changed after creation, and Key details.
class TestKeyDetails : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareKeysPageTests();
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
    }
    void cleanup() { closeAllDetails(); }

    void limits_changedThroughTheDialogHoldAtTheGatewayAndShowInHistory() {
        const CreatedKey created = createReadOnlyKey(m_gateway, m_owner, QStringLiteral("Limits end to end"));
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(created.id));
        f.page->selectKeys({created.id});
        QTRY_COMPARE(f.selected().size(), 1);
        QVERIFY(f.page->actions()->limits->isEnabled());
        f.page->actions()->limits->trigger();
        QPointer<KeyLimitsDialog> dialog = f.page->findChild<KeyLimitsDialog *>();
        QVERIFY(dialog);
        // The key has neither: the dialog starts from that.
        QVERIFY(!dialog->findChild<QCheckBox *>(QStringLiteral("rateLimit"))->isChecked());
        auto *expiry = dialog->findChild<QComboBox *>(QStringLiteral("expiry"));
        QCOMPARE(expiry->currentData().toInt(), 5); // Never
        dialog->findChild<QCheckBox *>(QStringLiteral("rateLimit"))->setChecked(true);
        dialog->findChild<QSpinBox *>(QStringLiteral("rateLimitRequests"))->setValue(2);
        auto *window = dialog->findChild<QComboBox *>(QStringLiteral("rateLimitWindow"));
        window->setCurrentIndex(window->findData(3600));
        expiry->setCurrentIndex(expiry->findData(0)); // in 30 days
        shoot(dialog, QStringLiteral("keylimitsdialog"));
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(closedOrDeleted(dialog), 10000);

        // The portal's key, the gateway's key, and the key's next requests all agree.
        // The store hears of it through the data worker, a moment later.
        QTRY_VERIFY_WITH_TIMEOUT(f.workspace.keyStore()->find(created.id)->rateLimit ==
                                     (std::optional<RateLimit>{RateLimit{2, 3600}}),
                                 10000);
        const ApiKey *key = f.workspace.keyStore()->find(created.id);
        QVERIFY(qAbs(key->expiresAt - (before + 30 * 86400)) < 120);
        QCOMPARE(whoami(created.secret).status, 200);
        QCOMPARE(whoami(created.secret).status, 200);
        const HttpReply third = whoami(created.secret);
        QCOMPARE(third.status, 429);
        QVERIFY(!third.header("Sunset").isEmpty()); // 30 days: within the notice

        // The change is in the key's History, with what it was and became.
        f.workspace.sync()->syncNow();
        f.page->actions()->history->trigger();
        auto *history = f.page->findChild<KeyHistoryDialog *>();
        QVERIFY(history);
        auto *view = history->findChild<QTableView *>(QStringLiteral("keyHistory"));
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, 10000);
        const QString newest = view->model()->index(0, AuditModel::Action).data().toString();
        QVERIFY2(newest.startsWith(QStringLiteral("Limits changed")) ||
                     newest.startsWith(KeyHistoryDialog::actionText(QStringLiteral("key.limits_changed"))),
                 qPrintable(newest));
        QVERIFY2(newest.contains(rateLimitText(RateLimit{2, 3600})), qPrintable(newest));
        QVERIFY2(newest.contains(rateLimitText(std::nullopt)), qPrintable(newest));
        history->reject();
    }

    void limits_refusedLocallyByCreatesRules() {
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.signedIn());
        // A key whose expiry has passed meanwhile cannot keep it: the rule Create checks too.
        ApiKey key;
        key.name = QStringLiteral("Stale");
        key.expiresAt = QDateTime::currentSecsSinceEpoch() - 60;
        KeyLimitsDialog dialog(key);
        QSignalSpy sent(&dialog, &KeyLimitsDialog::changeRequested);
        dialog.accept();
        QCOMPARE(sent.count(), 0);
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("expiryError"))->isHidden());
    }

    void limits_offeredOnlyForAnActiveKey() {
        const CreatedKey created = createReadOnlyKey(m_gateway, m_owner, QStringLiteral("Limits revoked"));
        QCOMPARE(m_gateway
                     .request("DELETE", QStringLiteral("/v1/keys/%1").arg(created.id), {},
                              GatewayProcess::bearer(m_owner))
                     .status,
                 200);
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(created.id));
        const ApiKey *revoked = f.workspace.keyStore()->find(created.id);
        QVERIFY(revoked);
        QCOMPARE(revoked->status, KeyStatus::Revoked);
        QVERIFY(!f.page->actions()->limits->allows({*revoked}, {}));
        ApiKey active = *revoked;
        active.status = KeyStatus::Active;
        QVERIFY(f.page->actions()->limits->allows({active}, {}));
        active.status = KeyStatus::Expiring; // rotated: the gateway answers 409
        QVERIFY(!f.page->actions()->limits->allows({active}, {}));
    }

    void details_showEachFieldAndFollowTheLinks() {
        const HttpReply made = m_gateway.postJson(
            QStringLiteral("/v1/keys"),
            {{QStringLiteral("name"), QStringLiteral("Details key")},
             {QStringLiteral("type"), QStringLiteral("customer")},
             {QStringLiteral("customer_id"), QStringLiteral("cus_northwind")},
             {QStringLiteral("rate_limit"),
              QJsonObject{{QStringLiteral("requests"), 60}, {QStringLiteral("per_seconds"), 60}}}},
            GatewayProcess::bearer(m_owner));
        QCOMPARE(made.status, 201);
        const QString oldId =
            made.json().value(QStringLiteral("key")).toObject().value(QStringLiteral("id")).toString();
        const HttpReply rotated =
            m_gateway.postJson(QStringLiteral("/v1/keys/%1/rotate").arg(oldId),
                               {{QStringLiteral("grace_seconds"), 3600}}, GatewayProcess::bearer(m_owner));
        QCOMPARE(rotated.status, 201);
        const QString newId =
            rotated.json().value(QStringLiteral("key")).toObject().value(QStringLiteral("id")).toString();
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(newId));
        QTRY_VERIFY(f.workspace.keyStore()->find(oldId));
        f.page->selectKeys({newId});
        QTRY_COMPARE(f.selected().size(), 1);
        f.page->actions()->details->trigger();
        KeyDetailsDialog *details = openDetails(newId);
        QVERIFY(details);
        const ApiKey key = *f.workspace.keyStore()->find(newId);
        QVERIFY(fact(details, "keyDetailsTitle").contains(key.maskedSecret()));
        QVERIFY(fact(details, "detailType").startsWith(keyTypeDisplayName(KeyType::Customer)));
        QTRY_VERIFY(!fact(details, "detailCustomer").isEmpty());
        QVERIFY(fact(details, "detailCustomer") != QStringLiteral("cus_northwind") ||
                f.workspace.keyModel()->customerName(QStringLiteral("cus_northwind")).isEmpty());
        QCOMPARE(fact(details, "detailStatus"), keyStatusDisplayName(KeyStatus::Active));
        QVERIFY(fact(details, "detailCreated").contains(QStringLiteral("Maya Lindqvist")));
        QCOMPARE(fact(details, "detailRateLimit"), rateLimitText(RateLimit{60, 60}));
        QVERIFY(fact(details, "detailPredecessor").contains(QStringLiteral("href=\"%1\"").arg(oldId)));
        QVERIFY(!fact(details, "detailSuccessor").contains(QStringLiteral("href")));
        QVERIFY(details->findChild<QPushButton *>(QStringLiteral("changeLimitsButton"))->isEnabled());
        // The named places other sections go.
        QVERIFY(details->factsLayout());
        QCOMPARE(details->sectionsLayout()->objectName(), QStringLiteral("keyDetailsSections"));
        shoot(details, QStringLiteral("keydetails"));

        // The predecessor, one click away: rotated, expiring, linked back.
        Q_EMIT details->findChild<QLabel *>(QStringLiteral("detailPredecessor"))->linkActivated(oldId);
        QCOMPARE(details->keyId(), oldId);
        QCOMPARE(fact(details, "detailStatus"), keyStatusDisplayName(KeyStatus::Expiring));
        QVERIFY(fact(details, "detailSuccessor").contains(QStringLiteral("href=\"%1\"").arg(newId)));
        QVERIFY(fact(details, "detailExpires") != QObject::tr("Never"));
        QVERIFY(!details->findChild<QPushButton *>(QStringLiteral("changeLimitsButton"))->isEnabled());

        // Its History: the events of the key shown.
        f.workspace.sync()->syncNow();
        auto *history = details->findChild<QTableView *>(QStringLiteral("keyHistory"));
        QTRY_VERIFY_WITH_TIMEOUT(history->model()->rowCount() >= 2, 10000);
    }

    void details_openedByEnterDoubleClickAndThePalette() {
        const CreatedKey created = createReadOnlyKey(m_gateway, m_owner, QStringLiteral("Opened key"));
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(created.id));
        f.page->selectKeys({created.id});
        QTRY_COMPARE(f.selected().size(), 1);
        QTableView *table = f.page->table();
        table->setFocus();
        QVERIFY(!openDetails(created.id));
        QTest::keyClick(table, Qt::Key_Return);
        QTRY_VERIFY(openDetails(created.id));
        closeAllDetails();
        QVERIFY(!openDetails(created.id));

        const QModelIndex index = table->selectionModel()->selectedRows().first();
        const QRect cell = table->visualRect(index);
        // A person's double-click: a click, then the second press Qt reports as a double-click.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_VERIFY(openDetails(created.id));
        closeAllDetails();

        Navigator navigator;
        PageContext context = f.context();
        context.navigator = &navigator;
        ApiKeysPage page(context);
        navigator.showKeyDetails(created.id);
        QTRY_VERIFY(openDetails(created.id));
    }

    void table_showsRateLimitAndExpiryInColumnTooltipAndCsv() {
        ApiKey key;
        key.id = QStringLiteral("key_limits");
        key.name = QStringLiteral("Limited");
        key.rateLimit = RateLimit{600, 60};
        key.expiresAt = 1893456000; // 2030-01-01
        KeyTableModel model;
        model.setKeys({key});
        const QModelIndex limit = model.index(0, KeyTableModel::RateLimit);
        QCOMPARE(limit.data().toString(), rateLimitText(RateLimit{600, 60}));
        const QString tip = model.index(0, KeyTableModel::Name).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(rateLimitText(RateLimit{600, 60})), qPrintable(tip));
        QVERIFY2(tip.contains(
                     QLocale().toString(QDateTime::fromSecsSinceEpoch(key.expiresAt), QLocale::LongFormat)),
                 qPrintable(tip));
        QStringList csvNames, csvValues;
        for (const KeyColumn &c : keyColumns())
            if (c.isExported()) {
                csvNames << QLatin1String(c.csvName);
                csvValues << c.csv(key, {});
            }
        QCOMPARE(csvValues.at(csvNames.indexOf(QStringLiteral("rate_limit_requests"))),
                 QStringLiteral("600"));
        QCOMPARE(csvValues.at(csvNames.indexOf(QStringLiteral("rate_limit_per_seconds"))),
                 QStringLiteral("60"));
        QCOMPARE(csvValues.at(csvNames.indexOf(QStringLiteral("expires_at"))),
                 QStringLiteral("2030-01-01T00:00:00Z"));
    }

    // The API Reference's curl and Python examples, run as shown against a key that expires
    // in 10 days, print its Sunset; n8n's text names where the header appears.
    void reference_sunsetExamplesShowTheHeader() {
        const qint64 end = m_gateway.now() + 10 * 86400;
        const HttpReply made =
            m_gateway.postJson(QStringLiteral("/v1/keys"),
                               {{QStringLiteral("name"), QStringLiteral("Sunset example")},
                                {QStringLiteral("type"), QStringLiteral("read_only")},
                                {QStringLiteral("expires_at"),
                                 QDateTime::fromSecsSinceEpoch(end, Qt::UTC).toString(Qt::ISODate)}},
                               GatewayProcess::bearer(m_owner));
        QCOMPARE(made.status, 201);
        const QString secret = made.json().value(QStringLiteral("secret")).toString();
        const QByteArray expected =
            QLocale::c()
                .toString(QDateTime::fromSecsSinceEpoch(end, Qt::UTC), QStringLiteral("dd MMM yyyy"))
                .toLatin1();
        const auto run = [&](const QString &program, const QStringList &arguments) {
            QProcess process;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("KNOTIE_API_KEY"), secret);
            process.setProcessEnvironment(env);
            process.start(program, arguments);
            process.waitForFinished(60000);
            return process.readAllStandardOutput();
        };
        const QByteArray curl = run(
            QStringLiteral("bash"),
            {QStringLiteral("-c"), examples::sunsetExample(examples::Language::Curl, m_gateway.baseUrl())});
        QVERIFY2(curl.toLower().startsWith("sunset: ") && curl.contains(expected), curl.constData());
        QProcess probe;
        probe.start(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral("import requests")});
        if (probe.waitForFinished(30000) && probe.exitCode() == 0) {
            const QByteArray python =
                run(QStringLiteral("python3"),
                    {QStringLiteral("-c"),
                     examples::sunsetExample(examples::Language::Python, m_gateway.baseUrl())});
            QVERIFY2(python.contains(QDateTime::fromSecsSinceEpoch(end, Qt::UTC)
                                         .toString(QStringLiteral("yyyy-MM-dd"))
                                         .toLatin1()),
                     python.constData());
        }
        QVERIFY(examples::sunsetExample(examples::Language::N8n, m_gateway.baseUrl())
                    .contains(QStringLiteral("$json.headers.sunset")));
    }

    // Issue 15 item 2: the details hold who answers for the key and its latest requests, so one
    // window has everything; Latest Requests… opens the same window there. Last here: it
    // removes the admin from the team.
    void details_showCustodianAndLatestRequests_removedCustodianSaysSo() {
        const CreatedKey key = createReadOnlyKey(m_gateway, m_owner, QStringLiteral("Called key"));
        // Two calls with the key: one allowed, one outside a Read-Only key's scope.
        QCOMPARE(whoami(key.secret).status, 200);
        QCOMPARE(m_gateway
                     .postJson(QStringLiteral("/api/v1/customers"),
                               {{QStringLiteral("name"), QStringLiteral("X")}}, {{"X-API-Key", key.secret}})
                     .status,
                 403);
        const HttpReply handed = m_gateway.request(
            "PATCH", QStringLiteral("/v1/keys/") + key.id, R"({"custodian_id":"usr_jonas"})",
            {{"Authorization", "Bearer " + m_owner}, {"Content-Type", "application/json"}});
        QCOMPARE(handed.status, 200);
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(key.id));
        QTRY_VERIFY_WITH_TIMEOUT(f.workspace.teamModel()->rowCount() > 0, 10000);
        f.page->selectKeys({key.id});
        QTRY_COMPARE(f.selected().size(), 1);
        f.page->actions()->details->trigger();
        KeyDetailsDialog *details = openDetails(key.id);
        QVERIFY(details);
        QTRY_COMPARE(fact(details, "detailCustodian"), QStringLiteral("Jonas Becker"));
        auto *requests = details->findChild<QTableView *>(QStringLiteral("keyRequests"));
        QVERIFY(requests);
        QTRY_COMPARE_WITH_TIMEOUT(requests->model()->rowCount(), 2, 10000);
        QCOMPARE(requests->model()->index(0, KeyRequestsView::Status).data().toString(),
                 QStringLiteral("403"));
        QCOMPARE(requests->model()->index(1, KeyRequestsView::Route).data().toString(),
                 QStringLiteral("/api/v1/whoami"));
        QVERIFY(grabForDocs(details, QStringLiteral("key-details")));
        closeAllDetails();

        // Latest Requests… is the same window, with the keyboard in the requests.
        f.page->actions()->requests->trigger();
        details = openDetails(key.id);
        QVERIFY(details);
        QCOMPARE(details->requestsView(), details->findChild<KeyRequestsView *>());
        QCOMPARE(details->focusWidget(), details->findChild<QTableView *>(QStringLiteral("keyRequests")));

        // Jonas leaves the team: his key still names him, marked as removed.
        QCOMPARE(
            m_gateway
                .request("DELETE", QStringLiteral("/v1/team/usr_jonas"), {}, GatewayProcess::bearer(m_owner))
                .status,
            204);
        f.workspace.sync()->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(fact(details, "detailCustodian"), QStringLiteral("Jonas Becker (removed)"),
                                  10000);
    }

private:
    HttpReply whoami(const QByteArray &secret) const {
        return m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", secret}});
    }

    GatewayProcess m_gateway;
    QByteArray m_owner;
};

QTEST_MAIN(TestKeyDetails)
#include "tst_keydetails.moc"
