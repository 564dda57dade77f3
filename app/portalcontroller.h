#pragma once

#include "session/signinflow.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace knotie {

class MainWindow;
class SecretStore;
class SignInDialog;

// The composition root's one stateful object: builds the long-lived services, moves
// between the sign-in dialog and the main window, and keeps a remembered session in
// the system keychain (never in a settings file).
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
    void openMainWindow(const SignedInSession &session);
    void signOut();
    QString tokenKey(const QUrl &gateway, const QString &email) const;

    Options m_options;
    QNetworkAccessManager *m_network = nullptr;
    SecretStore *m_secrets = nullptr;
    SignInFlow *m_signIn = nullptr;
    QPointer<SignInDialog> m_dialog;
    QPointer<MainWindow> m_window;
    SignedInSession m_session;
};

} // namespace knotie
