#include "gateway.h"

#include "accounts.h"
#include "requestcontext.h"

#include <QJsonObject>
#include <QThreadPool>

namespace knotie::gateway {

namespace {
Audience audienceOfPath(const QString &path) {
    if (path.startsWith(QLatin1String("/v1/")))
        return Audience::Session;
    if (path.startsWith(QLatin1String("/api/v1/")) || path == QLatin1String("/mcp"))
        return Audience::ApiKey;
    return Audience::Public;
}

QByteArray bearerToken(const HttpRequest &request) {
    const QByteArray value = request.header("authorization");
    if (value.size() > 7 && value.first(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return value.mid(7).trimmed();
    return {};
}
} // namespace

Gateway::Gateway(Store &store, Options options)
    : m_store(store)
    , m_options(options) {
    registerSystemRoutes();
    registerSessionRoutes(*this, m_router);
    registerTeamRoutes(*this, m_router);
    registerKeyRoutes(*this, m_router);
    registerAuditRoutes(*this, m_router);
}

void Gateway::runInBackground(std::function<void()> work) {
    QThreadPool::globalInstance()->start(std::move(work));
}

void Gateway::handle(HttpRequest request, Responder respond) {
    const RouteMatch match = m_router.match(request.method, request.path);
    const bool publicRoute = match.route && match.route->audience == Audience::Public;
    const Audience audience = publicRoute ? Audience::Public : audienceOfPath(request.path);

    // The credential is checked before routing (API.md's order of checks), so an
    // unauthenticated caller learns nothing about which routes exist.
    std::optional<Principal> user;
    if (audience == Audience::Session) {
        const QByteArray token = bearerToken(request);
        if (!token.isEmpty())
            user = accounts::findBySessionToken(m_store.connection(), token, m_clock.nowSeconds());
        if (!user)
            return respond(
                errorResponse(401, QStringLiteral("invalid_session"),
                              QStringLiteral("Sign in again: the session is missing, unknown or expired.")));
    } else if (audience == Audience::ApiKey) {
        if (request.header("x-api-key").isEmpty())
            return respond(errorResponse(401, QStringLiteral("missing_key"),
                                         QStringLiteral("Send your API key in the X-API-Key header.")));
        return respond(
            errorResponse(401, QStringLiteral("invalid_key"),
                          QStringLiteral("The API key is not valid. Check that you copied it whole.")));
    }

    if (match.outcome == RouteMatch::Outcome::NotFound)
        return respond(
            errorResponse(404, QStringLiteral("not_found"), QStringLiteral("There is nothing here.")));
    if (match.outcome == RouteMatch::Outcome::MethodNotAllowed)
        return respond(errorResponse(
            405, QStringLiteral("method_not_allowed"),
            QStringLiteral("This route does not accept %1.").arg(QString::fromLatin1(request.method))));

    RequestContext context{request, *match.route, match.params, m_clock.nowSeconds(), std::move(user)};
    match.route->handler(context, std::move(respond));
}

void Gateway::registerSystemRoutes() {
    m_router.add(
        "GET", QStringLiteral("/healthz"), Audience::Public, [](RequestContext &, Responder respond) {
            respond(
                jsonResponse(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                              {QStringLiteral("service"), QStringLiteral("knotie-gateway")},
                                              {QStringLiteral("version"), QStringLiteral(KNOTIE_VERSION)}}));
        });
    if (!m_options.testClock)
        return;
    m_router.add(
        "POST", QStringLiteral("/_test/clock"), Audience::Public,
        [this](RequestContext &ctx, Responder respond) {
            const auto body = parseJsonObject(ctx.request.body);
            if (!body)
                return respond(errorResponse(400, QStringLiteral("invalid_json"),
                                             QStringLiteral("Send a JSON object.")));
            const QJsonValue advance = body->value(QStringLiteral("advance_seconds"));
            if (!advance.isDouble() || advance.toDouble() < 0)
                return respond(errorResponse(422, QStringLiteral("invalid_field"),
                                             QStringLiteral("advance_seconds must be a non-negative number."),
                                             QStringLiteral("advance_seconds")));
            m_clock.advance(static_cast<qint64>(advance.toDouble()));
            respond(jsonResponse(200, QJsonObject{{QStringLiteral("now"), toRfc3339(m_clock.nowSeconds())}}));
        });
}

} // namespace knotie::gateway
