#pragma once

#include "models/domain/scopes.h"

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace knotie::examples {

// The help article's groups of the Platform API, in its order; "your key" first, since
// whoami is the call to try a new key with.
enum class Group { Key, Customers, Automations, Analytics, Credits, Webhooks, Mcp };
inline constexpr Group allGroups[]{Group::Key,     Group::Customers, Group::Automations, Group::Analytics,
                                   Group::Credits, Group::Webhooks,  Group::Mcp};

Group groupOf(const scopes::PlatformRoute &route);
QString groupTitle(Group group);

enum class Language { Curl, Python, JavaScript, N8n };
inline constexpr Language allLanguages[]{Language::Curl, Language::Python, Language::JavaScript,
                                         Language::N8n};
QString languageTitle(Language language);

// The examples read the key from this environment variable, so a copied example never
// holds a secret and a real one never lands in a shell history or a script.
inline constexpr QLatin1StringView keyVariable{"KNOTIE_API_KEY"};
// Where a configuration file cannot read the environment (an MCP client's JSON).
inline constexpr QLatin1StringView placeholderKey{"YOUR_KNOTIE_API_KEY"};

// What fills the example's blanks: the connected gateway, and real ids of this partner
// where the person has them, so an example runs as shown.
struct Values {
    QUrl baseUrl;
    QString customerId = QStringLiteral("cus_123");
    QDate today = QDate::currentDate();
};

// One ready-to-send call of a route.
struct Call {
    QString method;
    QUrl url;
    std::optional<QJsonObject> body;
    int expectedStatus = 200; // what API.md documents for success
};

Call exampleCall(const scopes::PlatformRoute &route, const Values &values);
QString render(Language language, const Call &call, const QString &title);
// A client configuration for MCP over HTTP (Claude, Cursor, VS Code and other clients
// read this shape) with the key in the X-API-Key header.
QString mcpClientConfig(const QUrl &baseUrl);

// How a caller sees a key's Sunset header (RFC 8594: sent while the key expires within 30
// days) in each language, against whoami: curl prints the header, Python the date it names,
// n8n's HTTP Request node exposes it as {{ $json.headers.sunset }}. JavaScript is not asked for.
QString sunsetExample(Language language, const QUrl &baseUrl);

// A route's or tool's description from the scope table, in the person's language.
QString describe(QLatin1StringView description);

// "Yes", "Its own customer only", …: what a key type may do with a route.
QString grantText(scopes::Grant grant);

} // namespace knotie::examples
