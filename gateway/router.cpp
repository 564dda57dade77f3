#include "gateway/router.h"

#include <QStringTokenizer>
#include <QVarLengthArray>

#include <algorithm>

namespace knotie::gateway {

namespace {
// `{name:slug}` narrows a parameter to `[a-z0-9_-]{1,64}` (automation names, webhook
// sources); the suffix is left out of the route's public template.
constexpr QLatin1StringView slugSuffix(":slug}");

bool isShaped(QStringView segment, bool allowUpperCase) {
    if (segment.isEmpty() || segment.size() > 64)
        return false;
    for (QChar c : segment) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (allowUpperCase && u >= 'A' && u <= 'Z') ||
                        (u >= '0' && u <= '9') || u == '_' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

RouteSegment templateSegment(const QString &text) {
    if (!text.startsWith(QLatin1Char('{')) || !text.endsWith(QLatin1Char('}')))
        return {RouteSegment::Kind::Literal, text};
    if (text.endsWith(slugSuffix))
        return {RouteSegment::Kind::Slug, text.mid(1, text.size() - 1 - slugSuffix.size())};
    return {RouteSegment::Kind::Id, text.mid(1, text.size() - 2)};
}

bool matches(const RouteSegment &segment, QStringView part) {
    switch (segment.kind) {
    case RouteSegment::Kind::Literal:
        return segment.text == part;
    case RouteSegment::Kind::Id:
        return isIdShaped(part);
    case RouteSegment::Kind::Slug:
        return isSlug(part);
    }
    return false;
}
} // namespace

QString routingPath(const QByteArray &rawPath) {
    // Nothing percent-encoded (nearly every request): each segment decodes to itself.
    if (!rawPath.contains('%'))
        return QString::fromUtf8(rawPath);
    QByteArray path;
    path.reserve(rawPath.size());
    const QList<QByteArray> segments = rawPath.split('/');
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (i > 0)
            path += '/';
        const QByteArray decoded = QByteArray::fromPercentEncoding(segments.at(i));
        for (const char c : decoded) {
            if (c == '%')
                path += "%25";
            else if (c == '/')
                path += "%2F";
            else
                path += c;
        }
    }
    return QString::fromUtf8(path);
}

bool isIdShaped(QStringView text) {
    return isShaped(text, true);
}

bool isSlug(QStringView text) {
    return isShaped(text, false);
}

void Router::add(const QByteArray &method, const QString &pathTemplate, Audience audience,
                 std::function<void(RequestContext &, Responder)> handler) {
    QString publicTemplate = pathTemplate;
    publicTemplate.replace(slugSuffix, QLatin1String("}"));
    Route route{method, publicTemplate, audience, std::move(handler), {}};
    for (const QString &segment : pathTemplate.split(QLatin1Char('/')))
        route.segments.append(templateSegment(segment));
    const bool literal =
        std::all_of(route.segments.cbegin(), route.segments.cend(),
                    [](const RouteSegment &s) { return s.kind == RouteSegment::Kind::Literal; });
    if (literal)
        m_literalRoutes[publicTemplate].append(m_routes.size());
    m_routes.append(std::move(route));
}

void Router::answerInline(const QString &pathTemplate) {
    for (Route &route : m_routes)
        if (route.pathTemplate == pathTemplate)
            route.answeredInline = true;
}

RouteMatch Router::match(const QByteArray &method, const QString &path) const {
    const QByteArrayView wanted = method == "HEAD" ? QByteArrayView("GET") : QByteArrayView(method);
    RouteMatch result;
    if (const auto literal = m_literalRoutes.constFind(path); literal != m_literalRoutes.cend())
        for (const qsizetype index : *literal)
            if (m_routes.at(index).method == wanted) {
                result.outcome = RouteMatch::Outcome::Found;
                result.route = &m_routes.at(index);
                return result;
            }
    // The scan: templates with parameters, and a path whose routes are all for other methods.
    // Split without allocating: routes have a handful of segments, and this runs per request.
    QVarLengthArray<QStringView, 16> parts;
    for (const QStringView part : QStringTokenizer(path, QLatin1Char('/')))
        parts.append(part);
    for (const Route &route : m_routes) {
        if (route.segments.size() != parts.size())
            continue;
        bool matched = true;
        for (qsizetype i = 0; i < parts.size() && matched; ++i)
            matched = matches(route.segments.at(i), parts.at(i));
        if (!matched)
            continue;
        if (route.method != wanted) {
            result.outcome = RouteMatch::Outcome::MethodNotAllowed;
            continue;
        }
        result.outcome = RouteMatch::Outcome::Found;
        result.route = &route;
        for (qsizetype i = 0; i < parts.size(); ++i)
            if (route.segments.at(i).kind != RouteSegment::Kind::Literal)
                result.params.insert(route.segments.at(i).text, parts.at(i).toString());
        return result;
    }
    return result;
}

} // namespace knotie::gateway
