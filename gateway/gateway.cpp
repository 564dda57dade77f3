#include "gateway/gateway.h"

#include "gateway/accounts.h"
#include "gateway/passwords.h"
#include "gateway/portalroute.h"
#include "gateway/requestcontext.h"
#include "gateway/sunset.h"

#include <QDir>
#include <QJsonObject>
#include <QSqlQuery>
#include <QThreadPool>

#include <chrono>

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

// Sent for a malformed, mistyped, unknown, revoked or expired key alike: the caller is
// not told which.
HttpResponse invalidKey() {
    return errorResponse(401, QStringLiteral("invalid_key"),
                         QStringLiteral("The API key is not valid. Check that you copied it whole."));
}

HttpResponse keyScope() {
    return errorResponse(403, QStringLiteral("key_scope"),
                         QStringLiteral("This API key's type does not allow this call."));
}

// 404 for a path no route has, 405 for a known path with another method.
std::optional<HttpResponse> routingFailure(const RouteMatch &match, const QByteArray &method) {
    if (match.outcome == RouteMatch::Outcome::NotFound)
        return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("There is nothing here."));
    if (match.outcome == RouteMatch::Outcome::MethodNotAllowed)
        return errorResponse(
            405, QStringLiteral("method_not_allowed"),
            QStringLiteral("This route does not accept %1.").arg(QString::fromLatin1(method)));
    return std::nullopt;
}

// Proxies and frameworks honour these; a read-only key may not use them to sneak a write.
QByteArray methodOverride(const HttpRequest &request) {
    for (const char *name : {"x-http-method-override", "x-http-method", "x-method-override"}) {
        const QByteArray value = request.header(name);
        if (!value.isEmpty())
            return value.trimmed().toUpper();
    }
    return {};
}
} // namespace

Gateway::Gateway(Store &store, Options options)
    : m_store(store)
    , m_options(options)
    , m_keys(store)
    , m_keyService(store, m_keys)
    , m_usage(store, usageSpoolDirectory(store.dataDirectory()))
    , m_lockout(store)
    , m_passwordChecks(SignInBudget::Options{.workers = options.passwordWorkers})
    , m_databaseHealth(store) {
    if (options.redis)
        m_sharedRateLimiter = std::make_unique<RedisRateLimiter>(*options.redis);
    // Database work runs on these threads, never on the serving ones. Kept alive: each
    // holds its own database connection.
    m_databaseWork.setMaxThreadCount(databaseThreads);
    m_databaseWork.setExpiryTimeout(-1);
    m_store.setChangeListener([this](const QSet<QString> &partners) {
        for (const QString &partner : partners)
            m_changeWaits.changed(partner);
    });
    if (store.location().engine == DatabaseLocation::Engine::PostgreSQL)
        m_changeFollower = std::make_unique<ChangeFollower>(store, m_keys, m_changeWaits);
    registerSystemRoutes();
    registerSessionRoutes(*this, m_router);
    registerTeamRoutes(*this, m_router);
    registerKeyRoutes(*this, m_router);
    registerAuditRoutes(*this, m_router);
    registerPlatformRoutes(*this, m_router);
    registerMcpRoutes(*this, m_router);
    registerUsageRoutes(*this, m_router);
    // The answers that need no database (whoami only once its key is cached: handle()).
    m_router.answerInline(QStringLiteral("/healthz"));
    m_router.answerInline(QStringLiteral("/api/v1/whoami"));
}

QString Gateway::usageSpoolDirectory(const QString &dataDirectory) {
    return QDir(dataDirectory).filePath(QStringLiteral("usage-spool"));
}

Gateway::~Gateway() {
    stop();
    m_store.setChangeListener({});
}

void Gateway::runDatabaseWork(std::function<void()> work) {
    m_databaseWork.start(std::move(work));
}

void Gateway::endHeldAnswers() {
    m_changeWaits.stop();
}

void Gateway::stop() {
    endHeldAnswers();
    m_passwordChecks.stop();
    m_databaseWork.waitForDone();
    m_usage.stop();
    m_databaseHealth.stop();
}

// GET /v1/sessions shows when each session was last used; written at most once a
// minute per session, so a busy portal does not turn every read into a write.
void Gateway::noteSessionSeen(const Principal &user) {
    const qint64 now = m_clock.nowSeconds();
    if (now - user.sessionLastSeenAt < 60)
        return;
    m_store.write([&](QSqlDatabase &db) {
        QSqlQuery q =
            prepare(db, QStringLiteral("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?"));
        q.addBindValue(now);
        q.addBindValue(user.tokenHash);
        return exec(q);
    });
}

void Gateway::handle(HttpRequest request, Responder respond) {
    RouteMatch match = m_router.match(request.method, request.path);
    // While the database is away, only /healthz answers; a key's request is still verified
    // (in memory) and recorded, so it is answered in handleApiKey.
    if (!m_databaseHealth.reachable() && audienceOfPath(request.path) != Audience::ApiKey &&
        !(match.route && match.route->pathTemplate == QLatin1String("/healthz")))
        return respond(databaseUnavailable());
    // Only answers that wait for nothing are made on the serving thread (/healthz, and whoami
    // with a key already verified whose limit, if any, is counted here rather than in Redis),
    // so a slow query or round trip never delays the other connections it serves.
    if (match.route && match.route->answeredInline) {
        if (match.route->audience == Audience::Public)
            return serve(request, match, std::move(respond));
        KeyDirectory::Lookup key = KeyDirectory::lookup(request.header("x-api-key").trimmed());
        // A malformed secret is "found" without a row: refused here, from memory too.
        const bool found = m_keys.findCached(key);
        const bool countedInRedis = m_sharedRateLimiter && key.cached && key.cached->key.rateLimit;
        if (found && !countedInRedis)
            return serve(request, match, std::move(respond), &key);
    }
    m_databaseWork.start(
        [this, request = std::move(request), match = std::move(match),
         respond = std::move(respond)]() mutable { serve(request, match, std::move(respond)); });
}

// Any route's storage failure (500) that came from a write giving up on a lock another
// writer held is a 503 `busy` the client may retry (issue 16, item 7); one that came from a
// connection the server ended is a 503 `unavailable`: one rule here rather than a case in
// every route. Clears the busy flag whatever the answer, so it never outlives the request
// that set it on this thread.
HttpResponse Gateway::retryableWhenStorageFailed(HttpResponse response) {
    const bool busy = Store::takeBusy();
    if (response.status != 500)
        return response;
    if (busy)
        return databaseBusy();
    if (m_store.connectionLost()) {
        m_databaseHealth.probeSoon();
        return databaseUnavailable();
    }
    return response;
}

void Gateway::serve(HttpRequest &request, const RouteMatch &match, Responder plainRespond,
                    KeyDirectory::Lookup *knownKey) {
    Store::takeBusy(); // left over from work this thread did before
    const bool publicRoute = match.route && match.route->audience == Audience::Public;
    const Audience audience = publicRoute ? Audience::Public : audienceOfPath(request.path);

    // The credential is checked before routing (API.md's order of checks), so an
    // unauthenticated caller learns nothing about which routes exist.
    if (audience == Audience::ApiKey) {
        // Answers without a key are made here; recording() makes every other answer
        // retryable itself, so a key's request needs no second wrapper (an allocation each).
        const auto answer = [&](HttpResponse response) {
            plainRespond(retryableWhenStorageFailed(std::move(response)));
        };
        // Only the header counts: a key in the query string would end up in logs and histories.
        const QByteArray secret = request.header("x-api-key").trimmed();
        if (secret.isEmpty())
            return answer(errorResponse(401, QStringLiteral("missing_key"),
                                        QStringLiteral("Send your API key in the X-API-Key header.")));
        KeyPrincipal refused;
        auto key = knownKey ? m_keys.authenticate(std::move(*knownKey), m_clock.nowSeconds(), &refused)
                            : m_keys.authenticate(secret, m_clock.nowSeconds(), &refused);
        if (!key && !refused.keyId.isEmpty())
            return recording(request, match, refused, false, std::move(plainRespond))(invalidKey());
        if (!key)
            return answer(invalidKey());
        return handleApiKey(request, match, std::move(*key), std::move(plainRespond));
    }

    Responder respond = [this, plainRespond = std::move(plainRespond)](HttpResponse response) {
        plainRespond(retryableWhenStorageFailed(std::move(response)));
    };
    std::optional<Principal> user;
    if (audience == Audience::Session) {
        const QByteArray token = bearerToken(request);
        if (!token.isEmpty())
            user = accounts::findBySessionToken(m_store.connection(), token, m_clock.nowSeconds());
        // A lookup that failed because the connection broke says nothing about the session:
        // 503, never a 401 that would sign the person out.
        if (!user && !token.isEmpty() && m_store.connectionLost()) {
            m_databaseHealth.probeSoon();
            return respond(databaseUnavailable());
        }
        if (!user)
            return respond(
                errorResponse(401, QStringLiteral("invalid_session"),
                              QStringLiteral("Sign in again: the session is missing, unknown or expired.")));
        noteSessionSeen(*user);
    }

    if (auto failure = routingFailure(match, request.method))
        return respond(std::move(*failure));

    RequestContext context{request, *match.route, match.params, m_clock.nowSeconds(), std::move(user), {}};
    match.route->handler(context, std::move(respond));
    // The routes that read a password have taken their own copy (wiped after the check):
    // this one goes now rather than whenever the allocator reuses it.
    if (match.route->pathTemplate == QLatin1String("/v1/sessions") ||
        match.route->pathTemplate == QLatin1String("/v1/me/password"))
        passwords::wipe(request.body);
}

// Every answer to a key is recorded, whatever it is, with the route's template
// (`(unmatched)` when no route has the path, or has it only for other methods) and the
// error body's code. A key that stops working within 30 days says so on every answer
// (RFC 8594 Sunset, API.md v1.1).
Responder Gateway::recording(const HttpRequest &request, const RouteMatch &match, const KeyPrincipal &key,
                             bool countsAsUsage, Responder respond) {
    const qint64 now = m_clock.nowSeconds();
    return [this, started = std::chrono::steady_clock::now(), now, partnerId = key.partnerId,
            keyId = key.keyId, sunset = countsAsUsage ? sunsetHeader(key.expiresAt, now) : std::nullopt,
            method = usageMethod(request.method),
            route = match.route ? match.route->pathTemplate : unmatchedRoute, countsAsUsage,
            respond = std::move(respond)](HttpResponse answer) mutable {
        HttpResponse response = retryableWhenStorageFailed(std::move(answer));
        if (sunset)
            response.setHeader("Sunset", *sunset);
        const auto elapsed = std::chrono::steady_clock::now() - started;
        // Called once: the record takes the strings (see KeyDirectory::authenticate).
        m_usage.record(
            {.partnerId = std::move(partnerId),
             .keyId = std::move(keyId),
             .at = now,
             .method = std::move(method),
             .route = std::move(route),
             .status = response.status,
             .latencyMicros = std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count(),
             .errorCode = response.errorCode,
             .countsAsUsage = countsAsUsage});
        respond(std::move(response));
    };
}

void Gateway::handleApiKey(const HttpRequest &request, const RouteMatch &match, KeyPrincipal key,
                           Responder respond) {
    const qint64 now = m_clock.nowSeconds();
    Responder recorded = recording(request, match, key, true, std::move(respond));

    // Every request with a valid key counts against its limit, whatever its answer (API.md
    // v1.1), so it is admitted first; a refusal is still answered in API.md's order.
    RateLimiter::Verdict verdict;
    // A key without a limit never reaches Redis: it costs no round trip.
    if (key.rateLimit)
        verdict = m_sharedRateLimiter
                      ? m_sharedRateLimiter->admit(key.keyId, key.rateLimit->requests,
                                                   key.rateLimit->perSeconds, m_clock.nowMilliseconds())
                      : m_rateLimiter.admit(key.keyId, key.rateLimit->requests, key.rateLimit->perSeconds,
                                            m_clock.nowMilliseconds());
    if (key.type == KeyType::ReadOnly &&
        !scopes::readOnlyMethodAllowed(request.method, request.path, methodOverride(request)))
        return recorded(keyScope());
    if (auto failure = routingFailure(match, request.method))
        return recorded(std::move(*failure));
    if (!m_databaseHealth.reachable())
        return recorded(databaseUnavailable());
    key.grant = scopes::grantFor(key.type, match.route->method, match.route->pathTemplate);
    if (key.grant == scopes::Grant::Denied)
        return recorded(keyScope());
    if (!verdict.allowed) {
        HttpResponse limited =
            errorResponse(429, QStringLiteral("rate_limited"),
                          QStringLiteral("This API key is over its rate limit. Retry in %1 seconds.")
                              .arg(verdict.retryAfterSeconds));
        limited.setHeader("Retry-After", QByteArray::number(verdict.retryAfterSeconds));
        return recorded(std::move(limited));
    }
    RequestContext context{request, *match.route, match.params, now, std::nullopt, std::move(key)};
    match.route->handler(context, std::move(recorded));
}

void Gateway::registerSystemRoutes() {
    m_router.add(
        "GET", QStringLiteral("/healthz"), Audience::Public, [this](RequestContext &, Responder respond) {
            // Never touches the database: it says what DatabaseHealth last found, and where
            // rate limits are counted now ("local" without --redis or while Redis is away).
            const bool up = m_databaseHealth.reachable();
            const QString rateLimits =
                m_sharedRateLimiter ? m_sharedRateLimiter->backendName() : QStringLiteral("local");
            QJsonObject details{
                {QStringLiteral("database"), up ? QStringLiteral("ok") : QStringLiteral("unreachable")},
                {QStringLiteral("rate_limits"), rateLimits}};
            respond(jsonResponse(up ? 200 : 503,
                                 QJsonObject{{QStringLiteral("status"),
                                              up ? QStringLiteral("ok") : QStringLiteral("unavailable")},
                                             {QStringLiteral("service"), QStringLiteral("knotie-gateway")},
                                             {QStringLiteral("version"), QStringLiteral(KNOTIE_VERSION)},
                                             {QStringLiteral("details"), details}}));
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
