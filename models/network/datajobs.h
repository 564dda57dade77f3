#pragma once

#include "models/data/wireformat.h"
#include "models/network/gatewayjob.h"

namespace knotie {

// GET /healthz: tells a Knotie gateway from any other server, without credentials.
class HealthJob : public GatewayJob {
    Q_OBJECT
public:
    using GatewayJob::GatewayJob;
    QString version() const { return m_version; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/healthz"); }
    bool parse(const QJsonObject &body) override;

private:
    QString m_version;
};

// GET /v1/team
class TeamJob : public GatewayJob {
    Q_OBJECT
public:
    using GatewayJob::GatewayJob;
    const QList<TeamMember> &members() const { return m_members; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/v1/team"); }
    bool parse(const QJsonObject &body) override;
    std::optional<Page> area() const override { return Page::Team; }

private:
    QList<TeamMember> m_members;
};

// DELETE /v1/team/{user_id}: the person leaves the team; their sessions end at once.
class RemoveMemberJob : public GatewayJob {
    Q_OBJECT
public:
    RemoveMemberJob(GatewayConnection connection, QString userId, QObject *parent = nullptr);

protected:
    QByteArray method() const override { return "DELETE"; }
    QString path() const override;
    bool parse(const QJsonObject &) override { return true; }
    std::optional<Page> area() const override { return Page::Team; }

private:
    QString m_userId;
};

// PATCH /v1/team/{user_id} {"permissions"}
class UpdatePermissionsJob : public GatewayJob {
    Q_OBJECT
public:
    UpdatePermissionsJob(GatewayConnection connection, QString userId, QStringList permissions,
                         QObject *parent = nullptr);
    const TeamMember &member() const { return m_member; }

protected:
    QByteArray method() const override { return "PATCH"; }
    QString path() const override;
    bool hasBody() const override { return true; }
    QJsonObject requestBody() const override;
    bool parse(const QJsonObject &body) override;
    std::optional<Page> area() const override { return Page::Team; }

private:
    QString m_userId;
    QStringList m_permissions;
    TeamMember m_member;
};

// GET /v1/customers
class CustomersJob : public GatewayJob {
    Q_OBJECT
public:
    using GatewayJob::GatewayJob;
    const QList<Customer> &customers() const { return m_customers; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/v1/customers"); }
    bool parse(const QJsonObject &body) override;
    std::optional<Page> area() const override { return Page::Customers; }

private:
    QList<Customer> m_customers;
};

// GET /v1/audit[?since=][&limit=][&actor_id=][&key_id=]
class AuditJob : public GatewayJob {
    Q_OBJECT
public:
    struct Filter {
        QString actorId;
        QString keyId;
    };
    AuditJob(GatewayConnection connection, QString since, int limit = 1000, Filter filter = {},
             QObject *parent = nullptr);
    const wire::AuditPage &page() const { return m_page; }
    // API.md v1.1's change wait: the gateway holds an empty answer up to `seconds`.
    void setWait(int seconds);

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/v1/audit"); }
    QUrlQuery query() const override;
    bool parse(const QJsonObject &body) override;
    std::optional<Page> area() const override { return Page::ApiKeys; }

private:
    QString m_since;
    int m_limit;
    int m_wait = 0;
    Filter m_filter;
    wire::AuditPage m_page;
};

// The range and filters every usage call shares (API.md, "Usage").
struct UsageQuery {
    UnixTime from = 0;
    UnixTime to = 0;
    BucketSize bucket = BucketSize::Day;
    QString keyId;
    std::optional<KeyType> keyType;
    QString customerId;

    QUrlQuery toUrlQuery(bool withBucket, bool withFilters) const;
};

// GET /v1/usage
class UsageJob : public GatewayJob {
    Q_OBJECT
public:
    UsageJob(GatewayConnection connection, UsageQuery query, QObject *parent = nullptr);
    const UsageSeries &series() const { return m_series; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/v1/usage"); }
    QUrlQuery query() const override { return m_query.toUrlQuery(true, true); }
    bool parse(const QJsonObject &body) override;
    std::optional<Page> area() const override { return Page::Analytics; }

private:
    UsageQuery m_query;
    UsageSeries m_series;
};

// GET /v1/usage/endpoints
class UsageEndpointsJob : public GatewayJob {
    Q_OBJECT
public:
    UsageEndpointsJob(GatewayConnection connection, UsageQuery query, QObject *parent = nullptr);
    const QList<EndpointUsage> &endpoints() const { return m_endpoints; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/v1/usage/endpoints"); }
    QUrlQuery query() const override { return m_query.toUrlQuery(false, true); }
    bool parse(const QJsonObject &body) override;
    std::optional<Page> area() const override { return Page::Analytics; }

private:
    UsageQuery m_query;
    QList<EndpointUsage> m_endpoints;
};

// GET /v1/usage/keys: every key's sparkline in one call.
class UsageKeysJob : public GatewayJob {
    Q_OBJECT
public:
    UsageKeysJob(GatewayConnection connection, UsageQuery query, QObject *parent = nullptr);
    const QList<KeyUsage> &keys() const { return m_keys; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/v1/usage/keys"); }
    QUrlQuery query() const override { return m_query.toUrlQuery(true, false); }
    bool parse(const QJsonObject &body) override;
    std::optional<Page> area() const override { return Page::ApiKeys; }

private:
    UsageQuery m_query;
    QList<KeyUsage> m_keys;
};

} // namespace knotie
