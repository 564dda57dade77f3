#pragma once

#include "app/portalstart.h"

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
    explicit PortalController(PortalOptions options, QObject *parent = nullptr);
    ~PortalController() override;

    // Takes over the sign-in dialog the first stage showed; without one, restores the
    // remembered session.
    void start(SignInDialog *shown);
    // Another start of the portal asked this one to come to the front.
    void bringToFront();

private:
    void showSignIn(const QString &notice);
    void signInWith(SignInDialog *dialog);
    void openMainWindow();
    void closeMainWindow();

    PortalOptions m_options;
    QNetworkAccessManager *m_network = nullptr;
    SecretStore *m_secrets = nullptr;
    SecretClipboard *m_clipboard = nullptr;
    SignInFlow *m_signIn = nullptr;
    Workspace *m_workspace = nullptr;
    QPointer<SignInDialog> m_dialog;
    QPointer<MainWindow> m_window;
};

} // namespace knotie
