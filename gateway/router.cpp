#include "gateway/router.h"

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

bool isParameterValue(QStringView segment, bool slug) {
    return slug ? isSlug(segment) : isIdShaped(segment);
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
    Route route{method, publicTemplate, audience, std::move(handler), pathTemplate.split(QLatin1Char('/'))};
    m_routes.append(std::move(route));
}

RouteMatch Router::match(const QByteArray &method, const QString &path) const {
    const QList<QStringView> parts = QStringView(path).split(QLatin1Char('/'));
    const QByteArray wanted = method == "HEAD" ? QByteArrayLiteral("GET") : method;
    RouteMatch result;
    for (const Route &route : m_routes) {
        if (route.segments.size() != parts.size())
            continue;
        QHash<QString, QString> params;
        bool matches = true;
        for (qsizetype i = 0; i < parts.size() && matches; ++i) {
            const QString &segment = route.segments.at(i);
            if (segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'))) {
                const bool slug = segment.endsWith(slugSuffix);
                matches = isParameterValue(parts.at(i), slug);
                const qsizetype nameLength = segment.size() - 2 - (slug ? slugSuffix.size() - 1 : 0);
                params.insert(segment.mid(1, nameLength), parts.at(i).toString());
            } else {
                matches = segment == parts.at(i);
            }
        }
        if (!matches)
            continue;
        if (route.method == wanted) {
            result.outcome = RouteMatch::Outcome::Found;
            result.route = &route;
            result.params = std::move(params);
            return result;
        }
        result.outcome = RouteMatch::Outcome::MethodNotAllowed;
    }
    return result;
}

} // namespace knotie::gateway
