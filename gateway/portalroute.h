#pragma once

#include "gateway/http/httpmessage.h"
#include "gateway/requestcontext.h"

#include <QJsonObject>
#include <QSqlDatabase>

#include <QUrlQuery>

#include <initializer_list>
#include <optional>
#include <variant>

namespace knotie::gateway {

// Small pieces every Portal API route shares, so each answers an error the same way
// and runs API.md's checks in the same order: permission (403), body syntax (400),
// object lookup (404), field validation (422), state conflicts (409).

// True when the signed-in person holds at least one of `any`; otherwise answers 403.
bool requirePermission(const RequestContext &ctx, const Responder &respond,
                       std::initializer_list<Permission> any);

// The request body as an object, or a 400 already answered. `emptyMeansNoFields` lets a
// call whose every field is optional (rotate) be sent without a body.
std::optional<QJsonObject> requireJsonObject(const RequestContext &ctx, const Responder &respond,
                                             bool emptyMeansNoFields = false);

// A value, or the HTTP error that answers the request instead: the one shape every route
// helper returns (field checks, query parsers), Platform API and Portal API alike.
template <typename T> using OrHttpError = std::variant<T, HttpResponse>;
// The error held by `result`, or null when it holds a value.
template <typename T> const HttpResponse *httpError(const OrHttpError<T> &result) {
    return std::get_if<HttpResponse>(&result);
}

// `limit` of a list: absent gives `fallback`; anything but a whole number in 1..`maximum`
// is 422 invalid_limit.
OrHttpError<int> parseLimit(const QUrlQuery &query, int fallback, int maximum);

HttpResponse fieldError(const QString &code, const QString &field, const QString &message);
// 422 invalid_field: the field is present but of the wrong JSON type.
HttpResponse wrongType(const QString &field, const QString &expected);
HttpResponse notFound();
HttpResponse internalError();
// 503 `busy` with Retry-After: another writer held the database past Store::busyTimeoutMs.
// Nothing changed; trying again is safe.
HttpResponse databaseBusy();

// A new opaque id, `prefix_` + 20 base62 characters from the CSPRNG: every id the
// gateway makes (`key_`, `cus_`, `run_`, `evt_`...).
QString newId(QLatin1StringView prefix);

// Strict integer reading of a JSON number: 1.5 or 1e300 are not integers.
std::optional<qint64> jsonInteger(const QJsonValue &value);

} // namespace knotie::gateway
