#include "models/network/keyjobs.h"

#include "models/domain/rfc3339.h"

#include <QUrl>

namespace knotie {

ListKeysJob::ListKeysJob(GatewayConnection connection, QString since, int limit, QObject *parent)
    : GatewayJob(std::move(connection), parent)
    , m_since(std::move(since))
    , m_limit(limit) {}

void ListKeysJob::setWait(int seconds) {
    m_wait = seconds;
    holdFor(seconds);
}

QUrlQuery ListKeysJob::query() const {
    QUrlQuery q;
    if (!m_since.isEmpty())
        q.addQueryItem(QStringLiteral("since"), m_since);
    q.addQueryItem(QStringLiteral("limit"), QString::number(m_limit));
    if (m_wait > 0)
        q.addQueryItem(QStringLiteral("wait"), QString::number(m_wait));
    return q;
}

bool ListKeysJob::parse(const QJsonObject &body) {
    auto page = wire::parseKeyPage(body);
    if (!page)
        return false;
    m_page = std::move(*page);
    return true;
}

bool SecretIssuingJob::parse(const QJsonObject &body) {
    auto created = wire::parseCreatedKey(body);
    if (!created)
        return false;
    m_created = std::move(*created);
    return true;
}

QByteArray SecretIssuingJob::takeSecret() {
    return std::exchange(m_created.secret, {});
}

CreateKeyJob::CreateKeyJob(GatewayConnection connection, KeyDraft draft, QObject *parent)
    : SecretIssuingJob(std::move(connection), parent)
    , m_draft(std::move(draft)) {}

namespace {
QJsonObject rateLimitJson(const RateLimit &limit) {
    return {{QStringLiteral("requests"), limit.requests}, {QStringLiteral("per_seconds"), limit.perSeconds}};
}
} // namespace

QJsonObject CreateKeyJob::requestBody() const {
    QJsonObject o{{QStringLiteral("name"), m_draft.name},
                  {QStringLiteral("description"), m_draft.description},
                  {QStringLiteral("type"), keyTypeWireName(m_draft.type)}};
    if (m_draft.type == KeyType::Customer)
        o.insert(QStringLiteral("customer_id"), m_draft.customerId);
    if (m_draft.expiresAt)
        o.insert(QStringLiteral("expires_at"), toRfc3339(m_draft.expiresAt));
    if (m_draft.rateLimit)
        o.insert(QStringLiteral("rate_limit"), rateLimitJson(*m_draft.rateLimit));
    return o;
}

RotateKeyJob::RotateKeyJob(GatewayConnection connection, QString keyId, int graceSeconds, UnixTime expiresAt,
                           QObject *parent)
    : SecretIssuingJob(std::move(connection), parent)
    , m_keyId(std::move(keyId))
    , m_graceSeconds(graceSeconds)
    , m_expiresAt(expiresAt) {}

QString RotateKeyJob::path() const {
    return QStringLiteral("/v1/keys/") + QString::fromLatin1(QUrl::toPercentEncoding(m_keyId)) +
           QStringLiteral("/rotate");
}

QJsonObject RotateKeyJob::requestBody() const {
    QJsonObject o{{QStringLiteral("grace_seconds"), m_graceSeconds}};
    if (m_expiresAt)
        o.insert(QStringLiteral("expires_at"), toRfc3339(m_expiresAt));
    return o;
}

SingleKeyJob::SingleKeyJob(GatewayConnection connection, QString keyId, QObject *parent)
    : GatewayJob(std::move(connection), parent)
    , m_keyId(std::move(keyId)) {}

QString SingleKeyJob::keyPath() const {
    return QStringLiteral("/v1/keys/") + QString::fromLatin1(QUrl::toPercentEncoding(m_keyId));
}

bool SingleKeyJob::parse(const QJsonObject &body) {
    auto key = wire::parseApiKey(body);
    if (!key)
        return false;
    m_key = std::move(*key);
    return true;
}

UpdateKeyJob::UpdateKeyJob(GatewayConnection connection, QString keyId, std::optional<QString> name,
                           std::optional<QString> description, QObject *parent)
    : SingleKeyJob(std::move(connection), std::move(keyId), parent)
    , m_name(std::move(name))
    , m_description(std::move(description)) {}

QJsonObject UpdateKeyJob::requestBody() const {
    QJsonObject o;
    if (m_name)
        o.insert(QStringLiteral("name"), *m_name);
    if (m_description)
        o.insert(QStringLiteral("description"), *m_description);
    return o;
}

ChangeKeyLimitsJob::ChangeKeyLimitsJob(GatewayConnection connection, QString keyId, KeyLimits limits,
                                       QObject *parent)
    : SingleKeyJob(std::move(connection), std::move(keyId), parent)
    , m_limits(std::move(limits)) {}

QJsonObject ChangeKeyLimitsJob::requestBody() const {
    return {{QStringLiteral("rate_limit"),
             m_limits.rateLimit ? QJsonValue(rateLimitJson(*m_limits.rateLimit)) : QJsonValue()},
            {QStringLiteral("expires_at"),
             m_limits.expiresAt ? QJsonValue(toRfc3339(m_limits.expiresAt)) : QJsonValue()}};
}
HandOverKeyJob::HandOverKeyJob(GatewayConnection connection, QString keyId, QString custodianId,
                               QObject *parent)
    : SingleKeyJob(std::move(connection), std::move(keyId), parent)
    , m_custodianId(std::move(custodianId)) {}

CheckKeyJob::CheckKeyJob(GatewayConnection connection, QByteArray secret, QObject *parent)
    : GatewayJob(std::move(connection), parent)
    , m_secret(std::move(secret)) {}

QJsonObject CheckKeyJob::requestBody() const {
    return {{QStringLiteral("secret"), QString::fromLatin1(m_secret)}};
}

bool CheckKeyJob::parse(const QJsonObject &body) {
    auto check = wire::parseKeyCheck(body);
    if (!check)
        return false;
    m_check = std::move(*check);
    return true;
}

namespace {
GatewayConnection withoutSession(GatewayConnection connection) {
    connection.sessionToken.clear();
    return connection;
}
} // namespace

WhoAmIJob::WhoAmIJob(GatewayConnection connection, QByteArray secret, QObject *parent)
    : GatewayJob(withoutSession(std::move(connection)), parent)
    , m_secret(std::move(secret)) {}

WhoAmIJob::~WhoAmIJob() {
    // The pasted key lives no longer than the call that needs it.
    m_secret.fill('\0');
}

bool WhoAmIJob::parse(const QJsonObject &body) {
    m_keyId = body.value(QLatin1String("key_id")).toString();
    m_type = body.value(QLatin1String("type")).toString();
    m_customerId = body.value(QLatin1String("customer_id")).toString();
    m_partnerId = body.value(QLatin1String("partner_id")).toString();
    return !m_keyId.isEmpty() && keyTypeFromWireName(m_type).has_value();
}

} // namespace knotie
