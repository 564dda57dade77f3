#pragma once

#include "gateway/requestcontext.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QUrlQuery>

namespace knotie::gateway {

class Gateway;

// The Platform API's operations, shared by its REST routes and its MCP tools so both
// answer alike. Each takes the calling key and applies its reach: an object the key
// may not see is `not_found`, exactly like one that does not exist.
namespace platform {

struct Outcome {
    int status = 200;
    QJsonObject body; // the response body, or API.md's error shape

    bool ok() const { return status < 400; }
    HttpResponse toHttp() const { return jsonResponse(status, body); }
    static Outcome error(int status, const QString &code, const QString &message,
                         const QString &field = QString());
    static Outcome from(const HttpResponse &response);
};

HttpResponse whoami(const KeyPrincipal &key);
Outcome listCustomers(Gateway &gateway, const KeyPrincipal &key, int limit);
Outcome getCustomer(Gateway &gateway, const KeyPrincipal &key, const QString &customerId);
Outcome createCustomer(Gateway &gateway, const KeyPrincipal &key, const QJsonValue &name);
Outcome renameCustomer(Gateway &gateway, const KeyPrincipal &key, const QString &customerId,
                       const QJsonValue &name);
Outcome runAutomation(Gateway &gateway, const KeyPrincipal &key, const QString &customerId,
                      const QString &automation);
// GET /api/v1/analytics: the partner's usage by day, the body of /v1/usage.
Outcome usage(Gateway &gateway, const KeyPrincipal &key, const QUrlQuery &query);
Outcome creditBalance(Gateway &gateway, const KeyPrincipal &key);
Outcome grantCredits(Gateway &gateway, const KeyPrincipal &key, const QJsonValue &customerId,
                     const QJsonValue &amount);
Outcome receiveWebhook(Gateway &gateway, const KeyPrincipal &key, const QString &source);
Outcome listWebhookEvents(Gateway &gateway, const KeyPrincipal &key, int limit);

// The most a Platform API list returns at once (`limit`, parsed with parseLimit).
constexpr int maximumListLimit = 1000;

} // namespace platform
} // namespace knotie::gateway
