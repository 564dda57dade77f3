#include "models/session/session.h"

#include "models/logging.h"
#include "models/network/sessionjobs.h"
#include "models/secrets/secretstore.h"

#include <QJsonDocument>

#include <utility>

namespace knotie {

namespace {
bool samePermissions(const Account &a, const Account &b) {
    return a.role == b.role && a.permissions == b.permissions;
}
} // namespace

Session::Session(QNetworkAccessManager *network, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_secrets(secrets) {}

QString Session::tokenKey(const QUrl &gateway, const QString &email) {
    return SecretStore::scopedKey(gateway, email, QStringLiteral("session-token"));
}

QString Session::accountKey(const QUrl &gateway, const QString &email) {
    return SecretStore::scopedKey(gateway, email, QStringLiteral("session-account"));
}

GatewayConnection Session::connection() const {
    GatewayConnection c(m_network, m_gateway, m_token);
    c.accessContact = m_account.owner;
    return c;
}

SyncParts Session::syncParts() const {
    SyncParts parts;
    if (Access::maySee(m_account, Page::ApiKeys))
        parts |= SyncPart::Keys | SyncPart::Audit;
    if (Access::maySee(m_account, Page::Team))
        parts |= SyncPart::Team;
    if (Access::maySee(m_account, Page::Customers))
        parts |= SyncPart::Customers;
    return parts;
}

void Session::begin(const SignedInSession &session) {
    m_gateway = session.gateway;
    m_token = session.token;
    m_account = session.account;
    qCInfo(lcSession) << "signed in as" << m_account.user.id << "role" << roleWireName(m_account.role);
    if (session.remember)
        keepToken();
    else if (m_secrets) // an older kept token must not outlive an unticked box
        m_secrets->remove(tokenKey(m_gateway, m_account.user.email), this,
                          [](const SecretStore::Result &) {});
    Q_EMIT signedIn(m_account);
}

void Session::keepToken() {
    if (!m_secrets)
        return;
    // The account beside the token, so a start without the gateway can still say who
    // is signed in and open their cache. Not a secret, but it belongs with the token.
    m_secrets->write(accountKey(m_gateway, m_account.user.email),
                     QJsonDocument(m_account.toMeJson()).toJson(QJsonDocument::Compact), this,
                     [](const SecretStore::Result &) {});
    m_secrets->write(
        tokenKey(m_gateway, m_account.user.email), m_token, this, [this](const SecretStore::Result &r) {
            if (r.ok)
                return;
            Q_EMIT notice(
                tr("%1 You stay signed in until you quit; next time you will be asked to sign in again.")
                    .arg(r.error));
        });
}

void Session::restore(const QUrl &gateway, const QString &email) {
    if (!m_secrets)
        return Q_EMIT restoreFailed();
    m_secrets->read(tokenKey(gateway, email), this, [this, gateway, email](const SecretStore::Result &r) {
        if (!r.ok || r.value.isEmpty())
            return Q_EMIT restoreFailed();
        // One attempt: the window waits for this answer, and retries of a gateway that is
        // not there cost seconds (1.75 s measured) where the kept account opens at once.
        // The sync keeps trying, and an answer that the session ended signs out then.
        GatewayConnection connection(m_network, gateway, r.value);
        connection.retry.maxAttempts = 1;
        auto *me = new MeJob(connection, this);
        me->setAutoDelete(true);
        connect(me, &GatewayJob::finished, this,
                [this, me, gateway, email, token = r.value](const GatewayResult &result) {
                    // A gateway that cannot say (unreachable, or failing itself) is "offline" here.
                    const bool serverFailing = result.httpStatus >= 500 || result.httpStatus == 429;
                    if (result.isConnectivityFailure() || serverFailing)
                        return restoreOffline(gateway, email, token);
                    if (!result.ok()) {
                        if (result.errorCode == QLatin1String("invalid_session"))
                            forget(gateway, email);
                        return Q_EMIT restoreFailed();
                    }
                    m_gateway = gateway;
                    m_token = token;
                    m_account = me->account();
                    m_offline = false;
                    Q_EMIT signedIn(m_account);
                });
        me->start();
    });
}

void Session::restoreOffline(const QUrl &gateway, const QString &email, const QByteArray &token) {
    m_secrets->read(accountKey(gateway, email), this, [this, gateway, token](const SecretStore::Result &r) {
        const Account kept =
            r.ok ? Account::fromMeJson(QJsonDocument::fromJson(r.value).object()) : Account{};
        if (kept.user.id.isEmpty())
            return Q_EMIT restoreFailed();
        qCInfo(lcSession) << "gateway unreachable; signed in offline as" << kept.user.id;
        m_gateway = gateway;
        m_token = token;
        m_account = kept;
        m_offline = true;
        Q_EMIT signedIn(m_account);
    });
}

void Session::forget(const QUrl &gateway, const QString &email) {
    if (!m_secrets)
        return;
    m_secrets->remove(tokenKey(gateway, email), this, [](const SecretStore::Result &) {});
    m_secrets->remove(accountKey(gateway, email), this, [](const SecretStore::Result &) {});
}

void Session::signOut() {
    if (!isSignedIn())
        return;
    auto *job = new SignOutJob(connection(), this);
    job->setAutoDelete(true);
    job->start();
    if (m_secrets)
        m_secrets->remove(tokenKey(m_gateway, m_account.user.email), this,
                          [](const SecretStore::Result &) {});
    end({});
}

void Session::end(const QString &reason) {
    m_token.clear();
    m_account = {};
    Q_EMIT signedOut(reason);
}

void Session::watch(GatewayJob *job) {
    connect(job, &GatewayJob::finished, this, [this](const GatewayResult &r) {
        if (r.isPermissionDenied())
            refreshAccount();
        else if (r.errorCode == QLatin1String("invalid_session") && isSignedIn())
            end(r.message);
    });
}

void Session::refreshAccount() {
    if (!isSignedIn())
        return;
    if (m_refreshing) {
        // The answer on its way may predate what prompted this call (a grant just before
        // the sync that ended now): ask once more when it is in.
        m_refreshAgain = true;
        return;
    }
    m_refreshing = true;
    auto *me = new MeJob(connection(), this);
    me->setAutoDelete(true);
    connect(me, &GatewayJob::finished, this, [this, me](const GatewayResult &r) {
        m_refreshing = false;
        const bool again = std::exchange(m_refreshAgain, false);
        if (r.errorCode == QLatin1String("invalid_session"))
            return end(r.message);
        if (r.ok()) {
            m_offline = false;
            const Account fresh = me->account();
            const bool changed =
                !samePermissions(fresh, m_account) || fresh.owner.name != m_account.owner.name;
            m_account = fresh;
            if (changed) {
                qCInfo(lcSession) << "permissions changed:" << permissionWireNames(fresh.permissions);
                Q_EMIT accountChanged(m_account);
            }
            Q_EMIT accountRefreshed();
        }
        if (again)
            refreshAccount();
    });
    me->start();
}

} // namespace knotie
