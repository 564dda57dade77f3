#pragma once

#include "models/network/gatewayjob.h"
#include "models/session/account.h"

namespace knotie {

// POST /v1/sessions
class SignInJob : public GatewayJob {
    Q_OBJECT
public:
    SignInJob(GatewayConnection connection, QString email, QString password, bool remember,
              QObject *parent = nullptr);

    QByteArray token() const { return m_token; }
    Account account() const { return m_account; }

protected:
    QByteArray method() const override { return "POST"; }
    QString path() const override { return QStringLiteral("/v1/sessions"); }
    bool hasBody() const override { return true; }
    QJsonObject requestBody() const override;
    bool parse(const QJsonObject &body) override;

private:
    QString m_email;
    QString m_password;
    bool m_remember;
    QByteArray m_token;
    Account m_account;
};

// GET /v1/me
class MeJob : public GatewayJob {
    Q_OBJECT
public:
    using GatewayJob::GatewayJob;
    Account account() const { return m_account; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/v1/me"); }
    bool parse(const QJsonObject &body) override;

private:
    Account m_account;
};

// DELETE /v1/sessions/current
class SignOutJob : public GatewayJob {
    Q_OBJECT
public:
    using GatewayJob::GatewayJob;

protected:
    QByteArray method() const override { return "DELETE"; }
    QString path() const override { return QStringLiteral("/v1/sessions/current"); }
};

} // namespace knotie
