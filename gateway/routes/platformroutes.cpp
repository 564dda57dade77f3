#include "gateway/gateway.h"
#include "gateway/platform.h"
#include "gateway/portalroute.h"
#include "gateway/requestcontext.h"

namespace knotie::gateway {

namespace {
using platform::Outcome;

HttpResponse invalidJson() {
    return errorResponse(400, QStringLiteral("invalid_json"),
                         QStringLiteral("The body must be a JSON object."));
}
} // namespace

// The Platform API (API.md, "Platform API"). The gateway has already checked the key,
// its scope on the route (models/domain/scopes.h) and its rate limit; the operations
// apply the key's reach to the objects they touch.
void registerPlatformRoutes(Gateway &gateway, Router &router) {
    const auto add = [&router](const char *method, const char *path, auto handler) {
        router.add(method, QLatin1String(path), Audience::ApiKey, std::move(handler));
    };
    Gateway *g = &gateway;

    add("GET", "/api/v1/whoami",
        [](RequestContext &ctx, Responder respond) { respond(platform::whoami(*ctx.key)); });

    add("GET", "/api/v1/customers", [g](RequestContext &ctx, Responder respond) {
        const auto limit = parseLimit(ctx.request.query, 1000, platform::maximumListLimit);
        if (const HttpResponse *failure = httpError(limit))
            return respond(*failure);
        respond(platform::listCustomers(*g, *ctx.key, std::get<int>(limit)).toHttp());
    });

    add("POST", "/api/v1/customers", [g](RequestContext &ctx, Responder respond) {
        const auto body = parseJsonObject(ctx.request.body);
        if (!body)
            return respond(invalidJson());
        respond(platform::createCustomer(*g, *ctx.key, body->value(QStringLiteral("name"))).toHttp());
    });

    add("GET", "/api/v1/customers/{id}", [g](RequestContext &ctx, Responder respond) {
        respond(platform::getCustomer(*g, *ctx.key, ctx.param(QStringLiteral("id"))).toHttp());
    });

    add("PATCH", "/api/v1/customers/{id}", [g](RequestContext &ctx, Responder respond) {
        const auto body = parseJsonObject(ctx.request.body);
        if (!body)
            return respond(invalidJson());
        respond(platform::renameCustomer(*g, *ctx.key, ctx.param(QStringLiteral("id")),
                                         body->value(QStringLiteral("name")))
                    .toHttp());
    });

    add("POST", "/api/v1/customers/{id}/automations/{name:slug}/runs",
        [g](RequestContext &ctx, Responder respond) {
            // The body is optional; when there is one, it must be a JSON object.
            if (!ctx.request.body.trimmed().isEmpty() && !parseJsonObject(ctx.request.body))
                return respond(invalidJson());
            respond(platform::runAutomation(*g, *ctx.key, ctx.param(QStringLiteral("id")),
                                            ctx.param(QStringLiteral("name")))
                        .toHttp());
        });

    add("GET", "/api/v1/analytics", [g](RequestContext &ctx, Responder respond) {
        respond(platform::usage(*g, *ctx.key, ctx.request.query).toHttp());
    });

    add("GET", "/api/v1/credits", [g](RequestContext &ctx, Responder respond) {
        respond(platform::creditBalance(*g, *ctx.key).toHttp());
    });

    add("POST", "/api/v1/credits/grants", [g](RequestContext &ctx, Responder respond) {
        const auto body = parseJsonObject(ctx.request.body);
        if (!body)
            return respond(invalidJson());
        respond(platform::grantCredits(*g, *ctx.key, body->value(QStringLiteral("customer_id")),
                                       body->value(QStringLiteral("amount")))
                    .toHttp());
    });

    add("POST", "/api/v1/webhooks/{source:slug}", [g](RequestContext &ctx, Responder respond) {
        if (!parseJsonObject(ctx.request.body))
            return respond(invalidJson());
        respond(platform::receiveWebhook(*g, *ctx.key, ctx.param(QStringLiteral("source"))).toHttp());
    });

    add("GET", "/api/v1/webhook-events", [g](RequestContext &ctx, Responder respond) {
        const auto limit = parseLimit(ctx.request.query, 100, platform::maximumListLimit);
        if (const HttpResponse *failure = httpError(limit))
            return respond(*failure);
        respond(platform::listWebhookEvents(*g, *ctx.key, std::get<int>(limit)).toHttp());
    });
}

} // namespace knotie::gateway
