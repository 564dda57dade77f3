#pragma once

#include "models/domain/keytype.h"

#include <QByteArrayView>
#include <QLatin1StringView>
#include <QList>
#include <QStringView>

#include <optional>

namespace knotie::scopes {

// What a key type may do with one Platform API route (API.md, "Platform API"). This is
// the one definition of key scopes: the gateway enforces it and the portal explains it.
enum class Grant {
    Denied,      // 403 key_scope
    Allowed,     // every object of the key's partner
    OwnCustomer, // a customer key, on its own customer only (others answer 404)
    ReadTools,   // POST /mcp for read-only keys: read tools only
};

struct PlatformRoute {
    QLatin1StringView method;
    QLatin1StringView pathTemplate; // as the gateway's router and usage records spell it
    QLatin1StringView description;  // one short sentence for people (the portal's API Reference)
    Grant partner;
    Grant customer;
    Grant readOnly;
    Grant webhook;

    Grant grantFor(KeyType type) const;
};

// Every Platform API route, in API.md's order. A route missing here is refused to
// every key: scope is an allow-list.
const QList<PlatformRoute> &platformRoutes();

const PlatformRoute *findRoute(QByteArrayView method, QStringView pathTemplate);

// The grant of a key type on a route template; Denied for anything not in the table.
Grant grantFor(KeyType type, QByteArrayView method, QStringView pathTemplate);

// A read-only key is refused every method but GET and HEAD, whatever the path and
// whatever method-override header it sends, except POST /mcp (where it may call read
// tools). `overrideMethod` is the value of any method-override header, empty if none.
bool readOnlyMethodAllowed(QByteArrayView method, QStringView path, QByteArrayView overrideMethod);

// MCP tools (POST /mcp, "tools/call") and which key types may call them.
struct McpTool {
    QLatin1StringView name;
    QLatin1StringView description;
    bool readOnly; // changes nothing (MCP's readOnlyHint)
    Grant partner;
    Grant customer;
    Grant readOnlyKey;
    Grant webhook;

    Grant grantFor(KeyType type) const;
};

const QList<McpTool> &mcpTools();
const McpTool *findMcpTool(QStringView name);

} // namespace knotie::scopes
