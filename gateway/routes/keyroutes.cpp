#include "gateway/apikeys.h"
#include "gateway/clock.h"
#include "gateway/gateway.h"
#include "gateway/keyservice.h"
#include "gateway/portalroute.h"
#include "gateway/synccursor.h"
#include "gateway/waitforchanges.h"
#include "models/domain/keyfields.h"
#include "models/domain/keyformat.h"
#include "models/domain/keylimits.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace knotie::gateway {

namespace {
using apikeys::StoredKey;

OrHttpError<QString> checkName(const QJsonValue &value) {
    if (!value.isUndefined() && !value.isNull() && !value.isString())
        return wrongType(QStringLiteral("name"), QStringLiteral("a string"));
    const QString name = keyfields::normalized(value.toString());
    const auto problem = keyfields::checkName(name);
    if (!problem)
        return name;
    switch (*problem) {
    case keyfields::Problem::Empty:
        return fieldError(QStringLiteral("invalid_name"), QStringLiteral("name"),
                          QStringLiteral("Give the key a name."));
    case keyfields::Problem::TooLong:
        return fieldError(QStringLiteral("invalid_name"), QStringLiteral("name"),
                          QStringLiteral("A name has at most %1 characters.").arg(keyfields::maxNameLength));
    case keyfields::Problem::ForbiddenCharacter:
        break;
    }
    return fieldError(QStringLiteral("invalid_name"), QStringLiteral("name"),
                      QStringLiteral("A name cannot hold control or invisible formatting characters."));
}

// Absent and null both mean no description.
// custodian_id: a user id; whether that person is on the team is the key service's to say.
OrHttpError<QString> checkCustodian(const QJsonValue &value) {
    if (!value.isString() || value.toString().isEmpty())
        return fieldError(QStringLiteral("invalid_custodian"), QStringLiteral("custodian_id"),
                          QStringLiteral("custodian_id is the id of a current member of your team."));
    return value.toString();
}

OrHttpError<QString> checkDescription(const QJsonValue &value) {
    if (!value.isUndefined() && !value.isNull() && !value.isString())
        return wrongType(QStringLiteral("description"), QStringLiteral("a string or null"));
    const QString description = keyfields::normalized(value.toString());
    const auto problem = keyfields::checkDescription(description);
    if (!problem)
        return description;
    switch (*problem) {
    case keyfields::Problem::Empty: // a description may be empty: never reported
        return description;
    case keyfields::Problem::TooLong:
        return fieldError(
            QStringLiteral("invalid_description"), QStringLiteral("description"),
            QStringLiteral("A description has at most %1 characters.").arg(keyfields::maxDescriptionLength));
    case keyfields::Problem::ForbiddenCharacter:
        break;
    }
    return fieldError(QStringLiteral("invalid_description"), QStringLiteral("description"),
                      QStringLiteral("A description cannot hold control or invisible formatting "
                                     "characters other than line breaks."));
}

// An expiry must be in the future; absent or null means none.
OrHttpError<std::optional<qint64>> checkExpiry(const QJsonValue &value, qint64 now) {
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString())
        return wrongType(QStringLiteral("expires_at"), QStringLiteral("an RFC 3339 time or null"));
    const auto at = fromRfc3339(value.toString());
    if (!at)
        return fieldError(QStringLiteral("invalid_expiry"), QStringLiteral("expires_at"),
                          QStringLiteral("expires_at must be an RFC 3339 time."));
    if (!keylimits::isValidExpiry(*at, now))
        return fieldError(QStringLiteral("invalid_expiry"), QStringLiteral("expires_at"),
                          QStringLiteral("The expiry must be in the future."));
    return at;
}

OrHttpError<std::optional<RateLimit>> checkRateLimit(const QJsonValue &value) {
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isObject())
        return wrongType(QStringLiteral("rate_limit"), QStringLiteral("an object or null"));
    const QJsonObject limit = value.toObject();
    const auto requests = jsonInteger(limit.value(QStringLiteral("requests")));
    const auto perSeconds = jsonInteger(limit.value(QStringLiteral("per_seconds")));
    // Bounded before the narrowing to int, then the one rule the portal checks with too.
    if (!requests || !perSeconds || *requests < 1 || *requests > keylimits::maxRateLimitRequests ||
        *perSeconds < 1 || *perSeconds > keylimits::maxRateLimitSeconds ||
        !keylimits::isValid(RateLimit{int(*requests), int(*perSeconds)}))
        return fieldError(QStringLiteral("invalid_rate_limit"), QStringLiteral("rate_limit"),
                          QStringLiteral("A rate limit is 1 to 1,000,000 requests per 1 to 86,400 "
                                         "seconds."));
    return RateLimit{int(*requests), int(*perSeconds)};
}

// PATCH's version 1.1 fields (API.md, "Keys: limits, expiry and custody after creation"):
// `rate_limit` and `expires_at`, each absent (unchanged), null (none) or a new value checked
// as POST /v1/keys checks it. Fills `edit`; returns the 422 answer for a bad value.
std::optional<HttpResponse> readLimitEdit(const QJsonObject &body, qint64 now, KeyEdit &edit) {
    const QJsonValue rateLimitValue = body.value(QStringLiteral("rate_limit"));
    if (!rateLimitValue.isUndefined()) {
        const auto checked = checkRateLimit(rateLimitValue);
        if (const HttpResponse *error = httpError(checked))
            return *error;
        edit.rateLimit = std::get<0>(checked);
    }
    const QJsonValue expiryValue = body.value(QStringLiteral("expires_at"));
    if (!expiryValue.isUndefined()) {
        const auto checked = checkExpiry(expiryValue, now);
        if (const HttpResponse *error = httpError(checked))
            return *error;
        edit.expiresAt = std::get<0>(checked);
    }
    return std::nullopt;
}

HttpResponse keyJson(int status, const StoredKey &key, qint64 now) {
    return jsonResponse(status, apikeys::toJson(key, now));
}

// The answer to a refused key change (API.md's codes); `notActive` words the 409 for the
// change that was asked.
HttpResponse
refusalResponse(KeyRefusal refusal,
                const QString &notActive = QStringLiteral("Only an active key can be rotated.")) {
    switch (refusal) {
    case KeyRefusal::NotFound:
        return notFound();
    case KeyRefusal::Revoked:
        return errorResponse(409, QStringLiteral("key_revoked"),
                             QStringLiteral("A revoked key cannot be rotated; create a new one."));
    case KeyRefusal::NotActive:
        return errorResponse(409, QStringLiteral("key_not_active"), notActive);
    case KeyRefusal::InvalidCustodian:
        return fieldError(QStringLiteral("invalid_custodian"), QStringLiteral("custodian_id"),
                          QStringLiteral("Choose a current member of your team to answer for this key."));
    case KeyRefusal::Busy:
        return databaseBusy();
    case KeyRefusal::Storage:
        break;
    }
    return internalError();
}

// The routes parse and check what a caller sends (403, 400, 422 in API.md's order) and
// hand the change to the gateway's KeyService; only the listing and the secret check
// read here.
struct KeyRoutes {
    Gateway &gateway;

    KeyService &keys() const { return gateway.keys(); }

    void list(RequestContext &ctx, const Responder &respond) const {
        if (!requirePermission(ctx, respond, {Permission::SettingsManage}))
            return;
        answerOrWait(gateway, ctx, respond, QStringLiteral("keys"),
                     [this](RequestContext &again, const Responder &answer) { return page(again, answer); });
    }

    // One page of changed keys, answered; or, when no key changed after the cursor, the
    // cursor of the empty answer (gateway/waitforchanges.h).
    std::optional<QString> page(RequestContext &ctx, const Responder &respond) const {
        const Principal &user = *ctx.user;
        if (!apikeys::stampExpiries(gateway.store(), user.partnerId, ctx.now)) {
            respond(internalError());
            return std::nullopt;
        }
        QSqlDatabase db = gateway.store().connection();
        const auto page = readPageRequest(db, ctx, SyncStream::Keys, respond);
        if (!page)
            return std::nullopt;
        // One read transaction: the last change number and the rows come from the same
        // snapshot, so a cursor never points past a change this answer did not include.
        db.transaction();
        const qint64 last = lastChangeSequence(db);
        QList<StoredKey> keys = apikeys::changedSince(db, user.partnerId, page->since, page->limit + 1);
        db.commit();
        const bool hasMore = keys.size() > page->limit;
        if (hasMore)
            keys.resize(page->limit);
        const qint64 position = hasMore ? keys.last().changeSeq : qMax(last, page->since);
        const QString cursor = encodeCursor(db, SyncStream::Keys, user.partnerId, position);
        if (keys.isEmpty())
            return cursor;
        QJsonArray items;
        for (const StoredKey &key : std::as_const(keys))
            items.append(apikeys::toJson(key, ctx.now));
        respond(jsonResponse(200, QJsonObject{{QStringLiteral("keys"), items},
                                              {QStringLiteral("cursor"), cursor},
                                              {QStringLiteral("has_more"), hasMore}}));
        return std::nullopt;
    }

    void create(RequestContext &ctx, const Responder &respond) const {
        if (!requirePermission(ctx, respond, {Permission::SettingsManage}))
            return;
        const auto body = requireJsonObject(ctx, respond);
        if (!body)
            return;
        const Principal &user = *ctx.user;
        const auto name = checkName(body->value(QStringLiteral("name")));
        if (const HttpResponse *error = httpError(name))
            return respond(*error);
        const auto description = checkDescription(body->value(QStringLiteral("description")));
        if (const HttpResponse *error = httpError(description))
            return respond(*error);
        const QJsonValue typeValue = body->value(QStringLiteral("type"));
        if (!typeValue.isUndefined() && !typeValue.isNull() && !typeValue.isString())
            return respond(wrongType(QStringLiteral("type"), QStringLiteral("a string")));
        const auto type = keyTypeFromWireName(typeValue.toString());
        if (!type)
            return respond(
                fieldError(QStringLiteral("invalid_type"), QStringLiteral("type"),
                           QStringLiteral("type must be partner, customer, read_only or webhook.")));
        const QJsonValue customerValue = body->value(QStringLiteral("customer_id"));
        if (!customerValue.isUndefined() && !customerValue.isNull() && !customerValue.isString())
            return respond(wrongType(QStringLiteral("customer_id"), QStringLiteral("a string or null")));
        const QString customerId = customerValue.toString();
        if (*type == KeyType::Customer && customerId.isEmpty())
            return respond(fieldError(QStringLiteral("customer_required"), QStringLiteral("customer_id"),
                                      QStringLiteral("A customer key needs the customer it belongs to.")));
        if (*type != KeyType::Customer && !customerValue.isUndefined() && !customerValue.isNull())
            return respond(fieldError(QStringLiteral("customer_not_allowed"), QStringLiteral("customer_id"),
                                      QStringLiteral("Only customer keys belong to a customer.")));
        if (*type == KeyType::Customer &&
            !apikeys::customerBelongsTo(gateway.store().connection(), customerId, user.partnerId))
            return respond(fieldError(QStringLiteral("unknown_customer"), QStringLiteral("customer_id"),
                                      QStringLiteral("There is no such customer in this account.")));
        const auto expiry = checkExpiry(body->value(QStringLiteral("expires_at")), ctx.now);
        if (const HttpResponse *error = httpError(expiry))
            return respond(*error);
        const auto rateLimit = checkRateLimit(body->value(QStringLiteral("rate_limit")));
        if (const HttpResponse *error = httpError(rateLimit))
            return respond(*error);

        const auto issued =
            keys().create(user,
                          KeyDraft{std::get<QString>(name), std::get<QString>(description), *type, customerId,
                                   std::get<0>(expiry), std::get<0>(rateLimit)},
                          ctx.now);
        if (const auto *refusal = std::get_if<KeyRefusal>(&issued))
            return respond(refusalResponse(*refusal));
        const IssuedKey &key = std::get<IssuedKey>(issued);
        respond(jsonResponse(201, QJsonObject{{QStringLiteral("key"), apikeys::toJson(key.key, ctx.now)},
                                              {QStringLiteral("secret"), QString::fromLatin1(key.secret)}}));
    }

    void update(RequestContext &ctx, const Responder &respond) const {
        if (!requirePermission(ctx, respond, {Permission::SettingsManage}))
            return;
        const auto body = requireJsonObject(ctx, respond);
        if (!body)
            return;
        const QString keyId = ctx.param(QStringLiteral("id"));
        if (!keys().find(ctx.user->partnerId, keyId))
            return respond(notFound());
        KeyEdit edit;
        const QJsonValue nameValue = body->value(QStringLiteral("name"));
        if (!nameValue.isUndefined()) {
            // null is not a name: a key always has one.
            const auto checked = checkName(nameValue.isNull() ? QJsonValue(QString()) : nameValue);
            if (const HttpResponse *error = httpError(checked))
                return respond(*error);
            edit.name = std::get<QString>(checked);
        }
        const QJsonValue descriptionValue = body->value(QStringLiteral("description"));
        if (!descriptionValue.isUndefined()) {
            const auto checked = checkDescription(descriptionValue);
            if (const HttpResponse *error = httpError(checked))
                return respond(*error);
            edit.description = std::get<QString>(checked);
        }
        if (const auto error = readLimitEdit(*body, ctx.now, edit))
            return respond(*error);
        const QJsonValue custodianValue = body->value(QStringLiteral("custodian_id"));
        if (!custodianValue.isUndefined()) {
            const auto checked = checkCustodian(custodianValue);
            if (const HttpResponse *error = httpError(checked))
                return respond(*error);
            edit.custodianId = std::get<QString>(checked);
        }
        const auto edited = keys().edit(*ctx.user, keyId, edit, ctx.now);
        if (const auto *refusal = std::get_if<KeyRefusal>(&edited))
            return respond(refusalResponse(
                *refusal,
                QStringLiteral("Only an active key's rate limit, expiry or custodian can change.")));
        respond(keyJson(200, std::get<StoredKey>(edited), ctx.now));
    }

    void rotate(RequestContext &ctx, const Responder &respond) const {
        if (!requirePermission(ctx, respond, {Permission::SettingsManage}))
            return;
        const auto body = requireJsonObject(ctx, respond, true);
        if (!body)
            return;
        const QString keyId = ctx.param(QStringLiteral("id"));
        if (!keys().find(ctx.user->partnerId, keyId))
            return respond(notFound());
        qint64 grace = keylimits::defaultGraceSeconds;
        const QJsonValue graceValue = body->value(QStringLiteral("grace_seconds"));
        if (!graceValue.isUndefined() && !graceValue.isNull()) {
            if (!graceValue.isDouble())
                return respond(wrongType(QStringLiteral("grace_seconds"), QStringLiteral("a whole number")));
            const auto seconds = jsonInteger(graceValue);
            if (!seconds || *seconds < 0 || *seconds > keylimits::maxGraceSeconds)
                return respond(
                    fieldError(QStringLiteral("invalid_grace"), QStringLiteral("grace_seconds"),
                               QStringLiteral("The grace period is 0 to 604,800 seconds (7 days).")));
            grace = *seconds;
        }
        const auto expiry = checkExpiry(body->value(QStringLiteral("expires_at")), ctx.now);
        if (const HttpResponse *error = httpError(expiry))
            return respond(*error);

        const auto issued = keys().rotate(*ctx.user, keyId, grace, std::get<0>(expiry), ctx.now);
        if (const auto *refusal = std::get_if<KeyRefusal>(&issued))
            return respond(refusalResponse(*refusal));
        const IssuedKey &key = std::get<IssuedKey>(issued);
        respond(jsonResponse(
            201, QJsonObject{{QStringLiteral("key"), apikeys::toJson(key.key, ctx.now)},
                             {QStringLiteral("secret"), QString::fromLatin1(key.secret)},
                             {QStringLiteral("previous"), apikeys::toJson(*key.previous, ctx.now)}}));
    }

    void revoke(RequestContext &ctx, const Responder &respond) const {
        if (!requirePermission(ctx, respond, {Permission::SettingsManage}))
            return;
        const auto revoked = keys().revoke(*ctx.user, ctx.param(QStringLiteral("id")), ctx.now);
        if (const auto *refusal = std::get_if<KeyRefusal>(&revoked))
            return respond(refusalResponse(*refusal));
        respond(keyJson(200, std::get<StoredKey>(revoked), ctx.now));
    }

    void check(RequestContext &ctx, const Responder &respond) const {
        if (!requirePermission(ctx, respond, {Permission::SettingsManage}))
            return;
        const auto body = requireJsonObject(ctx, respond);
        if (!body)
            return;
        const QJsonValue secretValue = body->value(QStringLiteral("secret"));
        if (!secretValue.isString())
            return respond(wrongType(QStringLiteral("secret"), QStringLiteral("a string")));
        const QByteArray secret = secretValue.toString().toUtf8();
        const auto answer = [&](const QString &reason, const std::optional<StoredKey> &key) {
            respond(jsonResponse(
                200, QJsonObject{{QStringLiteral("valid"), reason == QLatin1String("ok")},
                                 {QStringLiteral("reason"), reason},
                                 {QStringLiteral("key"),
                                  key ? QJsonValue(apikeys::toJson(*key, ctx.now)) : QJsonValue()}}));
        };
        switch (keyformat::verify(secret)) {
        case keyformat::Verdict::Malformed:
            return answer(QStringLiteral("malformed"), std::nullopt);
        case keyformat::Verdict::BadChecksum:
            return answer(QStringLiteral("bad_checksum"), std::nullopt);
        case keyformat::Verdict::Ok:
            break;
        }
        auto key = apikeys::findBySecretHash(gateway.store().connection(), apikeys::secretHash(secret));
        if (!key || key->partnerId != ctx.user->partnerId)
            return answer(QStringLiteral("unknown"), std::nullopt);
        switch (key->statusAt(ctx.now)) {
        case KeyStatus::Revoked:
            return answer(QStringLiteral("revoked"), key);
        case KeyStatus::Expired:
            return answer(QStringLiteral("expired"), key);
        case KeyStatus::Active:
        case KeyStatus::Expiring:
            break;
        }
        answer(QStringLiteral("ok"), key);
    }
};
} // namespace

void registerKeyRoutes(Gateway &gateway, Router &router) {
    const auto bind = [&gateway](void (KeyRoutes::*handler)(RequestContext &, const Responder &) const) {
        return [routes = KeyRoutes{gateway}, handler](RequestContext &ctx, Responder respond) {
            (routes.*handler)(ctx, respond);
        };
    };
    router.add("GET", QStringLiteral("/v1/keys"), Audience::Session, bind(&KeyRoutes::list));
    router.add("POST", QStringLiteral("/v1/keys"), Audience::Session, bind(&KeyRoutes::create));
    router.add("POST", QStringLiteral("/v1/keys/check"), Audience::Session, bind(&KeyRoutes::check));
    router.add("PATCH", QStringLiteral("/v1/keys/{id}"), Audience::Session, bind(&KeyRoutes::update));
    router.add("DELETE", QStringLiteral("/v1/keys/{id}"), Audience::Session, bind(&KeyRoutes::revoke));
    router.add("POST", QStringLiteral("/v1/keys/{id}/rotate"), Audience::Session, bind(&KeyRoutes::rotate));
}

} // namespace knotie::gateway
