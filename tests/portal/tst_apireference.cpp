#include "models/domain/keyformat.h"
#include "models/items/keyfilterproxy.h"
#include "models/items/keytablemodel.h"
#include "models/session/session.h"
#include "models/workspace/workspace.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/portalfixture.h"
#include "tests/support/portaltranslation.h"
#include "tests/support/screenshots.h"
#include "ui/pages/accessdeniedpage.h"
#include "ui/pages/apikeyspage.h"
#include "ui/reference/apireferencepage.h"
#include "ui/reference/codeblock.h"
#include "ui/reference/connectionpanel.h"
#include "ui/reference/endpointbrowser.h"
#include "ui/reference/keytestpanel.h"
#include "ui/shell/commandpalette.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/shortcutsoverlay.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTest>

using namespace knotie;
using namespace knotie::test;

namespace {
// What a label inside `parent` shows, found by its object name, as a person reads it.
QString text(const QWidget *parent, const char *objectName) {
    const auto *label = parent->findChild<QLabel *>(QLatin1String(objectName));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(objectName));
}

// The palette's entries a person sees, first lines only, in order.
QStringList visibleEntries(const CommandPalette &palette) {
    QStringList entries;
    const auto *list = palette.findChild<QListWidget *>(QStringLiteral("commandResults"));
    for (int i = 0; list && i < list->count(); ++i)
        if (!list->item(i)->isHidden())
            entries << list->item(i)->text().section(QLatin1Char('\n'), 0, 0);
    return entries;
}

struct Ran {
    int status = 0;
    QByteArray output;
};

bool hasProgram(const QString &program, const QStringList &probe) {
    if (QStandardPaths::findExecutable(program).isEmpty())
        return false;
    QProcess process;
    process.start(program, probe);
    return process.waitForFinished(30000) && process.exitCode() == 0;
}

// Runs an example program as a person would paste it, with the key in the environment.
Ran runExample(const QString &program, const QStringList &arguments, const QByteArray &key) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KNOTIE_API_KEY"), QString::fromLatin1(key));
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning() << program << "failed:" << process.readAllStandardError();
        return {};
    }
    const QByteArray out = process.readAllStandardOutput().trimmed();
    return {out.left(out.indexOf(' ')).toInt(), out};
}
} // namespace

// The API Reference against a real gateway: every example runs as shown and gets the
// status the page documents; "test a key" and the palette say what they promise.
class TestApiReference : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(installPortalTranslation());
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
    }

    void examples_eachRunsAsShownWithTheDocumentedStatus_data() {
        QTest::addColumn<int>("route");
        for (qsizetype i = 0; i < scopes::platformRoutes().size(); ++i) {
            const scopes::PlatformRoute &r = scopes::platformRoutes()[i];
            QTest::newRow(qPrintable(QString(r.method) + QLatin1Char(' ') + QString(r.pathTemplate)))
                << int(i);
        }
    }
    void examples_eachRunsAsShownWithTheDocumentedStatus() {
        QFETCH(int, route);
        const scopes::PlatformRoute &r = scopes::platformRoutes().at(route);
        const QByteArray key = createKey(QStringLiteral("partner")).second;
        EndpointBrowser browser;
        browser.setValues(values());
        browser.showRoute(r);
        const int expected = examples::exampleCall(r, values()).expectedStatus;
        // What runs below is what the page shows for each language.
        auto *languages = browser.findChild<QTabBar *>(QStringLiteral("exampleLanguages"));
        for (int i = 0; i < languages->count(); ++i) {
            languages->setCurrentIndex(i);
            QCOMPARE(browser.findChild<CodeBlock *>(QStringLiteral("exampleCode"))->code(),
                     browser.example(examples::allLanguages[i]));
        }

        // curl, exactly as shown, asked only to print the status after the body.
        const QString curl = browser.example(examples::Language::Curl);
        QVERIFY(curl.contains(QStringLiteral("$KNOTIE_API_KEY")));
        QVERIFY(!curl.contains(QString::fromLatin1(key)));
        const Ran curlRun =
            runExample(QStringLiteral("bash"),
                       {QStringLiteral("-c"), curl + QStringLiteral(" -w ' %{http_code}'")}, key);
        QCOMPARE(curlRun.output.mid(curlRun.output.lastIndexOf(' ') + 1).toInt(), expected);
        QVERIFY2(QJsonDocument::fromJson(curlRun.output.left(curlRun.output.lastIndexOf(' '))).isObject(),
                 curlRun.output.constData());

        // Python and Node.js run where they are installed (this machine has both); a machine
        // without them still runs every other example.
        if (hasProgram(QStringLiteral("python3"),
                       {QStringLiteral("-c"), QStringLiteral("import requests")})) {
            const Ran python =
                runExample(QStringLiteral("python3"),
                           {QStringLiteral("-c"), browser.example(examples::Language::Python)}, key);
            QCOMPARE(python.status, expected);
        } else {
            qInfo("python3 with requests is not installed: the Python example was not run");
        }
        if (hasProgram(QStringLiteral("node"), {QStringLiteral("--version")})) {
            const Ran node = runExample(QStringLiteral("node"),
                                        {QStringLiteral("--input-type=module"), QStringLiteral("-e"),
                                         browser.example(examples::Language::JavaScript)},
                                        key);
            QCOMPARE(node.status, expected);
        } else {
            qInfo("node is not installed: the JavaScript example was not run");
        }

        // n8n itself is not installed here: send what the node describes, field by field.
        const QJsonObject parameters =
            QJsonDocument::fromJson(browser.example(examples::Language::N8n).toUtf8())
                .object()
                .value(QStringLiteral("nodes"))
                .toArray()
                .first()
                .toObject()
                .value(QStringLiteral("parameters"))
                .toObject();
        const QJsonObject header = parameters.value(QStringLiteral("headerParameters"))
                                       .toObject()
                                       .value(QStringLiteral("parameters"))
                                       .toArray()
                                       .first()
                                       .toObject();
        QCOMPARE(header.value(QStringLiteral("name")).toString(), QStringLiteral("X-API-Key"));
        QCOMPARE(header.value(QStringLiteral("value")).toString(),
                 QStringLiteral("={{ $env.KNOTIE_API_KEY }}"));
        QNetworkRequest request(QUrl(parameters.value(QStringLiteral("url")).toString()));
        request.setRawHeader("X-API-Key", key);
        QByteArray body;
        if (parameters.value(QStringLiteral("sendBody")).toBool()) {
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            body = parameters.value(QStringLiteral("jsonBody")).toString().toUtf8();
        }
        QCOMPARE(send(request, parameters.value(QStringLiteral("method")).toString().toLatin1(), body),
                 expected);
    }

    void mcpConfig_reachesMcpWithTheKeyInItsHeader() {
        EndpointBrowser browser;
        browser.setValues(values());
        browser.showRoute(*scopes::findRoute("POST", u"/mcp"));
        browser.setMinimumSize(900, 760);
        QVERIFY(grabForDocs(&browser, QStringLiteral("api-reference-mcp")));
        const QJsonObject server = QJsonDocument::fromJson(browser.mcpConfig().toUtf8())
                                       .object()
                                       .value(QStringLiteral("mcpServers"))
                                       .toObject()
                                       .value(QStringLiteral("knotie"))
                                       .toObject();
        const QJsonObject headers = server.value(QStringLiteral("headers")).toObject();
        QCOMPARE(headers.keys(), QStringList{QStringLiteral("X-API-Key")});
        QCOMPARE(headers.value(QStringLiteral("X-API-Key")).toString(), QString(examples::placeholderKey));
        QNetworkRequest request(QUrl(server.value(QStringLiteral("url")).toString()));
        request.setRawHeader("X-API-Key", createKey(QStringLiteral("read_only")).second);
        request.setRawHeader("Accept", "application/json, text/event-stream");
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QCOMPARE(
            send(request, "POST",
                 R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",)"
                 R"("capabilities":{},"clientInfo":{"name":"test","version":"1"}}})"),
            200);
    }

    void testKey_explainsEachOutcomeAndClearsOnHide() {
        PortalFixture portal(m_gateway, QStringLiteral("admin@demo.test"), {.open = false});
        QVERIFY(portal.signedIn());
        ApiReferencePage page(portal.context());
        page.setMinimumSize(900, 620);
        page.show();
        page.showTab(ApiReferencePage::TestKeyTab);
        KeyTestPanel *panel = page.keyTest();
        QVERIFY(panel);

        panel->test(QStringLiteral("hello"));
        QCOMPARE(text(panel, "testKeyVerdict"), QStringLiteral("This is not a Knotie key."));
        QVERIFY(text(panel, "testKeyDetails").contains(QStringLiteral("Nothing was sent")));

        const auto [id, secret] = createKey(QStringLiteral("read_only"));
        QByteArray typo = secret;
        typo[10] = typo[10] == 'x' ? 'y' : 'x';
        panel->test(QString::fromLatin1(typo));
        QCOMPARE(text(panel, "testKeyVerdict"), QStringLiteral("A character is wrong."));
        QVERIFY(text(panel, "testKeyDetails").contains(QStringLiteral("Read-Only")));

        panel->test(QString::fromLatin1(secret));
        QVERIFY(QTest::qWaitFor(
            [&] { return text(panel, "testKeyLiveCall").contains(QStringLiteral("HTTP 200")); }, 20000));
        QCOMPARE(text(panel, "testKeyVerdict"), QStringLiteral("Valid."));
        QVERIFY(text(panel, "testKeyDetails").contains(QStringLiteral("GET /api/v1/analytics")));
        QVERIFY(!text(panel, "testKeyDetails").contains(QStringLiteral("POST /api/v1/customers")));
        QVERIFY(text(panel, "testKeyLiveCall").contains(id));

        QCOMPARE(
            m_gateway.request("DELETE", QStringLiteral("/v1/keys/") + id, {}, GatewayProcess::bearer(m_owner))
                .status,
            200);
        auto *field = panel->findChild<QLineEdit *>(QStringLiteral("testKeySecret"));
        field->setText(QString::fromLatin1(secret));
        panel->test(field->text());
        QVERIFY(QTest::qWaitFor(
            [&] { return text(panel, "testKeyVerdict").startsWith(QStringLiteral("Revoked on")); }, 20000));
        QVERIFY(text(panel, "testKeyVerdict").endsWith(QStringLiteral(" by Maya Lindqvist.")));
        QVERIFY(text(panel, "testKeyLiveCall").isEmpty());
        QVERIFY(text(panel, "testKeyDetails").contains(QStringLiteral("It no longer works")));
        QVERIFY(text(panel, "testKeyDetails").contains(QStringLiteral("It could call:")));
        QCoreApplication::sendPostedEvents(); // lay out the new text before the picture
        QVERIFY(grabForDocs(&page, QStringLiteral("api-reference-test-key")));

        panel->test(QString::fromLatin1(keyformat::generate(KeyType::Customer)));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return text(panel, "testKeyVerdict") == QStringLiteral("The gateway does not know this key.");
            },
            20000));

        // Leaving the tab clears the key and what was said about it.
        field->setText(QString::fromLatin1(secret));
        page.showTab(ApiReferencePage::ConnectionTab);
        QVERIFY(field->text().isEmpty());
        QVERIFY(!field->isUndoAvailable());
        QVERIFY(text(panel, "testKeyVerdict").isEmpty());
    }

    void testKey_memberIsToldWhomToAsk() {
        PortalFixture portal(m_gateway, QStringLiteral("member@demo.test"), {.open = false});
        QVERIFY(portal.signedIn());
        ApiReferencePage page(portal.context());
        QVERIFY(!page.keyTest());
        const auto *message = page.findChild<QLabel *>(QStringLiteral("accessDeniedMessage"));
        QVERIFY(message);
        QVERIFY(message->text().contains(QStringLiteral("Ask Maya Lindqvist (owner@demo.test)")));
    }

    void testKey_appearsWhenSettingsAccessIsGranted() {
        PortalFixture portal(m_gateway, QStringLiteral("member@demo.test"), {.open = false});
        QVERIFY(portal.signedIn());
        ApiReferencePage page(portal.context());
        QVERIFY(!page.keyTest());
        const auto setPermissions = [this](const QByteArray &permissions) {
            return m_gateway
                .request("PATCH", QStringLiteral("/v1/team/usr_priya"),
                         R"({"permissions":)" + permissions + "}", GatewayProcess::bearer(m_owner))
                .status;
        };
        QCOMPARE(setPermissions(R"(["settings.manage","analytics.view","customers.view"])"), 200);
        portal.workspace.session()->refreshAccount();
        QVERIFY(QTest::qWaitFor([&] { return page.keyTest() != nullptr; }, 20000));
        QVERIFY(!page.findChild<QLabel *>(QStringLiteral("accessDeniedMessage")));
        QCOMPARE(setPermissions(R"(["analytics.view","customers.view"])"), 200);
        portal.workspace.session()->refreshAccount();
        QVERIFY(QTest::qWaitFor([&] { return page.keyTest() == nullptr; }, 20000));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("accessDeniedMessage")));
    }

    // An address copied with a call's path: the check names the gateway's own address, and one
    // click uses it.
    void connection_addressWithApiPathOffersTheGatewaysAddress() {
        PortalFixture portal(m_gateway, QStringLiteral("member@demo.test"), {.open = false});
        QVERIFY(portal.signedIn());
        ApiReferencePage page(portal.context());
        page.show();
        page.showTab(ApiReferencePage::ConnectionTab);
        auto *address = page.findChild<QLineEdit *>(QStringLiteral("gatewayAddress"));
        address->setText(m_gateway.baseUrl().toString() + QStringLiteral("/api/v1"));
        QSignalSpy checked(page.connection(), &ConnectionPanel::checked);
        page.connection()->check();
        QVERIFY(checked.wait(20000));
        QVERIFY(text(page.connection(), "connectionResult").contains(QStringLiteral("/api/v1")));
        auto *suggestion = page.findChild<QLabel *>(QStringLiteral("connectionSuggestion"));
        QVERIFY(suggestion->isVisible());
        QVERIFY(grabForDocs(&page, QStringLiteral("api-reference-connection-api-path")));
        Q_EMIT suggestion->linkActivated(m_gateway.baseUrl().toString());
        QVERIFY(checked.wait(20000));
        QCOMPARE(address->text(), m_gateway.baseUrl().toString());
        QVERIFY(text(page.connection(), "connectionResult").startsWith(QStringLiteral("Connected:")));
        QVERIFY(suggestion->isHidden());
    }

    void connection_checksTheGatewayAndNamesTheProxy() {
        PortalFixture portal(m_gateway, QStringLiteral("member@demo.test"), {.open = false});
        QVERIFY(portal.signedIn());
        ApiReferencePage page(portal.context());
        page.setMinimumSize(900, 620);
        page.show();
        page.showTab(ApiReferencePage::ConnectionTab);
        QSignalSpy checked(page.connection(), &ConnectionPanel::checked);
        page.connection()->check();
        QVERIFY(checked.wait(20000));
        QVERIFY(text(page.connection(), "connectionResult").startsWith(QStringLiteral("Connected:")));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("connectionProxy"))
                    ->text()
                    .startsWith(QStringLiteral("Proxy:")));
        QVERIFY(grabForDocs(&page, QStringLiteral("api-reference-connection")));
    }

    void palette_memberSearchingApiKeysLearnsWhyAndWhomToAsk() {
        PortalFixture portal(m_gateway, QStringLiteral("member@demo.test"), {.open = false});
        QVERIFY(portal.signedIn());
        MainWindow window(portal.context());
        // The palette asks the window's Navigator for the page.
        CommandPalette palette(portal.context(), &window);
        palette.setQuery(QStringLiteral("api keys"));
        QCOMPARE(visibleEntries(palette).first(), QStringLiteral("API Keys — not available to you"));
        QVERIFY(grabForDocs(&palette, QStringLiteral("command-palette-member")));
        palette.chooseFirst();
        const auto *message = window.findChild<QLabel *>(QStringLiteral("accessDeniedMessage"));
        QVERIFY(message);
        QVERIFY(message->text().contains(QStringLiteral("Maya Lindqvist")));
        palette.setQuery(QStringLiteral("settings"));
        QVERIFY(visibleEntries(palette).contains(QStringLiteral("Team — not available to you")));
    }

    void palette_ownerJumpsToAKeyByName() {
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready());
        QVERIFY(portal.workspace.keyModel()->rowCount() > 0);
        ApiKey key;
        for (int row = 0; row < portal.workspace.keyModel()->rowCount() && key.id.isEmpty(); ++row)
            if (!portal.workspace.keyModel()->keyAt(row).isRetired())
                key = portal.workspace.keyModel()->keyAt(row);
        CommandPalette palette(portal.context());
        QSignalSpy page(&portal.navigator, &Navigator::pageRequested);
        QSignalSpy chosen(&portal.navigator, &Navigator::keySelectionRequested);
        palette.setQuery(key.name);
        QVERIFY(visibleEntries(palette).contains(QStringLiteral("Key: ") + keyLabel(key)));
        palette.setQuery(QStringLiteral("no such thing at all"));
        QVERIFY(visibleEntries(palette).isEmpty());
        palette.setQuery(key.maskedSecret());
        palette.chooseFirst();
        QCOMPARE(page.count(), 1);
        QCOMPARE(page.at(0).at(0).value<Page>(), Page::ApiKeys);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), key.id);
    }

    void palette_inTheWindowOpensApiKeysWithTheKeySelected() {
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready());
        MainWindow &window = portal.showWindow(Page::Overview);
        ApiKey key;
        for (int row = 0; row < portal.workspace.keyModel()->rowCount() && key.id.isEmpty(); ++row)
            if (!portal.workspace.keyModel()->keyAt(row).isRetired())
                key = portal.workspace.keyModel()->keyAt(row);
        QVERIFY(!key.id.isEmpty());
        CommandPalette palette(portal.context(), &window);
        palette.setQuery(key.maskedSecret());
        palette.chooseFirst();
        QCOMPARE(window.currentPage(), Page::ApiKeys);
        auto *keys = window.findChild<ApiKeysPage *>();
        QVERIFY(keys);
        const QModelIndexList selected = keys->table()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(portal.workspace.keyModel()->keyFromIndex(keys->proxy()->mapToSource(selected.first())),
                 key.id);
    }

    void shortcuts_overlayListsThePaletteFromTheWindowsOwnActions() {
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"), {.open = false});
        QVERIFY(portal.signedIn());
        MainWindow window(portal.context());
        const auto shortcuts = ShortcutsOverlay::shortcutsOf(&window);
        QVERIFY(shortcuts.contains(
            qMakePair(QKeySequence(Qt::CTRL | Qt::Key_K).toString(QKeySequence::NativeText),
                      QStringLiteral("Go to Page or Key…"))));
        QVERIFY(shortcuts.contains(
            qMakePair(QKeySequence(Qt::CTRL | Qt::Key_5).toString(QKeySequence::NativeText),
                      QStringLiteral("API Keys"))));
        ShortcutsOverlay overlay(&window);
        QVERIFY(grabForDocs(&overlay, QStringLiteral("keyboard-shortcuts")));
    }

private:
    examples::Values values() const {
        examples::Values v;
        v.baseUrl = m_gateway.baseUrl();
        v.customerId = QStringLiteral("cus_brightside");
        return v;
    }

    int send(QNetworkRequest request, const QByteArray &method, const QByteArray &body) {
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !done.wait(20000))
            return 0;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

    std::pair<QString, QByteArray> createKey(const QString &type) {
        QJsonObject body{{QStringLiteral("name"), QStringLiteral("Reference %1").arg(type)},
                         {QStringLiteral("type"), type}};
        const HttpReply created =
            m_gateway.postJson(QStringLiteral("/v1/keys"), body, GatewayProcess::bearer(m_owner));
        return {created.json().value(QStringLiteral("key")).toObject().value(QStringLiteral("id")).toString(),
                created.json().value(QStringLiteral("secret")).toString().toLatin1()};
    }

    QNetworkAccessManager m_network;
    GatewayProcess m_gateway;
    QByteArray m_owner;
};

QTEST_MAIN(TestApiReference)
#include "tst_apireference.moc"
