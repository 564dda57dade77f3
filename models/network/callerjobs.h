#pragma once

#include "models/network/datajobs.h"
#include "models/network/gatewayjob.h"

#include <QMetaType>

namespace knotie {

// One of a key's latest requests (GET /v1/keys/{id}/requests): never a header, body or secret.
struct KeyRequest {
    UnixTime at = 0;
    QString method;
    QString route;
    int status = 0;
    QString errorCode; // empty for a success
    double latencyMs = 0;
    bool operator==(const KeyRequest &) const = default;
};

// Error answers of one status and code in a usage range (GET /v1/usage/errors).
struct UsageErrorCount {
    int status = 0;
    QString code;
    qint64 requests = 0;
    bool operator==(const UsageErrorCount &) const = default;
};

// GET /v1/keys/{id}/requests?limit=N, newest first. The view filters to errors itself:
// the gateway's `outcome` takes one class at a time, and errors are 4xx and 5xx.
class KeyRequestsJob : public GatewayJob {
    Q_OBJECT
public:
    KeyRequestsJob(GatewayConnection connection, QString keyId, int limit, QObject *parent = nullptr);
    const QList<KeyRequest> &requests() const { return m_requests; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override;
    QUrlQuery query() const override;
    bool parse(const QJsonObject &body) override;
    std::optional<Page> area() const override { return Page::ApiKeys; }

private:
    QString m_keyId;
    int m_limit;
    QList<KeyRequest> m_requests;
};

// GET /v1/usage/errors: error answers by status and code, most first.
class UsageErrorsJob : public GatewayJob {
    Q_OBJECT
public:
    UsageErrorsJob(GatewayConnection connection, UsageQuery query, QObject *parent = nullptr);
    const QList<UsageErrorCount> &errors() const { return m_errors; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/v1/usage/errors"); }
    QUrlQuery query() const override { return m_query.toUrlQuery(false, true); }
    bool parse(const QJsonObject &body) override;
    std::optional<Page> area() const override { return Page::Analytics; }

private:
    UsageQuery m_query;
    QList<UsageErrorCount> m_errors;
};

} // namespace knotie

Q_DECLARE_METATYPE(knotie::KeyRequest)
Q_DECLARE_METATYPE(knotie::UsageErrorCount)
