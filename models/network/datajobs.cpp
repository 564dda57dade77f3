#include "models/network/datajobs.h"

#include "models/domain/rfc3339.h"

#include <QJsonArray>
#include <QUrl>

namespace knotie {

namespace {
// Stores a parsed value if there is one; false (a bad response) otherwise.
template <typename T> bool take(std::optional<T> parsed, T *out) {
    if (!parsed)
        return false;
    *out = std::move(*parsed);
    return true;
}
} // namespace

bool HealthJob::parse(const QJsonObject &body) {
    m_version = body.value(QLatin1String("version")).toString();
    return body.value(QLatin1String("service")).toString() == QLatin1String("knotie-gateway");
}

bool TeamJob::parse(const QJsonObject &body) {
    return take(wire::parseTeam(body), &m_members);
}

RemoveMemberJob::RemoveMemberJob(GatewayConnection connection, QString userId, QObject *parent)
    : GatewayJob(std::move(connection), parent)
    , m_userId(std::move(userId)) {}

QString RemoveMemberJob::path() const {
    return QStringLiteral("/v1/team/") + QString::fromLatin1(QUrl::toPercentEncoding(m_userId));
}

UpdatePermissionsJob::UpdatePermissionsJob(GatewayConnection connection, QString userId,
                                           QStringList permissions, QObject *parent)
    : GatewayJob(std::move(connection), parent)
    , m_userId(std::move(userId))
    , m_permissions(std::move(permissions)) {}

QString UpdatePermissionsJob::path() const {
    return QStringLiteral("/v1/team/") + QString::fromLatin1(QUrl::toPercentEncoding(m_userId));
}

QJsonObject UpdatePermissionsJob::requestBody() const {
    return {{QStringLiteral("permissions"), QJsonArray::fromStringList(m_permissions)}};
}

bool UpdatePermissionsJob::parse(const QJsonObject &body) {
    return take(wire::parseTeamMember(body), &m_member);
}

bool CustomersJob::parse(const QJsonObject &body) {
    return take(wire::parseCustomers(body), &m_customers);
}

AuditJob::AuditJob(GatewayConnection connection, QString since, int limit, Filter filter, QObject *parent)
    : GatewayJob(std::move(connection), parent)
    , m_since(std::move(since))
    , m_limit(limit)
    , m_filter(std::move(filter)) {}

void AuditJob::setWait(int seconds) {
    m_wait = seconds;
    holdFor(seconds);
}

QUrlQuery AuditJob::query() const {
    QUrlQuery q;
    if (!m_since.isEmpty())
        q.addQueryItem(QStringLiteral("since"), m_since);
    q.addQueryItem(QStringLiteral("limit"), QString::number(m_limit));
    if (!m_filter.actorId.isEmpty())
        q.addQueryItem(QStringLiteral("actor_id"), m_filter.actorId);
    if (!m_filter.keyId.isEmpty())
        q.addQueryItem(QStringLiteral("key_id"), m_filter.keyId);
    if (m_wait > 0)
        q.addQueryItem(QStringLiteral("wait"), QString::number(m_wait));
    return q;
}

bool AuditJob::parse(const QJsonObject &body) {
    return take(wire::parseAuditPage(body), &m_page);
}

QUrlQuery UsageQuery::toUrlQuery(bool withBucket, bool withFilters) const {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("from"), toRfc3339(from));
    q.addQueryItem(QStringLiteral("to"), toRfc3339(to));
    if (withBucket)
        q.addQueryItem(QStringLiteral("bucket"), bucketWireName(bucket));
    if (withFilters) {
        if (!keyId.isEmpty())
            q.addQueryItem(QStringLiteral("key_id"), keyId);
        if (keyType)
            q.addQueryItem(QStringLiteral("key_type"), keyTypeWireName(*keyType));
        if (!customerId.isEmpty())
            q.addQueryItem(QStringLiteral("customer_id"), customerId);
    }
    return q;
}

UsageJob::UsageJob(GatewayConnection connection, UsageQuery query, QObject *parent)
    : GatewayJob(std::move(connection), parent)
    , m_query(std::move(query)) {}

bool UsageJob::parse(const QJsonObject &body) {
    return take(wire::parseUsageSeries(body), &m_series);
}

UsageEndpointsJob::UsageEndpointsJob(GatewayConnection connection, UsageQuery query, QObject *parent)
    : GatewayJob(std::move(connection), parent)
    , m_query(std::move(query)) {}

bool UsageEndpointsJob::parse(const QJsonObject &body) {
    return take(wire::parseEndpointUsage(body), &m_endpoints);
}

UsageKeysJob::UsageKeysJob(GatewayConnection connection, UsageQuery query, QObject *parent)
    : GatewayJob(std::move(connection), parent)
    , m_query(std::move(query)) {}

bool UsageKeysJob::parse(const QJsonObject &body) {
    return take(wire::parseKeyUsage(body), &m_keys);
}

} // namespace knotie
