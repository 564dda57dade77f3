#include "gateway/gateway.h"
#include "gateway/platform.h"
#include "gateway/portalroute.h"
#include "gateway/requestcontext.h"

#include "models/domain/scopes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace knotie::gateway {

namespace {
using platform::Outcome;

constexpr QLatin1StringView protocolVersion("2025-06-18");
// Older revisions a client may still announce in the MCP-Protocol-Version header.
const QStringList knownVersions{QStringLiteral("2025-06-18"), QStringLiteral("2025-03-26"),
                                QStringLiteral("2024-11-05")};

// JSON-RPC's and MCP's own error codes.
constexpr int methodNotFound = -32601;
constexpr int invalidParams = -32602;
constexpr int invalidRequest = -32600;
constexpr int keyScopeError = -32001;

QJsonObject stringProperty(const QString &description, const QString &format = QString()) {
    QJsonObject p{{QStringLiteral("type"), QStringLiteral("string")},
                  {QStringLiteral("description"), description}};
    if (!format.isEmpty())
        p.insert(QStringLiteral("format"), format);
    return p;
}

QJsonObject schema(const QJsonObject &properties, const QStringList &required) {
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("properties"), properties},
                       {QStringLiteral("required"), QJsonArray::fromStringList(required)}};
}

QJsonObject inputSchema(QStringView tool) {
    const QJsonObject customerId{
        {QStringLiteral("customer_id"), stringProperty(QStringLiteral("A customer id."))}};
    if (tool == u"list_customers")
        return schema(
            {{QStringLiteral("limit"), QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                                                   {QStringLiteral("minimum"), 1},
                                                   {QStringLiteral("maximum"), 1000}}}},
            {});
    if (tool == u"get_customer")
        return schema(customerId, {QStringLiteral("customer_id")});
    if (tool == u"get_usage")
        return schema(
            {{QStringLiteral("from"), stringProperty(QStringLiteral("First day (UTC midnight), RFC 3339."),
                                                     QStringLiteral("date-time"))},
             {QStringLiteral("to"), stringProperty(QStringLiteral("Day after the last (UTC midnight)."),
                                                   QStringLiteral("date-time"))}},
            {QStringLiteral("from"), QStringLiteral("to")});
    if (tool == u"create_customer")
        return schema({{QStringLiteral("name"), stringProperty(QStringLiteral("The customer's name."))}},
                      {QStringLiteral("name")});
    if (tool == u"run_automation") {
        QJsonObject properties = customerId;
        properties.insert(QStringLiteral("automation"),
                          stringProperty(QStringLiteral("The automation's name, [a-z0-9_-]{1,64}.")));
        return schema(properties, {QStringLiteral("customer_id"), QStringLiteral("automation")});
    }
    return schema({}, {});
}

bool mayCall(const KeyPrincipal &key, const scopes::McpTool &tool) {
    const scopes::Grant grant = tool.grantFor(key.type);
    return grant != scopes::Grant::Denied && (key.grant != scopes::Grant::ReadTools || tool.readOnly);
}

Outcome callTool(Gateway &gateway, const KeyPrincipal &key, QStringView tool, const QJsonObject &args) {
    const auto text = [&](const char *name) {
        return args.value(QLatin1String(name)).toString();
    };
    if (tool == u"list_customers") {
        QUrlQuery query;
        if (args.contains(QStringLiteral("limit")))
            query.addQueryItem(QStringLiteral("limit"),
                               QString::number(args.value(QStringLiteral("limit")).toDouble()));
        const auto limit = parseLimit(query, 1000, platform::maximumListLimit);
        if (const HttpResponse *failure = httpError(limit))
            return Outcome::from(*failure);
        return platform::listCustomers(gateway, key, std::get<int>(limit));
    }
    if (tool == u"get_customer")
        return platform::getCustomer(gateway, key, text("customer_id"));
    if (tool == u"get_usage") {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("from"), text("from"));
        query.addQueryItem(QStringLiteral("to"), text("to"));
        return platform::usage(gateway, key, query);
    }
    if (tool == u"get_credit_balance")
        return platform::creditBalance(gateway, key);
    if (tool == u"create_customer")
        return platform::createCustomer(gateway, key, args.value(QStringLiteral("name")));
    if (tool == u"run_automation") {
        static const QRegularExpression slug(QStringLiteral("^[a-z0-9_-]{1,64}$"));
        if (!slug.match(text("automation")).hasMatch())
            return Outcome::error(404, QStringLiteral("not_found"),
                                  QStringLiteral("There is no such automation."));
        return platform::runAutomation(gateway, key, text("customer_id"), text("automation"));
    }
    return Outcome::error(404, QStringLiteral("not_found"), QStringLiteral("There is no such tool."));
}

QJsonObject toolsList(const KeyPrincipal &key) {
    QJsonArray tools;
    for (const scopes::McpTool &tool : scopes::mcpTools()) {
        if (!mayCall(key, tool))
            continue;
        tools.append(QJsonObject{
            {QStringLiteral("name"), QString(tool.name)},
            {QStringLiteral("description"), QString(tool.description)},
            {QStringLiteral("inputSchema"), inputSchema(QString(tool.name))},
            {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("readOnlyHint"), tool.readOnly}}},
        });
    }
    return QJsonObject{{QStringLiteral("tools"), tools}};
}

HttpResponse rpcResult(const QJsonValue &id, const QJsonObject &result) {
    return jsonResponse(200, QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                         {QStringLiteral("id"), id},
                                         {QStringLiteral("result"), result}});
}

HttpResponse rpcError(const QJsonValue &id, int code, const QString &message) {
    return jsonResponse(
        200, QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                         {QStringLiteral("id"), id},
                         {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                               {QStringLiteral("message"), message}}}});
}
} // namespace

// MCP's Streamable HTTP transport, answering every request with application/json: no
// server-sent events and no server-initiated stream (GET /mcp is 405), so any client
// that speaks the transport works with nothing but the X-API-Key header.
void registerMcpRoutes(Gateway &gateway, Router &router) {
    router.add(
        "POST", QStringLiteral("/mcp"), Audience::ApiKey,
        [g = &gateway](RequestContext &ctx, Responder respond) {
            const QByteArray announced = ctx.request.header("mcp-protocol-version");
            if (!announced.isEmpty() && !knownVersions.contains(QString::fromLatin1(announced)))
                return respond(
                    errorResponse(400, QStringLiteral("unsupported_protocol_version"),
                                  QStringLiteral("Unsupported MCP-Protocol-Version; this server speaks %1.")
                                      .arg(protocolVersion)));
            const auto message = parseJsonObject(ctx.request.body);
            if (!message)
                return respond(
                    errorResponse(400, QStringLiteral("invalid_json"),
                                  QStringLiteral("Send one JSON-RPC 2.0 message as a JSON object.")));
            const QJsonValue id = message->value(QStringLiteral("id"));
            const QString method = message->value(QStringLiteral("method")).toString();
            // Notifications and the client's responses expect no answer.
            if (id.isUndefined() || method.isEmpty())
                return respond(emptyResponse(202));
            if (message->value(QStringLiteral("jsonrpc")).toString() != QLatin1String("2.0"))
                return respond(rpcError(id, invalidRequest, QStringLiteral("jsonrpc must be \"2.0\"")));
            const QJsonObject params = message->value(QStringLiteral("params")).toObject();

            if (method == QLatin1String("initialize"))
                return respond(rpcResult(
                    id,
                    QJsonObject{{QStringLiteral("protocolVersion"), QString(protocolVersion)},
                                {QStringLiteral("capabilities"),
                                 QJsonObject{{QStringLiteral("tools"),
                                              QJsonObject{{QStringLiteral("listChanged"), false}}}}},
                                {QStringLiteral("serverInfo"),
                                 QJsonObject{{QStringLiteral("name"), QStringLiteral("knotie-gateway")},
                                             {QStringLiteral("version"), QStringLiteral(KNOTIE_VERSION)}}}}));
            if (method == QLatin1String("ping"))
                return respond(rpcResult(id, {}));
            if (method == QLatin1String("tools/list"))
                return respond(rpcResult(id, toolsList(*ctx.key)));
            if (method == QLatin1String("tools/call")) {
                const QString name = params.value(QStringLiteral("name")).toString();
                const scopes::McpTool *tool = scopes::findMcpTool(name);
                if (!tool)
                    return respond(rpcError(id, invalidParams, QStringLiteral("Unknown tool: %1").arg(name)));
                if (!mayCall(*ctx.key, *tool))
                    return respond(rpcError(id, keyScopeError, QStringLiteral("key_scope")));
                const Outcome outcome =
                    callTool(*g, *ctx.key, name, params.value(QStringLiteral("arguments")).toObject());
                const QString text =
                    QString::fromUtf8(QJsonDocument(outcome.body).toJson(QJsonDocument::Compact));
                return respond(rpcResult(
                    id, QJsonObject{{QStringLiteral("content"),
                                     QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                            {QStringLiteral("text"), text}}}},
                                    {QStringLiteral("structuredContent"), outcome.body},
                                    {QStringLiteral("isError"), !outcome.ok()}}));
            }
            respond(rpcError(id, methodNotFound, QStringLiteral("Unknown method: %1").arg(method)));
        });
}

} // namespace knotie::gateway
