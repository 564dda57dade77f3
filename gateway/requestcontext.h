#pragma once

#include "domain/permissions.h"
#include "http/httpmessage.h"
#include "router.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

namespace knotie::gateway {

// A person signed in with a session token (the Portal API's credential).
struct Principal {
    QString userId;
    QString partnerId;
    QString name;
    QString email;
    Role role = Role::Member;
    QList<Permission> permissions; // effective
    QByteArray tokenHash;

    bool has(Permission p) const { return permissions.contains(p); }
};

struct RequestContext {
    const HttpRequest &request;
    const Route &route;
    QHash<QString, QString> params;
    qint64 now = 0;
    std::optional<Principal> user;

    QString param(const QString &name) const { return params.value(name); }
};

// The body as a JSON object, or nothing when it is not one (400 invalid_json).
std::optional<QJsonObject> parseJsonObject(const QByteArray &body);

} // namespace knotie::gateway
