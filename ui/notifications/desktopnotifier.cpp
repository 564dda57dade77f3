#include "ui/notifications/desktopnotifier.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QIcon>
#include <QSystemTrayIcon>
#include <QVariantMap>

namespace knotie {

namespace {
constexpr QLatin1StringView interfaceName{"org.freedesktop.Notifications"};
} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent) {
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        bus.connect(QString(service), QString(path), QString(interfaceName), QStringLiteral("ActionInvoked"),
                    this, SLOT(onActionInvoked(uint, QString)));
    }
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (!m_trayKey.isEmpty())
                Q_EMIT keyDetailsRequested(m_trayKey);
        });
        m_tray->show();
    }
}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::showAll(const QList<KeyAlert> &alerts) {
    for (const KeyAlert &a : alerts)
        show(a);
}

void DesktopNotifier::show(const KeyAlert &alert) {
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return showInTray(alert);
    QDBusMessage call = QDBusMessage::createMethodCall(QString(service), QString(path),
                                                       QString(interfaceName), QStringLiteral("Notify"));
    // The "default" action is what a click on the notification itself invokes.
    const QStringList actions{QStringLiteral("default"), tr("Show Key Details")};
    const QVariantMap hints{{QStringLiteral("desktop-entry"), QStringLiteral("knotie-portal")},
                            {QStringLiteral("category"), QStringLiteral("device")}};
    call << QApplication::applicationDisplayName() << uint(0) << QStringLiteral("dialog-warning")
         << alert.summary << alert.body << actions << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, alert](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError())
            return showInTray(alert); // no notification service on this desktop
        m_keyOfNotification.insert(reply.value(), alert.keyId);
        Q_EMIT shown(alert, reply.value());
    });
}

void DesktopNotifier::showInTray(const KeyAlert &alert) {
    if (!m_tray) {
        Q_EMIT notShown(alert.summary + QStringLiteral(": ") + alert.body);
        return;
    }
    m_trayKey = alert.keyId;
    m_tray->showMessage(alert.summary, alert.body, QSystemTrayIcon::Warning);
    Q_EMIT shown(alert, 0);
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action) {
    const QString keyId = m_keyOfNotification.value(id);
    if (keyId.isEmpty() || action != QLatin1String("default"))
        return;
    Q_EMIT keyDetailsRequested(keyId);
}

} // namespace knotie
