// Desktop notifications end to end: the real gateway, the portal's main window, and a
// notification server of this test's own on the real session D-Bus (test.sh runs every
// test inside dbus-run-session), registered as org.freedesktop.Notifications on a
// connection of its own, as a desktop's would be.
#include "models/alerts/alertsettings.h"
#include "models/alerts/keywatch.h"
#include "models/keys/keystore.h"
#include "tests/portal/apikeyspagefixture.h"
#include "tests/support/screenshots.h"
#include "ui/keys/keydetailsdialog.h"
#include "ui/notifications/desktopnotifier.h"
#include "ui/notifications/keywarnings.h"
#include "ui/notifications/notificationprefs.h"
#include "ui/notifications/usagewarningdialog.h"
#include "ui/preferences/preferencesdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDateTime>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

using namespace knotie;
using namespace knotie::test;

namespace {

struct Sent {
    uint id = 0;
    QString appName, summary, body;
    QStringList actions;
};

// What a desktop's notification daemon offers, reduced to what the portal uses.
class NotificationServer : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    explicit NotificationServer(QDBusConnection bus)
        : m_bus(bus) {}
    QList<Sent> sent;

    void invoke(uint id, const QString &action) {
        QDBusMessage signal =
            QDBusMessage::createSignal(QString(DesktopNotifier::path), QString(DesktopNotifier::service),
                                       QStringLiteral("ActionInvoked"));
        signal << id << action;
        m_bus.send(signal);
    }

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int timeout) {
        Q_UNUSED(replacesId);
        Q_UNUSED(icon);
        Q_UNUSED(hints);
        Q_UNUSED(timeout);
        const uint id = uint(sent.size()) + 1;
        sent.append({id, appName, summary, body, actions});
        // What a person would read: the test's rendering of the notification.
        qInfo().noquote() << QStringLiteral("notification %1: [%2] %3 — %4 (actions: %5)")
                                 .arg(id)
                                 .arg(appName, summary, body, actions.join(QLatin1Char('/')));
        return id;
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
    QString GetServerInformation(QString &vendor, QString &version, QString &specVersion) {
        vendor = QStringLiteral("knotie-tests");
        version = QStringLiteral("1");
        specVersion = QStringLiteral("1.2");
        return QStringLiteral("test-notifications");
    }

private:
    QDBusConnection m_bus;
};

KeyDetailsDialog *openDetails(const QString &keyId) {
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *d = qobject_cast<KeyDetailsDialog *>(w); d && d->isVisible() && d->keyId() == keyId)
            return d;
    return nullptr;
}

QList<Sent> about(const QList<Sent> &sent, const QString &name) {
    QList<Sent> found;
    for (const Sent &s : sent)
        if (s.body.contains(name))
            found.append(s);
    return found;
}

// How many of the warnings the KeyWatch decided on name `keyId`.
int alertsFor(const QSignalSpy &decided, const QString &keyId) {
    int n = 0;
    for (const QList<QVariant> &args : decided)
        for (const KeyAlert &a : args.first().value<QList<KeyAlert>>())
            n += a.keyId == keyId ? 1 : 0;
    return n;
}

int shownFor(const QSignalSpy &shown, const QString &keyId) {
    int n = 0;
    for (const QList<QVariant> &args : shown)
        n += args.first().value<KeyAlert>().keyId == keyId ? 1 : 0;
    return n;
}

} // namespace

class TestKeyNotifications : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareKeysPageTests();
        QSettings().remove(QStringLiteral("alerts"));
        QSettings().remove(QStringLiteral("notifications"));
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "run inside dbus-run-session, as test.sh does");
        m_bus = std::make_unique<QDBusConnection>(QDBusConnection::connectToBus(
            QDBusConnection::SessionBus, QStringLiteral("notification-server")));
        QVERIFY(m_bus->isConnected());
        m_server = std::make_unique<NotificationServer>(*m_bus);
        QVERIFY(m_bus->registerObject(QString(DesktopNotifier::path), m_server.get(),
                                      QDBusConnection::ExportAllSlots));
        QVERIFY2(m_bus->registerService(QString(DesktopNotifier::service)),
                 "another notification server is on this bus");
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
    }
    void cleanupTestCase() {
        if (m_bus) {
            m_bus->unregisterService(QString(DesktopNotifier::service));
            QDBusConnection::disconnectFromBus(QStringLiteral("notification-server"));
        }
    }

    void expiringKey_notifiedOnce_notAfterRestart_andOpensItsDetails() {
        const QString name = QStringLiteral("Nightly Export");
        const QString expires = QDateTime::currentDateTimeUtc().addSecs(12 * 3600).toString(Qt::ISODate);
        const HttpReply made = m_gateway.postJson(QStringLiteral("/v1/keys"),
                                                  {{QStringLiteral("name"), name},
                                                   {QStringLiteral("type"), QStringLiteral("read_only")},
                                                   {QStringLiteral("expires_at"), expires}},
                                                  GatewayProcess::bearer(m_owner));
        QCOMPARE(made.status, 201);
        const QString keyId =
            made.json().value(QStringLiteral("key")).toObject().value(QStringLiteral("id")).toString();

        {
            PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
            QVERIFY(portal.ready(keyId));
            MainWindow &window = portal.showWindow(Page::Overview);
            KeyWarnings warnings(&portal.workspace, &portal.navigator, &window);
            QSignalSpy decided(warnings.watch(), &KeyWatch::alertsReady);
            QSignalSpy shown(warnings.notifier(), &DesktopNotifier::shown);
            warnings.start();
            // The service answered with its id: the notification is on the desktop.
            QTRY_COMPARE(shownFor(shown, keyId), 1);
            QCOMPARE(about(m_server->sent, name).size(), 1);
            const Sent sent = about(m_server->sent, name).first();
            QCOMPARE(sent.summary, QStringLiteral("API key expires within a day"));
            QVERIFY(sent.actions.contains(QStringLiteral("default")));
            // Checking again (as the minute's timer and every key change do) adds nothing.
            const qsizetype before = m_server->sent.size();
            warnings.watch()->checkNow();
            // Clicking it opens the key's details, as the palette's "Key details" does.
            m_server->invoke(sent.id, QStringLiteral("default"));
            QTRY_VERIFY(openDetails(keyId));
            QCOMPARE(m_server->sent.size(), before);
            QCOMPARE(shownFor(shown, keyId), 1);
            QCOMPARE(alertsFor(decided, keyId), 1);
            openDetails(keyId)->close();
        }
        // The portal again, with the same cache and settings: the event was shown already.
        PortalFixture again(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(again.ready(keyId));
        MainWindow &window = again.showWindow(Page::Overview);
        KeyWarnings warnings(&again.workspace, &again.navigator, &window);
        QSignalSpy due(warnings.watch(), &KeyWatch::alertsReady);
        warnings.start(); // expiry is decided at once, synchronously
        warnings.watch()->checkNow();
        QCOMPARE(alertsFor(due, keyId), 0);
        QCOMPARE(about(m_server->sent, name).size(), 1);
    }

    void turnedOffKinds_areNotSent() {
        const QString name = QStringLiteral("Quarterly Report");
        const HttpReply made =
            m_gateway.postJson(QStringLiteral("/v1/keys"),
                               {{QStringLiteral("name"), name},
                                {QStringLiteral("type"), QStringLiteral("read_only")},
                                {QStringLiteral("expires_at"),
                                 QDateTime::currentDateTimeUtc().addSecs(3 * 86400).toString(Qt::ISODate)}},
                               GatewayProcess::bearer(m_owner));
        QCOMPARE(made.status, 201);
        const QString keyId =
            made.json().value(QStringLiteral("key")).toObject().value(QStringLiteral("id")).toString();
        // Turned off in Preferences, as a person does it.
        {
            PreferencesDialog prefs;
            auto *box = prefs.findChild<QCheckBox *>(QStringLiteral("notify-expiring-7d"));
            QVERIFY(box && box->isChecked());
            box->setChecked(false);
            prefs.show();
            QVERIFY(grabForDocs(&prefs, QStringLiteral("preferences-notifications")));
            prefs.accept();
        }
        QVERIFY(!alertsettings::isEnabled(AlertKind::Expiring7Days));
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready(keyId));
        MainWindow &window = portal.showWindow(Page::Overview);
        KeyWarnings warnings(&portal.workspace, &portal.navigator, &window);
        QSignalSpy due(warnings.watch(), &KeyWatch::alertsReady);
        warnings.start();
        QCOMPARE(alertsFor(due, keyId), 0);
        alertsettings::setEnabled(AlertKind::Expiring7Days, true);
        warnings.watch()->checkNow(); // on again: now it comes
        QTRY_COMPARE(about(m_server->sent, name).size(), 1);
        QCOMPARE(about(m_server->sent, name).first().summary,
                 QStringLiteral("API key expires within 7 days"));
    }

    // Traffic from the real gateway: half of a key's 20 requests refused (403 key_scope)
    // within the last minutes is a burst, sent once however often the watch checks.
    void errorBurst_onARealKey_isSentOnce() {
        const CreatedKey key = createReadOnlyKey(m_gateway, m_owner, QStringLiteral("Flaky Importer"));
        QVERIFY(!key.id.isEmpty());
        const QList<QPair<QByteArray, QByteArray>> as{{"X-API-Key", key.secret}};
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), as).status, 200);
            QCOMPARE(
                m_gateway.request("POST", QStringLiteral("/api/v1/customers"), R"({"name":"N"})", as).status,
                403);
        }
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready(key.id));
        MainWindow &window = portal.showWindow(Page::Overview);
        KeyWarnings warnings(&portal.workspace, &portal.navigator, &window);
        QSignalSpy decided(warnings.watch(), &KeyWatch::alertsReady);
        QSignalSpy shown(warnings.notifier(), &DesktopNotifier::shown);
        warnings.start();
        // Usage shows within 2 seconds (API.md): the watch checks again until it does.
        QTimer again;
        connect(&again, &QTimer::timeout, warnings.watch(), &KeyWatch::checkNow);
        again.start(500);
        QTRY_COMPARE_WITH_TIMEOUT(shownFor(shown, key.id), 1, 20000);
        const QList<Sent> sent = about(m_server->sent, QStringLiteral("Flaky Importer"));
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().summary, QStringLiteral("Errors on an API key"));
        QVERIFY2(sent.first().body.contains(QStringLiteral("10 of its 20 requests")),
                 qPrintable(sent.first().body));
        // A further whole check (usage and the key's requests read again) decides nothing new.
        again.stop();
        QSignalSpy checked(warnings.watch(), &KeyWatch::trafficChecked);
        warnings.watch()->checkNow();
        QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty(), 20000);
        QCOMPARE(alertsFor(decided, key.id), 1);
        QCOMPARE(about(m_server->sent, QStringLiteral("Flaky Importer")).size(), 1);
    }

    // No notification service and no tray (offscreen has none): the window says it.
    void withoutServiceOrTray_theWindowSaysIt() {
        QVERIFY(m_bus->unregisterService(QString(DesktopNotifier::service)));
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready());
        MainWindow &window = portal.showWindow(Page::ApiKeys);
        KeyWarnings warnings(&portal.workspace, &portal.navigator, &window);
        QSignalSpy notShown(warnings.notifier(), &DesktopNotifier::notShown);
        // What the rules decide for the key made expiring in the first test, as it would be sent.
        const auto &keys = portal.workspace.keyStore()->keys();
        const auto nightly = std::find_if(keys.cbegin(), keys.cend(), [](const ApiKey &k) {
            return k.name == QStringLiteral("Nightly Export");
        });
        QVERIFY(nightly != keys.cend());
        AlertInputs in;
        in.keys = {*nightly};
        in.now = QDateTime::currentSecsSinceEpoch();
        in.enabled = {AlertKind::Expiring1Day};
        const AlertDecision decided = alertsDue(in);
        QCOMPARE(decided.show.size(), 1);
        const KeyAlert alert = decided.show.first();
        warnings.notifier()->show(alert);
        QTRY_COMPARE(notShown.size(), 1);
        QVERIFY(window.statusBar()->currentMessage().startsWith(alert.summary));
        QVERIFY(grabForDocs(&window, QStringLiteral("notification")));
        QVERIFY(m_bus->registerService(QString(DesktopNotifier::service)));
    }

    void usageWarningDialog_storesPerPartnerAndKey() {
        ApiKey key;
        key.id = QStringLiteral("key_1");
        key.name = QStringLiteral("N8N Production");
        key.prefix = QStringLiteral("kn_pk_");
        key.last4 = QStringLiteral("jC2d");
        key.rateLimit = RateLimit{60, 60};
        QWidget parent;
        UsageWarningDialog::ask(key, QStringLiteral("ptr_demo"), &parent, [](const QString &) {});
        auto *dialog = parent.findChild<UsageWarningDialog *>(QStringLiteral("usageWarningDialog"));
        QVERIFY(dialog);
        dialog->findChild<QCheckBox *>(QStringLiteral("warnByRate"))->setChecked(true);
        dialog->findChild<QCheckBox *>(QStringLiteral("warnByDay"))->setChecked(true);
        dialog->findChild<QSpinBox *>(QStringLiteral("requestsPerDay"))->setValue(5000);
        QVERIFY(grabForDocs(dialog, QStringLiteral("usage-warning")));
        dialog->accept();
        QCOMPARE(alertsettings::usageWarning(QStringLiteral("ptr_demo"), key.id), (UsageWarning{80, 5000}));
        QVERIFY(!alertsettings::usageWarning(QStringLiteral("ptr_other"), key.id).isSet());
    }

private:
    GatewayProcess m_gateway;
    QByteArray m_owner;
    std::unique_ptr<QDBusConnection> m_bus;
    std::unique_ptr<NotificationServer> m_server;
};

QTEST_MAIN(TestKeyNotifications)
#include "tst_keynotifications.moc"
