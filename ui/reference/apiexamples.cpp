#include "ui/reference/apiexamples.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace knotie::examples {

namespace {
using namespace Qt::Literals::StringLiterals;

QString quoted(const QString &text) {
    return QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

QString compact(const QJsonObject &object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString indented(const QJsonObject &object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

// A shell single-quoted word: nothing inside is expanded.
QString shellQuoted(const QString &text) {
    QString copy = text;
    return u'\'' + copy.replace(u'\'', "'\\''"_L1) + u'\'';
}

QString curl(const Call &call) {
    QStringList lines;
    QString first = u"curl -sS"_s;
    if (call.method != u"GET")
        first += u" -X "_s + call.method;
    lines << first + u" \"" + call.url.toString(QUrl::FullyEncoded) + u'"';
    lines << u"  -H \"X-API-Key: $"_s + keyVariable + u'"';
    if (call.body) {
        lines << u"  -H \"Content-Type: application/json\""_s;
        lines << u"  -d "_s + shellQuoted(compact(*call.body));
    }
    return lines.join(" \\\n"_L1);
}

QString python(const Call &call) {
    QStringList args{quoted(call.url.toString(QUrl::FullyEncoded)),
                     u"headers={\"X-API-Key\": os.environ[\""_s + keyVariable + u"\"]}"_s};
    if (call.body)
        args << u"json="_s + compact(*call.body);
    args << u"timeout=30"_s;
    QString text =
        u"import os\n\nimport requests\n\nresponse = requests."_s + call.method.toLower() + u"(\n"_s;
    for (const QString &arg : args)
        text += u"    "_s + arg + u",\n"_s;
    text += u")\nprint(response.status_code, response.json())\n"_s;
    return text;
}

QString javascript(const Call &call) {
    QString text = u"// Node.js 18 or later, as an ES module (.mjs). Keep keys out of browser code.\n"_s;
    text += u"const response = await fetch("_s + quoted(call.url.toString(QUrl::FullyEncoded)) + u", {\n"_s;
    text += u"  method: "_s + quoted(call.method) + u",\n"_s;
    text += u"  headers: {\n    \"X-API-Key\": process.env."_s + keyVariable + u",\n"_s;
    if (call.body)
        text += u"    \"Content-Type\": \"application/json\",\n"_s;
    text += u"  },\n"_s;
    if (call.body)
        text += u"  body: JSON.stringify("_s + compact(*call.body) + u"),\n"_s;
    text += u"});\nconsole.log(response.status, await response.json());\n"_s;
    return text;
}

QString n8n(const Call &call, const QString &title) {
    QJsonObject parameters{
        {u"method"_s, call.method},
        {u"url"_s, call.url.toString(QUrl::FullyEncoded)},
        {u"sendHeaders"_s, true},
        {u"headerParameters"_s,
         QJsonObject{
             {u"parameters"_s,
              QJsonArray{QJsonObject{{u"name"_s, u"X-API-Key"_s},
                                     {u"value"_s, QString(u"={{ $env."_s + keyVariable + u" }}"_s)}}}}}},
        {u"options"_s, QJsonObject{}},
    };
    if (call.body) {
        parameters.insert(u"sendBody"_s, true);
        parameters.insert(u"specifyBody"_s, u"json"_s);
        parameters.insert(u"jsonBody"_s, compact(*call.body));
    }
    const QJsonObject node{{u"parameters"_s, parameters},
                           {u"name"_s, title},
                           {u"type"_s, u"n8n-nodes-base.httpRequest"_s},
                           {u"typeVersion"_s, 4.2},
                           {u"position"_s, QJsonArray{0, 0}}};
    return indented(QJsonObject{{u"nodes"_s, QJsonArray{node}}, {u"connections"_s, QJsonObject{}}});
}

QString rfc3339(const QDate &date) {
    return date.toString(Qt::ISODate) + u"T00:00:00Z"_s;
}
} // namespace

Group groupOf(const scopes::PlatformRoute &route) {
    const QLatin1StringView path = route.pathTemplate;
    if (path.contains("/automations/"_L1))
        return Group::Automations;
    if (path.startsWith("/api/v1/customers"_L1))
        return Group::Customers;
    if (path.startsWith("/api/v1/analytics"_L1))
        return Group::Analytics;
    if (path.startsWith("/api/v1/credits"_L1))
        return Group::Credits;
    if (path.startsWith("/api/v1/webhook"_L1))
        return Group::Webhooks;
    if (path.startsWith("/mcp"_L1))
        return Group::Mcp;
    return Group::Key;
}

QString groupTitle(Group group) {
    switch (group) {
    case Group::Key:
        return QCoreApplication::translate("ApiExamples", "Your key");
    case Group::Customers:
        return QCoreApplication::translate("ApiExamples", "Customers");
    case Group::Automations:
        return QCoreApplication::translate("ApiExamples", "Automations");
    case Group::Analytics:
        return QCoreApplication::translate("ApiExamples", "Analytics");
    case Group::Credits:
        return QCoreApplication::translate("ApiExamples", "Credits and billing");
    case Group::Webhooks:
        return QCoreApplication::translate("ApiExamples", "Webhooks");
    case Group::Mcp:
        return QCoreApplication::translate("ApiExamples", "AI automation (MCP)");
    }
    return {};
}

QString languageTitle(Language language) {
    switch (language) {
    case Language::Curl:
        return u"curl"_s;
    case Language::Python:
        return QCoreApplication::translate("ApiExamples", "Python (requests)");
    case Language::JavaScript:
        return QCoreApplication::translate("ApiExamples", "JavaScript (fetch)");
    case Language::N8n:
        return QCoreApplication::translate("ApiExamples", "n8n HTTP Request");
    }
    return {};
}

Call exampleCall(const scopes::PlatformRoute &route, const Values &values) {
    Call call;
    call.method = route.method;
    QString path = route.pathTemplate;
    path.replace("{id}"_L1, values.customerId)
        .replace("{name}"_L1, "onboarding"_L1)
        .replace("{source}"_L1, "stripe"_L1);
    call.url = values.baseUrl;
    call.url.setPath(values.baseUrl.path().chopped(values.baseUrl.path().endsWith(u'/') ? 1 : 0) + path);
    if (path == "/api/v1/analytics"_L1) {
        QUrlQuery query;
        query.addQueryItem(u"from"_s, rfc3339(values.today.addDays(-7)));
        query.addQueryItem(u"to"_s, rfc3339(values.today));
        call.url.setQuery(query);
    }
    if (route.method == "GET"_L1)
        return call;
    if (path == "/api/v1/customers"_L1) {
        call.body = QJsonObject{{u"name"_s, u"Acme Dental"_s}};
        call.expectedStatus = 201;
    } else if (route.method == "PATCH"_L1) {
        call.body = QJsonObject{{u"name"_s, u"Acme Dental Group"_s}};
    } else if (path.endsWith("/runs"_L1)) {
        call.body = QJsonObject{};
        call.expectedStatus = 202;
    } else if (path == "/api/v1/credits/grants"_L1) {
        call.body = QJsonObject{{u"customer_id"_s, values.customerId}, {u"amount"_s, 500}};
        call.expectedStatus = 201;
    } else if (path.startsWith("/api/v1/webhooks/"_L1)) {
        call.body = QJsonObject{{u"type"_s, u"invoice.paid"_s}, {u"id"_s, u"evt_123"_s}};
        call.expectedStatus = 202;
    } else if (path == "/mcp"_L1) {
        call.body = QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, 1}, {u"method"_s, u"tools/list"_s}};
    }
    return call;
}

QString render(Language language, const Call &call, const QString &title) {
    switch (language) {
    case Language::Curl:
        return curl(call);
    case Language::Python:
        return python(call);
    case Language::JavaScript:
        return javascript(call);
    case Language::N8n:
        return n8n(call, title);
    }
    return {};
}

QString mcpClientConfig(const QUrl &baseUrl) {
    QUrl url = baseUrl;
    url.setPath(baseUrl.path().chopped(baseUrl.path().endsWith(u'/') ? 1 : 0) + u"/mcp"_s);
    const QJsonObject server{{u"type"_s, u"http"_s},
                             {u"url"_s, url.toString(QUrl::FullyEncoded)},
                             {u"headers"_s, QJsonObject{{u"X-API-Key"_s, QString(placeholderKey)}}}};
    return indented(QJsonObject{{u"mcpServers"_s, QJsonObject{{u"knotie"_s, server}}}});
}

QString describe(QLatin1StringView description) {
    return QCoreApplication::translate("Scopes", description.data());
}

QString grantText(scopes::Grant grant) {
    switch (grant) {
    case scopes::Grant::Allowed:
        return QCoreApplication::translate("ApiExamples", "Yes");
    case scopes::Grant::Denied:
        return QCoreApplication::translate("ApiExamples", "No");
    case scopes::Grant::OwnCustomer:
        return QCoreApplication::translate("ApiExamples", "Own customer only");
    case scopes::Grant::ReadTools:
        return QCoreApplication::translate("ApiExamples", "Read tools only");
    }
    return {};
}

QString sunsetExample(Language language, const QUrl &baseUrl) {
    QUrl url = baseUrl;
    url.setPath(baseUrl.path().chopped(baseUrl.path().endsWith(u'/') ? 1 : 0) + u"/api/v1/whoami"_s);
    const QString address = url.toString(QUrl::FullyEncoded);
    switch (language) {
    case Language::Curl:
        // -D - prints the headers; a key further than 30 days from its end prints nothing.
        return u"curl -sS -o /dev/null -D - \""_s + address + u"\" \\\n  -H \"X-API-Key: $"_s + keyVariable +
               u"\" | grep -i '^sunset:'"_s;
    case Language::Python:
        return u"import os\nfrom email.utils import parsedate_to_datetime\n\nimport requests\n\n"_s
               u"response = requests.get(\n    \""_s +
               address + u"\",\n    headers={\"X-API-Key\": os.environ[\""_s + keyVariable +
               u"\"]},\n    timeout=30,\n)\n"_s
               u"sunset = response.headers.get(\"Sunset\")\n"_s
               u"if sunset:\n    print(\"This Knotie key stops working on\", parsedate_to_datetime(sunset))\n"_s;
    case Language::N8n:
        return QCoreApplication::translate(
                   "ApiExamples",
                   "HTTP Request node: GET %1, header X-API-Key.\n"
                   "Options → Response → turn on \"Include Response Headers and Status\".\n"
                   "The key's end is then {{ $json.headers.sunset }} (n8n writes header names in lower "
                   "case).\nAdd an IF node \"{{ $json.headers.sunset }} is not empty\" that notifies you, so "
                   "the key is rotated before it stops working.")
            .arg(address);
    case Language::JavaScript:
        break;
    }
    return {};
}

} // namespace knotie::examples
