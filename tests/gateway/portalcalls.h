#pragma once

#include "gatewayprocess.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// Small helpers the Portal API tests share: one signed-in call, and key creation.
namespace knotie::test::portal {

inline QByteArray compact(const QJsonObject &body) {
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

// POST and PATCH carry a JSON body (an empty object when none is given); GET and
// DELETE carry none.
inline HttpReply call(const GatewayProcess &gateway, const QByteArray &token, const QByteArray &method,
                      const QString &path, const QJsonObject &body = {}) {
    const bool hasBody = method == "POST" || method == "PATCH";
    return gateway.request(method, path, hasBody ? compact(body) : QByteArray(),
                           GatewayProcess::bearer(token));
}

inline HttpReply createKey(const GatewayProcess &gateway, const QByteArray &token, const QString &name,
                           const QString &type = QStringLiteral("read_only"), QJsonObject extra = {}) {
    extra.insert(QStringLiteral("name"), name);
    extra.insert(QStringLiteral("type"), type);
    return call(gateway, token, "POST", QStringLiteral("/v1/keys"), extra);
}

inline QJsonObject keyOf(const HttpReply &reply) {
    return reply.json().value(QStringLiteral("key")).toObject();
}

inline QString idOf(const QJsonObject &object) {
    return object.value(QStringLiteral("id")).toString();
}

inline QString fieldOf(const HttpReply &reply) {
    return reply.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString();
}

inline QStringList idsIn(const QJsonArray &objects) {
    QStringList ids;
    for (const QJsonValue &v : objects)
        ids.append(v.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

// The gateway's clock (moved by --test-clock), which may be ahead of this machine's.
inline QDateTime gatewayNow(const GatewayProcess &gateway) {
    const HttpReply r =
        gateway.postJson(QStringLiteral("/_test/clock"), {{QStringLiteral("advance_seconds"), 0}});
    return QDateTime::fromString(r.json().value(QStringLiteral("now")).toString(), Qt::ISODate);
}

} // namespace knotie::test::portal
