#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QNetworkAccessManager;

namespace knotie {

class MainWindow;
class SecretClipboard;
class SecretStore;
class SignInDialog;
class SignInFlow;
class Workspace;

// The composition root's one stateful object: builds the long-lived services and moves
// between the sign-in dialog and the main window as the session begins and ends. A kept
// session (the "keep me signed in" box) is restored from the system keychain.
class PortalController : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString gateway;  // prefilled address; the last one used otherwise
        QString email;    // prefilled email
        QString password; // with autoSignIn: submitted at once (demo and screenshots)
        bool autoSignIn = false;
        QString startPage;  // slug, e.g. "api-keys"
        QString screenshot; // save the main window to this file and quit
    };

    explicit PortalController(Options options, QObject *parent = nullptr);
    ~PortalController() override;

    void start();
    // Another start of the portal asked this one to come to the front.
    void bringToFront();

private:
    void showSignIn(const QString &notice);
    void openMainWindow();
    void closeMainWindow();

    Options m_options;
    QNetworkAccessManager *m_network = nullptr;
    SecretStore *m_secrets = nullptr;
    SecretClipboard *m_clipboard = nullptr;
    SignInFlow *m_signIn = nullptr;
    Workspace *m_workspace = nullptr;
    QPointer<SignInDialog> m_dialog;
    QPointer<MainWindow> m_window;
};

} // namespace knotie
