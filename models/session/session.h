#pragma once

#include "models/network/gatewayconnection.h"
#include "models/network/gatewayresult.h"
#include "models/session/access.h"
#include "models/session/account.h"
#include "models/session/signinflow.h"
#include "models/sync/syncworker.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace knotie {

class GatewayJob;
class SecretStore;

// Who is signed in, to which gateway, with which token, and what they may do. Every job
// that acts for the person is watched here: a 403 `permission_denied` means the
// permissions may have changed, so /v1/me is read again and accountChanged tells the
// pages to show or hide; a 401 ends the session. With "keep me signed in" the token goes
// to the system keychain; without one the person is told, and the token stays in memory.
class Session : public QObject {
    Q_OBJECT
public:
    Session(QNetworkAccessManager *network, SecretStore *secrets, QObject *parent = nullptr);

    // After SignInFlow succeeded.
    void begin(const SignedInSession &session);
    // Looks for a kept token for this gateway and account and checks it with /v1/me.
    // When the gateway cannot be reached, the person is signed in offline with the
    // account as it was kept, so the cache can show their data (isOffline()).
    void restore(const QUrl &gateway, const QString &email);
    void signOut();

    bool isSignedIn() const { return !m_token.isEmpty(); }
    // Signed in from what was kept, without the gateway confirming it yet.
    bool isOffline() const { return m_offline; }
    const Account &account() const { return m_account; }
    QUrl gateway() const { return m_gateway; }
    // The connection every job of this session uses: token and whom to ask for access.
    GatewayConnection connection() const;
    bool maySee(Page page) const { return isSignedIn() && Access::maySee(m_account, page); }
    // What the data worker may sync for this person.
    SyncParts syncParts() const;

    void watch(GatewayJob *job);
    void refreshAccount();

    static QString tokenKey(const QUrl &gateway, const QString &email);
    static QString accountKey(const QUrl &gateway, const QString &email);

Q_SIGNALS:
    void signedIn(const knotie::Account &account);
    void restoreFailed();
    // The account as /v1/me now describes it, after a refresh found a change.
    void accountChanged(const knotie::Account &account);
    void accountRefreshed();
    void signedOut(const QString &reason);
    // Something to tell the person once, such as "no keychain".
    void notice(const QString &message);

private:
    void keepToken();
    void restoreOffline(const QUrl &gateway, const QString &email, const QByteArray &token);
    void forget(const QUrl &gateway, const QString &email);
    void end(const QString &reason);

    QNetworkAccessManager *m_network;
    SecretStore *m_secrets;
    QUrl m_gateway;
    QByteArray m_token;
    Account m_account;
    bool m_refreshing = false;
    bool m_offline = false;
    bool m_refreshAgain = false;
};

} // namespace knotie
