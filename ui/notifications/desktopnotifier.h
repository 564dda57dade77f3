#pragma once

#include "models/alerts/keyalerts.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QSystemTrayIcon;

namespace knotie {

// Shows the KeyWatch's warnings on the desktop: as freedesktop notifications over the
// session D-Bus (org.freedesktop.Notifications), else as the tray icon's message where
// the desktop has a tray, else not at all: `notShown` then says so in the window. Every
// call is asynchronous, so a slow or absent notification service never holds the GUI
// thread. Clicking a notification (its default action) or the tray's message asks for
// the key's details.
class DesktopNotifier : public QObject {
    Q_OBJECT
public:
    explicit DesktopNotifier(QObject *parent = nullptr);
    ~DesktopNotifier() override;

    static constexpr QLatin1StringView service{"org.freedesktop.Notifications"};
    static constexpr QLatin1StringView path{"/org/freedesktop/Notifications"};

    void show(const knotie::KeyAlert &alert);
    void showAll(const QList<knotie::KeyAlert> &alerts);

Q_SIGNALS:
    void keyDetailsRequested(const QString &keyId);
    // Neither a notification service nor a tray: the window shows `text` instead.
    void notShown(const QString &text);
    // A notification was handed to the service (its id) or the tray (0).
    void shown(const knotie::KeyAlert &alert, uint id);

private Q_SLOTS:
    // The service's ActionInvoked signal (for every client: only our ids count).
    void onActionInvoked(uint id, const QString &action);

private:
    void showInTray(const KeyAlert &alert);

    QHash<uint, QString> m_keyOfNotification;
    QPointer<QSystemTrayIcon> m_tray;
    QString m_trayKey; // the key of the tray's last message
};

} // namespace knotie
