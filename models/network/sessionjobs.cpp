#include "models/network/sessionjobs.h"

namespace knotie {

SignInJob::SignInJob(GatewayConnection connection, QString email, QString password, bool remember,
                     QObject *parent)
    : GatewayJob(std::move(connection), parent)
    , m_email(std::move(email))
    , m_password(std::move(password))
    , m_remember(remember) {}

QJsonObject SignInJob::requestBody() const {
    return {{QStringLiteral("email"), m_email},
            {QStringLiteral("password"), m_password},
            {QStringLiteral("remember"), m_remember}};
}

bool SignInJob::parse(const QJsonObject &body) {
    m_token = body.value(QStringLiteral("token")).toString().toLatin1();
    m_account = Account::fromUserJson(body.value(QStringLiteral("user")).toObject());
    return !m_token.isEmpty() && !m_account.user.id.isEmpty();
}

bool MeJob::parse(const QJsonObject &body) {
    m_account = Account::fromUserJson(body.value(QStringLiteral("user")).toObject());
    m_account.setPartnerJson(body.value(QStringLiteral("partner")).toObject());
    return !m_account.user.id.isEmpty() && !m_account.partnerId.isEmpty();
}

} // namespace knotie
