#include "ui/notifications/keywarnings.h"

#include "models/alerts/keywatch.h"
#include "models/workspace/workspace.h"
#include "ui/notifications/desktopnotifier.h"
#include "ui/pages/navigator.h"

#include <QMainWindow>
#include <QStatusBar>

namespace knotie {

KeyWarnings::KeyWarnings(Workspace *workspace, Navigator *navigator, QMainWindow *window)
    : QObject(window)
    , m_watch(new KeyWatch(workspace->session(), workspace->keyStore(), workspace->usage(), this))
    , m_notifier(new DesktopNotifier(this)) {
    connect(m_watch, &KeyWatch::alertsReady, m_notifier, &DesktopNotifier::showAll);
    connect(m_notifier, &DesktopNotifier::keyDetailsRequested, this,
            [window, navigator](const QString &keyId) {
                window->setWindowState((window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
                window->show();
                window->raise();
                window->activateWindow();
                navigator->showKeyDetails(keyId);
            });
    // Neither a notification service nor a tray: said in the window, for a minute.
    connect(m_notifier, &DesktopNotifier::notShown, window,
            [window](const QString &text) { window->statusBar()->showMessage(text, 60 * 1000); });
}

void KeyWarnings::start() {
    m_watch->start();
}

} // namespace knotie
