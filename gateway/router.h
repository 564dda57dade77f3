#pragma once

#include "gateway/http/httpmessage.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <functional>

namespace knotie::gateway {

struct RequestContext;

// `[A-Za-z0-9_-]{1,64}`: the shape of every id (API.md, General rules).
bool isIdShaped(QStringView text);
// `[a-z0-9_-]{1,64}`: automation names and webhook sources.
bool isSlug(QStringView text);

// The path the router and the credential checks see: the raw path split at '/', each
// segment percent-decoded on its own. A '/' or '%' that a segment decodes to stays
// encoded (`%2F`, `%25`), so `/v1/keys%2F{id}` is one segment that no route has, never
// `/v1/keys/{id}`.
QString routingPath(const QByteArray &rawPath);

// Who a route is for: the audience decides which credential is checked before routing.
enum class Audience { Public, Session, ApiKey };

// One '/'-separated part of a route's template, read once when the route is added.
struct RouteSegment {
    enum class Kind { Literal, Id, Slug } kind = Kind::Literal;
    QString text; // the literal, or the parameter's name (`id` of `{id}` and `{id:slug}`)
};

struct Route {
    QByteArray method;
    QString pathTemplate; // `/v1/keys/{id}`: what usage records and the OpenAPI test see
    Audience audience = Audience::Public;
    std::function<void(RequestContext &, Responder)> handler;
    QList<RouteSegment> segments;
    // Answered on the serving thread, never queued for a database thread (Gateway::handle).
    bool answeredInline = false;
};

struct RouteMatch {
    enum class Outcome { Found, NotFound, MethodNotAllowed } outcome = Outcome::NotFound;
    const Route *route = nullptr;
    QHash<QString, QString> params;
};

// Matches a method and a routingPath() against templates, segment by segment. A `{name}` segment matches
// one segment of `[A-Za-z0-9_-]{1,64}` (ids and names are never anything else), so
// a malformed id is simply an unknown route; `{name:slug}` narrows it to
// `[a-z0-9_-]{1,64}`. HEAD matches GET routes.
class Router {
public:
    void add(const QByteArray &method, const QString &pathTemplate, Audience audience,
             std::function<void(RequestContext &, Responder)> handler);
    RouteMatch match(const QByteArray &method, const QString &path) const;
    // Marks the routes of `pathTemplate` (every method) answeredInline.
    void answerInline(const QString &pathTemplate);
    const QList<Route> &routes() const { return m_routes; }

private:
    QList<Route> m_routes;
    // Templates without a parameter, by path (indexes into m_routes): most requests, whoami above
    // all, find their route in one look instead of a scan of every template. Such a route wins
    // over a template that would take the same path, as it did when added first
    // (`DELETE /v1/sessions/current` before `/v1/sessions/{id}`).
    QHash<QString, QVarLengthArray<qsizetype, 2>> m_literalRoutes;
};

} // namespace knotie::gateway
