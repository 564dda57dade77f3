#pragma once

#include "models/data/apikey.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>

// Pure functions from the gateway's JSON (API.md) to typed values and back: no socket,
// no job, so they are tested on bytes alone. Each returns nullopt when the input is not
// what API.md promises (a missing id, an unknown type, a time that does not parse).
namespace knotie::wire {

std::optional<QJsonObject> parseObject(const QByteArray &bytes);

struct KeyPage {
    QList<ApiKey> keys;
    QString cursor;
    bool hasMore = false;
};

struct AuditPage {
    QList<AuditEvent> events;
    QString cursor;
    bool hasMore = false;
};

struct CreatedKey {
    ApiKey key;
    QByteArray secret;
    std::optional<ApiKey> previous; // rotate only
};

struct KeyCheck {
    bool valid = false;
    QString reason; // ok, malformed, bad_checksum, unknown, revoked, expired
    std::optional<ApiKey> key;
};

std::optional<ApiKey> parseApiKey(const QJsonObject &object);
QJsonObject toJson(const ApiKey &key);
std::optional<KeyPage> parseKeyPage(const QJsonObject &body);
std::optional<KeyPage> parseKeyPage(const QByteArray &bytes);
std::optional<CreatedKey> parseCreatedKey(const QJsonObject &body);
std::optional<KeyCheck> parseKeyCheck(const QJsonObject &body);
std::optional<QList<Customer>> parseCustomers(const QJsonObject &body);
std::optional<TeamMember> parseTeamMember(const QJsonObject &user);
std::optional<QList<TeamMember>> parseTeam(const QJsonObject &body);
std::optional<AuditPage> parseAuditPage(const QJsonObject &body);
std::optional<UsageSeries> parseUsageSeries(const QJsonObject &body);
std::optional<QList<EndpointUsage>> parseEndpointUsage(const QJsonObject &body);
std::optional<QList<KeyUsage>> parseKeyUsage(const QJsonObject &body);
// The answers' shape again, for keeping them (keys without their per-bucket series).
QJsonObject toJson(const QList<EndpointUsage> &endpoints);
QJsonObject toJson(const QList<KeyUsage> &keys);

} // namespace knotie::wire
