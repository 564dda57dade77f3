#include "gateway/gateway.h"
#include "gateway/keyrequests.h"
#include "gateway/portalroute.h"
#include "gateway/requestcontext.h"
#include "gateway/usage.h"

#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>

namespace knotie::gateway {

namespace {
HttpResponse permissionDenied() {
    return errorResponse(403, QStringLiteral("permission_denied"),
                         QStringLiteral("You do not have permission to see usage. Ask the account owner."));
}

// Runs `answer` with the parsed query, or answers the parse failure.
template <typename Answer>
void withQuery(Gateway &gateway, RequestContext &ctx, BucketRule rule, const Responder &respond,
               Answer answer) {
    const QSqlDatabase db = gateway.store().connection();
    auto parsed = parseUsageSelection(db, ctx.user->partnerId, ctx.request.query, rule);
    if (const HttpResponse *failure = httpError(parsed))
        return respond(std::move(*failure));
    respond(answer(db, std::get<UsageSelection>(parsed)));
}
constexpr int maximumKeysPage = 10000;

// Runs `sql` (bound: key id, from, to) once per selected key and hands each row to
// `row`: one prepared statement for any number of keys, where an IN list would need
// one placeholder per key.
template <typename RowFn>
void forEachKeyRow(const QSqlDatabase &db, const QString &sql, const UsageSelection &query, RowFn row) {
    QSqlQuery q = prepareForwardOnly(db, sql);
    for (const QString &keyId : query.keyIds) {
        q.addBindValue(keyId);
        q.addBindValue(query.from);
        q.addBindValue(query.to);
        if (!exec(q))
            continue;
        while (q.next())
            row(std::as_const(q));
    }
}

// `{"endpoints": [{"method","route","requests","errors"}]}` over the selected keys, most
// requested first (ties: by route, then method).
QJsonObject usageEndpointsJson(const QSqlDatabase &db, const UsageSelection &query) {
    struct Endpoint {
        QString method;
        QString route;
        qint64 requests = 0;
        qint64 errors = 0;
    };
    QHash<QPair<QString, QString>, Endpoint> byRoute;
    forEachKeyRow(db,
                  QStringLiteral("SELECT method, route, SUM(requests), SUM(errors)"
                                 " FROM usage_routes WHERE key_id = ? AND hour >= ?"
                                 " AND hour < ? GROUP BY method, route"),
                  query, [&byRoute](const QSqlQuery &q) {
                      Endpoint &e = byRoute[{q.value(0).toString(), q.value(1).toString()}];
                      e.method = q.value(0).toString();
                      e.route = q.value(1).toString();
                      e.requests += q.value(2).toLongLong();
                      e.errors += q.value(3).toLongLong();
                  });
    QList<Endpoint> endpoints = byRoute.values();
    std::sort(endpoints.begin(), endpoints.end(), [](const Endpoint &a, const Endpoint &b) {
        if (a.requests != b.requests)
            return a.requests > b.requests;
        return std::tie(a.route, a.method) < std::tie(b.route, b.method);
    });
    QJsonArray list;
    for (const Endpoint &e : std::as_const(endpoints))
        list.append(QJsonObject{{QStringLiteral("method"), e.method},
                                {QStringLiteral("route"), e.route},
                                {QStringLiteral("requests"), e.requests},
                                {QStringLiteral("errors"), e.errors}});
    return QJsonObject{{QStringLiteral("endpoints"), list}};
}

// `{"errors": [{"status","code","requests"}]}` over the selected keys, most first (ties:
// by status, then code, so the order is stable).
QJsonObject usageErrorsJson(const QSqlDatabase &db, const UsageSelection &query) {
    struct Error {
        int status = 0;
        QString code;
        qint64 requests = 0;
    };
    QHash<QPair<int, QString>, Error> byCode;
    forEachKeyRow(db,
                  QStringLiteral("SELECT status, code, SUM(requests) FROM usage_errors WHERE key_id = ?"
                                 " AND hour >= ? AND hour < ? GROUP BY status, code"),
                  query, [&byCode](const QSqlQuery &q) {
                      Error &e = byCode[{q.value(0).toInt(), q.value(1).toString()}];
                      e.status = q.value(0).toInt();
                      e.code = q.value(1).toString();
                      e.requests += q.value(2).toLongLong();
                  });
    QList<Error> errors = byCode.values();
    std::sort(errors.begin(), errors.end(), [](const Error &a, const Error &b) {
        if (a.requests != b.requests)
            return a.requests > b.requests;
        return std::tie(a.status, a.code) < std::tie(b.status, b.code);
    });
    QJsonArray list;
    for (const Error &e : std::as_const(errors))
        list.append(
            QJsonObject{{QStringLiteral("status"), e.status},
                        {QStringLiteral("code"), e.code.isEmpty() ? QJsonValue() : QJsonValue(e.code)},
                        {QStringLiteral("requests"), e.requests}});
    return QJsonObject{{QStringLiteral("errors"), list}};
}

// A /v1/usage/keys cursor: the last key id of the page before, opaque to the caller.
QString keysCursor(const QString &lastKeyId) {
    return QString::fromLatin1(
        lastKeyId.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// One page of per-key usage: the selected keys in their stable order (created_at, id),
// from just after the cursor's key.
HttpResponse keysPage(const QSqlDatabase &db, const UsageSelection &query, const QUrlQuery &url, int limit) {
    qsizetype first = 0;
    if (url.hasQueryItem(QStringLiteral("cursor"))) {
        const QString after = QString::fromUtf8(QByteArray::fromBase64(
            url.queryItemValue(QStringLiteral("cursor")).toLatin1(), QByteArray::Base64UrlEncoding));
        const qsizetype at = after.isEmpty() ? -1 : query.keyIds.indexOf(after);
        if (at < 0)
            return errorResponse(
                422, QStringLiteral("invalid_cursor"),
                QStringLiteral("This cursor does not belong to this query; start again without one."),
                QStringLiteral("cursor"));
        first = at + 1;
    }
    const qsizetype end = qMin(query.keyIds.size(), first + limit);
    QSqlQuery q = prepareForwardOnly(
        db, QStringLiteral("SELECT hour, requests, client_errors + server_errors, rate_limited"
                           " FROM usage_hours WHERE key_id = ? AND hour >= ? AND hour < ?"));
    const qsizetype buckets = (query.to - query.from) / query.bucketSeconds;
    QJsonArray keys;
    for (qsizetype i = first; i < end; ++i) {
        const QString &keyId = query.keyIds.at(i);
        q.addBindValue(keyId);
        q.addBindValue(query.from);
        q.addBindValue(query.to);
        QList<qint64> series(buckets, 0);
        qint64 requests = 0;
        qint64 errors = 0;
        qint64 rateLimited = 0;
        if (exec(q)) {
            while (q.next()) {
                series[(q.value(0).toLongLong() - query.from) / query.bucketSeconds] +=
                    q.value(1).toLongLong();
                requests += q.value(1).toLongLong();
                errors += q.value(2).toLongLong();
                rateLimited += q.value(3).toLongLong();
            }
        }
        QJsonArray counts;
        for (qint64 n : std::as_const(series))
            counts.append(n);
        keys.append(QJsonObject{{QStringLiteral("key_id"), keyId},
                                {QStringLiteral("requests"), requests},
                                {QStringLiteral("errors"), errors},
                                {QStringLiteral("rate_limited"), rateLimited},
                                {QStringLiteral("series"), counts}});
    }
    const bool hasMore = end < query.keyIds.size();
    return jsonResponse(200,
                        QJsonObject{{QStringLiteral("keys"), keys},
                                    {QStringLiteral("cursor"),
                                     end > first ? QJsonValue(keysCursor(query.keyIds.at(end - 1)))
                                                 : QJsonValue(url.queryItemValue(QStringLiteral("cursor")))},
                                    {QStringLiteral("has_more"), hasMore}});
}
} // namespace

// The portal's usage charts (API.md, "Usage"), read from the hourly rollups.
void registerUsageRoutes(Gateway &gateway, Router &router) {
    Gateway *g = &gateway;
    router.add("GET", QStringLiteral("/v1/usage"), Audience::Session,
               [g](RequestContext &ctx, Responder respond) {
                   if (!ctx.user->has(Permission::AnalyticsView))
                       return respond(permissionDenied());
                   withQuery(*g, ctx, BucketRule::Required, respond,
                             [](const QSqlDatabase &db, const UsageSelection &query) {
                                 return jsonResponse(200, usageSeriesJson(query, usageSeries(db, query)));
                             });
               });

    router.add("GET", QStringLiteral("/v1/usage/endpoints"), Audience::Session,
               [g](RequestContext &ctx, Responder respond) {
                   if (!ctx.user->has(Permission::AnalyticsView))
                       return respond(permissionDenied());
                   withQuery(*g, ctx, BucketRule::HourBoundaries, respond,
                             [](const QSqlDatabase &db, const UsageSelection &query) {
                                 return jsonResponse(200, usageEndpointsJson(db, query));
                             });
               });

    // Error answers by status and code, most first (API.md v1.1).
    router.add("GET", QStringLiteral("/v1/usage/errors"), Audience::Session,
               [g](RequestContext &ctx, Responder respond) {
                   if (!ctx.user->has(Permission::AnalyticsView))
                       return respond(permissionDenied());
                   withQuery(*g, ctx, BucketRule::HourBoundaries, respond,
                             [](const QSqlDatabase &db, const UsageSelection &query) {
                                 return jsonResponse(200, usageErrorsJson(db, query));
                             });
               });

    // A key's latest requests, refused ones with a revoked or expired key included.
    router.add("GET", QStringLiteral("/v1/keys/{id}/requests"), Audience::Session,
               [g](RequestContext &ctx, Responder respond) {
                   if (!ctx.user->has(Permission::AnalyticsView) &&
                       !ctx.user->has(Permission::SettingsManage))
                       return respond(permissionDenied());
                   const QSqlDatabase db = g->store().connection();
                   QSqlQuery key =
                       prepare(db, QStringLiteral("SELECT 1 FROM api_keys WHERE id = ? AND partner_id = ?"));
                   key.addBindValue(ctx.param(QStringLiteral("id")));
                   key.addBindValue(ctx.user->partnerId);
                   if (!exec(key) || !key.next())
                       return respond(notFound());
                   const auto latest =
                       keyrequests::latest(db, ctx.param(QStringLiteral("id")), ctx.request.query, ctx.now);
                   if (const HttpResponse *failure = httpError(latest))
                       return respond(*failure);
                   respond(jsonResponse(200, std::get<QJsonObject>(latest)));
               });

    router.add("GET", QStringLiteral("/v1/usage/keys"), Audience::Session,
               [g](RequestContext &ctx, Responder respond) {
                   if (!ctx.user->has(Permission::AnalyticsView) &&
                       !ctx.user->has(Permission::SettingsManage))
                       return respond(permissionDenied());
                   const auto limit = parseLimit(ctx.request.query, maximumKeysPage, maximumKeysPage);
                   if (const HttpResponse *failure = httpError(limit))
                       return respond(*failure);
                   withQuery(*g, ctx, BucketRule::Required, respond,
                             [&](const QSqlDatabase &db, const UsageSelection &query) {
                                 return keysPage(db, query, ctx.request.query, std::get<int>(limit));
                             });
               });
}

} // namespace knotie::gateway
