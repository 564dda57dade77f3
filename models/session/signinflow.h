#pragma once

#include "models/session/account.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace knotie {

class GatewayJob;

struct SignedInSession {
    QUrl gateway;
    QByteArray token;
    Account account;
    bool remember = false;
};

// Signs a person in: POST /v1/sessions, then GET /v1/me for the partner and its owner.
// The sign-in dialog drives it; it never shows anything itself.
class SignInFlow : public QObject {
    Q_OBJECT
public:
    explicit SignInFlow(QNetworkAccessManager *network, QObject *parent = nullptr);

    void signIn(const QString &gatewayAddress, const QString &email, const QString &password, bool remember);
    void cancel();
    bool isBusy() const { return !m_job.isNull(); }

Q_SIGNALS:
    void succeeded(const knotie::SignedInSession &session);
    // `field` is "gateway", "email" or "password" when the failure is about one of them.
    void failed(const QString &message, const QString &field);

private:
    QNetworkAccessManager *m_network;
    QPointer<GatewayJob> m_job;
};

} // namespace knotie
