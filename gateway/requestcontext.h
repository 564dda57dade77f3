#pragma once

#include "gateway/http/httpmessage.h"
#include "gateway/router.h"
#include "models/domain/keylimits.h"
#include "models/domain/keytype.h"
#include "models/domain/permissions.h"
#include "models/domain/scopes.h"

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
    QString sessionId;            // the session's public id (GET /v1/sessions)
    qint64 sessionLastSeenAt = 0; // refreshed at most once a minute

    bool has(Permission p) const { return permissions.contains(p); }
};

// A valid API key (the Platform API's credential).
struct KeyPrincipal {
    QString keyId;
    QString partnerId;
    KeyType type = KeyType::ReadOnly;
    QString customerId;                          // customer keys only
    std::optional<RateLimit> rateLimit;          // none: no limit
    std::optional<qint64> expiresAt;             // none: never (a rotated key: its grace end)
    scopes::Grant grant = scopes::Grant::Denied; // on the matched route

    // A customer key reaches its own customer only; any other key every customer of its partner.
    bool reaches(const QString &customer) const {
        return type != KeyType::Customer || customer == customerId;
    }
};

struct RequestContext {
    const HttpRequest &request;
    const Route &route;
    QHash<QString, QString> params;
    qint64 now = 0;
    std::optional<Principal> user;
    std::optional<KeyPrincipal> key;

    QString param(const QString &name) const { return params.value(name); }
};

// The body as a JSON object, or nothing when it is not one (400 invalid_json). Qt's
// parser refuses bytes that are not UTF-8 in strings (tst_gatewayhardening keeps it so).
std::optional<QJsonObject> parseJsonObject(const QByteArray &body);
// JSON escapes can still spell a lone surrogate (`"\ud800"`), which no UTF-8 answer can
// carry: every validator of a stored text field refuses it with the field's own code.
bool hasLoneSurrogate(QStringView text);

} // namespace knotie::gateway
