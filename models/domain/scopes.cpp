#include "models/domain/scopes.h"

namespace knotie::scopes {

namespace {
using namespace Qt::Literals::StringLiterals;

Grant pick(KeyType type, Grant partner, Grant customer, Grant readOnly, Grant webhook) {
    switch (type) {
    case KeyType::Partner:
        return partner;
    case KeyType::Customer:
        return customer;
    case KeyType::ReadOnly:
        return readOnly;
    case KeyType::Webhook:
        return webhook;
    }
    return Grant::Denied;
}

constexpr Grant No = Grant::Denied;
constexpr Grant Yes = Grant::Allowed;
constexpr Grant Own = Grant::OwnCustomer;
constexpr Grant Read = Grant::ReadTools;
} // namespace

Grant PlatformRoute::grantFor(KeyType type) const {
    return pick(type, partner, customer, readOnly, webhook);
}

Grant McpTool::grantFor(KeyType type) const {
    return pick(type, partner, customer, readOnlyKey, webhook);
}

const QList<PlatformRoute> &platformRoutes() {
    // Columns: method, template, description, then partner, customer, read_only, webhook.
    // Descriptions are marked for translation; the portal shows them in the person's language.
    // clang-format off
    static const QList<PlatformRoute> all{
        {"GET"_L1, "/api/v1/whoami"_L1,
         QLatin1StringView(QT_TRANSLATE_NOOP("Scopes",
                           "Tells which key is calling: its id, type, customer and partner.")),
         Yes, Yes, Yes, Yes},
        {"GET"_L1, "/api/v1/customers"_L1,
         QLatin1StringView(QT_TRANSLATE_NOOP("Scopes",
                           "Lists customers (a customer key sees only its own).")),
         Yes, Own, Yes, No},
        {"POST"_L1, "/api/v1/customers"_L1,
         QLatin1StringView(QT_TRANSLATE_NOOP("Scopes", "Creates a customer.")),
         Yes, No, No, No},
        {"GET"_L1, "/api/v1/customers/{id}"_L1,
         QLatin1StringView(QT_TRANSLATE_NOOP("Scopes", "Reads one customer.")),
         Yes, Own, Yes, No},
        {"PATCH"_L1, "/api/v1/customers/{id}"_L1,
         QLatin1StringView(QT_TRANSLATE_NOOP("Scopes", "Renames a customer.")),
         Yes, Own, No, No},
        {"POST"_L1, "/api/v1/customers/{id}/automations/{name}/runs"_L1,
         QLatin1StringView(QT_TRANSLATE_NOOP("Scopes", "Starts a run of one of a customer's automations.")),
         Yes, Own, No, No},
        {"GET"_L1, "/api/v1/analytics"_L1,
         QLatin1StringView(QT_TRANSLATE_NOOP("Scopes", "Reads daily usage of the partner's keys.")),
         Yes, No, Yes, No},
        {"GET"_L1, "/api/v1/credits"_L1,
         QLatin1StringView(QT_TRANSLATE_NOOP("Scopes", "Reads the partner's credit balance.")),
         Yes, No, Yes, No},
        {"POST"_L1, "/api/v1/credits/grants"_L1,
         QLatin1StringView(QT_TRANSLATE_NOOP("Scopes", "Moves credits from the partner to a customer.")),
         Yes, No, No, No},
        {"POST"_L1, "/api/v1/webhooks/{source}"_L1,
         QLatin1StringView(QT_TRANSLATE_NOOP("Scopes", "Delivers an event from an outside service.")),
         Yes, No, No, Yes},
        {"GET"_L1, "/api/v1/webhook-events"_L1,
         QLatin1StringView(QT_TRANSLATE_NOOP("Scopes", "Lists the webhook events received.")),
         Yes, No, Yes, Yes},
        {"POST"_L1, "/mcp"_L1,
         QLatin1StringView(QT_TRANSLATE_NOOP("Scopes",
                           "Model Context Protocol for AI agents (tools below).")),
         Yes, Own, Read, No},
    };
    // clang-format on
    return all;
}

const PlatformRoute *findRoute(QByteArrayView method, QStringView pathTemplate) {
    const QByteArrayView wanted = method == "HEAD" ? QByteArrayView("GET") : method;
    for (const PlatformRoute &route : platformRoutes())
        if (route.pathTemplate == pathTemplate &&
            QByteArrayView(route.method.data(), route.method.size()) == wanted)
            return &route;
    return nullptr;
}

Grant grantFor(KeyType type, QByteArrayView method, QStringView pathTemplate) {
    const PlatformRoute *route = findRoute(method, pathTemplate);
    return route ? route->grantFor(type) : Grant::Denied;
}

bool readOnlyMethodAllowed(QByteArrayView method, QStringView path, QByteArrayView overrideMethod) {
    const auto isRead = [](QByteArrayView m) {
        return m == "GET" || m == "HEAD";
    };
    if (!overrideMethod.isEmpty() && !isRead(overrideMethod))
        return false;
    return isRead(method) || (method == "POST" && path == u"/mcp");
}

const QList<McpTool> &mcpTools() {
    // clang-format off
    static const QList<McpTool> all{
        {"list_customers"_L1,
         QLatin1StringView(QT_TRANSLATE_NOOP("Scopes",
                           "List the customers this key can see.")),
         true, Yes, Own, Yes, No},
        {"get_customer"_L1, QLatin1StringView(QT_TRANSLATE_NOOP("Scopes", "Read one customer by id.")),
         true, Yes, Own, Yes, No},
        {"get_usage"_L1,
         QLatin1StringView(QT_TRANSLATE_NOOP("Scopes",
                           "Daily API usage of the partner's keys over a date range.")),
         true, Yes, No, Yes, No},
        {"get_credit_balance"_L1,
         QLatin1StringView(QT_TRANSLATE_NOOP("Scopes",
                           "Read the partner's credit balance.")),
         true, Yes, No, Yes, No},
        {"create_customer"_L1, QLatin1StringView(QT_TRANSLATE_NOOP("Scopes", "Create a customer.")),
         false, Yes, No, No, No},
        {"run_automation"_L1,
         QLatin1StringView(QT_TRANSLATE_NOOP("Scopes",
                           "Start a run of one of a customer's automations.")),
         false, Yes, Own, No, No},
    };
    // clang-format on
    return all;
}

const McpTool *findMcpTool(QStringView name) {
    for (const McpTool &tool : mcpTools())
        if (tool.name == name)
            return &tool;
    return nullptr;
}

} // namespace knotie::scopes
