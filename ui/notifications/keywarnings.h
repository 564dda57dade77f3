#pragma once

#include <QObject>

class QMainWindow;

namespace knotie {

class DesktopNotifier;
class KeyWatch;
class Navigator;
class Workspace;

// The warnings of one signed-in window, wired in one place for the portal and its tests:
// the KeyWatch decides, the DesktopNotifier shows, a click opens the key's details through
// the Navigator (as the palette's "Key details" entries do), and what cannot be shown on
// the desktop goes to the window's status bar. Lives as long as the window.
class KeyWarnings : public QObject {
    Q_OBJECT
public:
    KeyWarnings(Workspace *workspace, Navigator *navigator, QMainWindow *window);

    // Checks at once, then whenever the keys change and every minute.
    void start();

    KeyWatch *watch() const { return m_watch; }
    DesktopNotifier *notifier() const { return m_notifier; }

private:
    KeyWatch *m_watch;
    DesktopNotifier *m_notifier;
};

} // namespace knotie
