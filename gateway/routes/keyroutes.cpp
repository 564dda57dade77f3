#include "gateway/apikeys.h"
#include "gateway/audit.h"
#include "gateway/changes.h"
#include "gateway/clock.h"
#include "gateway/gateway.h"
#include "gateway/portalroute.h"
#include "gateway/synccursor.h"
#include "models/domain/keyfields.h"
#include "models/domain/keyformat.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace knotie::gateway {

namespace {
using apikeys::Status;
using apikeys::StoredKey;

constexpr qint64 defaultGraceSeconds = 86400;
constexpr qint64 maximumGraceSeconds = 604800;
constexpr qint64 maximumRateRequests = 1000000;
constexpr qint64 maximumRateSeconds = 86400;

// A validated field, or the 422 that refuses it.
template <typename T> struct Checked {
    T value{};
    std::optional<HttpResponse> error;
};

Checked<QString> checkName(const QJsonValue &value) {
    if (!value.isUndefined() && !value.isNull() && !value.isString())
        return {{}, wrongType(QStringLiteral("name"), QStringLiteral("a string"))};
    const QString name = keyfields::normalized(value.toString());
    const auto problem = keyfields::checkName(name);
    if (!problem)
        return {name, std::nullopt};
    switch (*problem) {
    case keyfields::Problem::Empty:
        return {{},
                fieldError(QStringLiteral("invalid_name"), QStringLiteral("name"),
                           QStringLiteral("Give the key a name."))};
    case keyfields::Problem::TooLong:
        return {
            {},
            fieldError(QStringLiteral("invalid_name"), QStringLiteral("name"),
                       QStringLiteral("A name has at most %1 characters.").arg(keyfields::maxNameLength))};
    case keyfields::Problem::ForbiddenCharacter:
        break;
    }
    return {{},
            fieldError(QStringLiteral("invalid_name"), QStringLiteral("name"),
                       QStringLiteral("A name cannot hold control or invisible formatting characters."))};
}

// Absent and null both mean no description.
Checked<QString> checkDescription(const QJsonValue &value) {
    if (!value.isUndefined() && !value.isNull() && !value.isString())
        return {{}, wrongType(QStringLiteral("description"), QStringLiteral("a string or null"))};
    const QString description = keyfields::normalized(value.toString());
    const auto problem = keyfields::checkDescription(description);
    if (!problem)
        return {description, std::nullopt};
    switch (*problem) {
    case keyfields::Problem::Empty: // a description may be empty: never reported
        return {description, std::nullopt};
    case keyfields::Problem::TooLong:
        return {{},
                fieldError(QStringLiteral("invalid_description"), QStringLiteral("description"),
                           QStringLiteral("A description has at most %1 characters.")
                               .arg(keyfields::maxDescriptionLength))};
    case keyfields::Problem::ForbiddenCharacter:
        break;
    }
    return {{},
            fieldError(QStringLiteral("invalid_description"), QStringLiteral("description"),
                       QStringLiteral("A description cannot hold control or invisible formatting "
                                      "characters other than line breaks."))};
}

// An expiry must be in the future; absent or null means none.
Checked<std::optional<qint64>> checkExpiry(const QJsonValue &value, qint64 now) {
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString())
        return {{}, wrongType(QStringLiteral("expires_at"), QStringLiteral("an RFC 3339 time or null"))};
    const auto at = fromRfc3339(value.toString());
    if (!at)
        return {{},
                fieldError(QStringLiteral("invalid_expiry"), QStringLiteral("expires_at"),
                           QStringLiteral("expires_at must be an RFC 3339 time."))};
    if (*at <= now)
        return {{},
                fieldError(QStringLiteral("invalid_expiry"), QStringLiteral("expires_at"),
                           QStringLiteral("The expiry must be in the future."))};
    return {at, std::nullopt};
}

struct RateLimit {
    std::optional<qint64> requests;
    std::optional<qint64> perSeconds;
};

Checked<RateLimit> checkRateLimit(const QJsonValue &value) {
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isObject())
        return {{}, wrongType(QStringLiteral("rate_limit"), QStringLiteral("an object or null"))};
    const QJsonObject limit = value.toObject();
    const auto requests = jsonInteger(limit.value(QStringLiteral("requests")));
    const auto perSeconds = jsonInteger(limit.value(QStringLiteral("per_seconds")));
    if (!requests || !perSeconds || *requests < 1 || *requests > maximumRateRequests || *perSeconds < 1 ||
        *perSeconds > maximumRateSeconds)
        return {{},
                fieldError(QStringLiteral("invalid_rate_limit"), QStringLiteral("rate_limit"),
                           QStringLiteral("A rate limit is 1 to 1,000,000 requests per 1 to 86,400 "
                                          "seconds."))};
    return {RateLimit{requests, perSeconds}, std::nullopt};
}

struct NewKey {
    QString id;
    QString partnerId;
    QString name;
    QString description;
    KeyType type = KeyType::ReadOnly;
    QString customerId;
    std::optional<qint64> expiresAt;
    RateLimit rateLimit;
    QString replaces;
};

// Inserts the key, stamped as a change; returns the secret, shown once and never stored.
// (COALESCE: a null QString binds as SQL NULL, and "no description" is stored as ''.)
std::optional<QByteArray> insertKey(QSqlDatabase &db, const NewKey &key, const Principal &by, qint64 now) {
    const QByteArray secret = keyformat::generate(key.type);
    const qint64 sequence = nextChangeSequence(db);
    if (sequence == 0)
        return std::nullopt;
    QSqlQuery q = prepare(
        db, QStringLiteral("INSERT INTO api_keys (id, partner_id, name, description, type,"
                           " customer_id, prefix, last4, secret_hash, created_at, created_by,"
                           " expires_at, replaces, rate_limit_requests, rate_limit_seconds,"
                           " change_seq, expiry_stamped)"
                           " VALUES (?, ?, ?, COALESCE(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"));
    q.addBindValue(key.id);
    q.addBindValue(key.partnerId);
    q.addBindValue(key.name);
    q.addBindValue(key.description);
    q.addBindValue(keyTypeWireName(key.type));
    q.addBindValue(key.customerId.isEmpty() ? QVariant() : QVariant(key.customerId));
    q.addBindValue(QString::fromLatin1(secret.first(keyformat::prefixLength)));
    q.addBindValue(QString::fromLatin1(secret.last(4)));
    q.addBindValue(apikeys::secretHash(secret));
    q.addBindValue(now);
    q.addBindValue(by.userId);
    q.addBindValue(key.expiresAt ? QVariant(*key.expiresAt) : QVariant());
    q.addBindValue(key.replaces.isEmpty() ? QVariant() : QVariant(key.replaces));
    q.addBindValue(key.rateLimit.requests ? QVariant(*key.rateLimit.requests) : QVariant());
    q.addBindValue(key.rateLimit.perSeconds ? QVariant(*key.rateLimit.perSeconds) : QVariant());
    q.addBindValue(sequence);
    if (!exec(q))
        return std::nullopt;
    return secret;
}

audit::Event eventBy(const Principal &user, const QString &action, const QString &keyId,
                     const QJsonObject &details = {}) {
    return audit::Event{user.partnerId, user.userId, user.name, action, keyId, details};
}

bool customerBelongsTo(const QSqlDatabase &db, const QString &customerId, const QString &partnerId) {
    QSqlQuery q = prepare(db, QStringLiteral("SELECT 1 FROM customers WHERE id = ? AND partner_id = ?"));
    q.addBindValue(customerId);
    q.addBindValue(partnerId);
    return exec(q) && q.next();
}

HttpResponse keyJson(int status, const StoredKey &key, qint64 now) {
    return jsonResponse(status, apikeys::toJson(key, now));
}

// The routes' shared handle on the gateway: each handler reads the key it works on the
// same way (another partner's id is simply not found).
struct KeyRoutes {
    Gateway &gateway;

    std::optional<StoredKey> load(const RequestContext &ctx) const {
        return apikeys::find(gateway.store().connection(), ctx.user->partnerId,
                             ctx.param(QStringLiteral("id")));
    }

    void list(RequestContext &ctx, const Responder &respond) const {
        if (!requirePermission(ctx, respond, {Permission::SettingsManage}))
            return;
        const Principal &user = *ctx.user;
        if (!apikeys::stampExpiries(gateway.store(), user.partnerId, ctx.now))
            return respond(internalError());
        QSqlDatabase db = gateway.store().connection();
        const auto page = readPageRequest(db, ctx, SyncStream::Keys, respond);
        if (!page)
            return;
        // One read transaction: the last change number and the rows come from the same
        // snapshot, so a cursor never points past a change this answer did not include.
        db.transaction();
        const qint64 last = lastChangeSequence(db);
        QList<StoredKey> keys = apikeys::changedSince(db, user.partnerId, page->since, page->limit + 1);
        db.commit();
        const bool hasMore = keys.size() > page->limit;
        if (hasMore)
            keys.resize(page->limit);
        QJsonArray items;
        for (const StoredKey &key : std::as_const(keys))
            items.append(apikeys::toJson(key, ctx.now));
        const qint64 position = hasMore ? keys.last().changeSeq : qMax(last, page->since);
        respond(jsonResponse(200, QJsonObject{{QStringLiteral("keys"), items},
                                              {QStringLiteral("cursor"),
                                               encodeCursor(db, SyncStream::Keys, user.partnerId, position)},
                                              {QStringLiteral("has_more"), hasMore}}));
    }

    void create(RequestContext &ctx, const Responder &respond) const {
        if (!requirePermission(ctx, respond, {Permission::SettingsManage}))
            return;
        const auto body = requireJsonObject(ctx, respond);
        if (!body)
            return;
        const Principal &user = *ctx.user;
        const auto name = checkName(body->value(QStringLiteral("name")));
        if (name.error)
            return respond(*name.error);
        const auto description = checkDescription(body->value(QStringLiteral("description")));
        if (description.error)
            return respond(*description.error);
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
            !customerBelongsTo(gateway.store().connection(), customerId, user.partnerId))
            return respond(fieldError(QStringLiteral("unknown_customer"), QStringLiteral("customer_id"),
                                      QStringLiteral("There is no such customer in this account.")));
        const auto expiry = checkExpiry(body->value(QStringLiteral("expires_at")), ctx.now);
        if (expiry.error)
            return respond(*expiry.error);
        const auto rateLimit = checkRateLimit(body->value(QStringLiteral("rate_limit")));
        if (rateLimit.error)
            return respond(*rateLimit.error);

        const NewKey key{newId(QLatin1StringView("key")),
                         user.partnerId,
                         name.value,
                         description.value,
                         *type,
                         customerId,
                         expiry.value,
                         rateLimit.value,
                         QString()};
        std::optional<QByteArray> secret;
        const bool saved = gateway.store().write([&](QSqlDatabase &db) {
            secret = insertKey(db, key, user, ctx.now);
            return secret && audit::record(db,
                                           eventBy(user, QStringLiteral("key.created"), key.id,
                                                   audit::keyCreated(key.name, keyTypeWireName(key.type))),
                                           ctx.now);
        });
        const auto stored = saved ? load(ctx.user->partnerId, key.id) : std::nullopt;
        if (!stored)
            return respond(internalError());
        respond(jsonResponse(201, QJsonObject{{QStringLiteral("key"), apikeys::toJson(*stored, ctx.now)},
                                              {QStringLiteral("secret"), QString::fromLatin1(*secret)}}));
    }

    std::optional<StoredKey> load(const QString &partnerId, const QString &id) const {
        return apikeys::find(gateway.store().connection(), partnerId, id);
    }

    void update(RequestContext &ctx, const Responder &respond) const {
        if (!requirePermission(ctx, respond, {Permission::SettingsManage}))
            return;
        const auto body = requireJsonObject(ctx, respond);
        if (!body)
            return;
        const auto existing = load(ctx);
        if (!existing)
            return respond(notFound());
        const QJsonValue nameValue = body->value(QStringLiteral("name"));
        QString name = existing->name;
        if (!nameValue.isUndefined()) {
            // null is not a name: a key always has one.
            const auto checked = checkName(nameValue.isNull() ? QJsonValue(QString()) : nameValue);
            if (checked.error)
                return respond(*checked.error);
            name = checked.value;
        }
        QString description = existing->description;
        const QJsonValue descriptionValue = body->value(QStringLiteral("description"));
        if (!descriptionValue.isUndefined()) {
            const auto checked = checkDescription(descriptionValue);
            if (checked.error)
                return respond(*checked.error);
            description = checked.value;
        }
        const Principal &user = *ctx.user;
        if (name != existing->name || description != existing->description) {
            const QJsonObject details = audit::keyRenamed(name != existing->name ? existing->name : QString(),
                                                          name, description != existing->description);
            const bool saved = gateway.store().write([&](QSqlDatabase &db) {
                const qint64 sequence = nextChangeSequence(db);
                QSqlQuery q =
                    prepare(db, QStringLiteral("UPDATE api_keys SET name = ?, description = COALESCE(?, ''),"
                                               " change_seq = ?, expiry_stamped = ? WHERE id = ?"));
                q.addBindValue(name);
                q.addBindValue(description);
                q.addBindValue(sequence);
                q.addBindValue(apikeys::expiryReached(existing->expiresAt, ctx.now) ? 1 : 0);
                q.addBindValue(existing->id);
                return sequence != 0 && exec(q) &&
                       audit::record(db, eventBy(user, QStringLiteral("key.renamed"), existing->id, details),
                                     ctx.now);
            });
            if (!saved)
                return respond(internalError());
        }
        const auto stored = load(ctx);
        if (!stored)
            return respond(internalError());
        respond(keyJson(200, *stored, ctx.now));
    }

    void rotate(RequestContext &ctx, const Responder &respond) const {
        if (!requirePermission(ctx, respond, {Permission::SettingsManage}))
            return;
        const auto body = requireJsonObject(ctx, respond, true);
        if (!body)
            return;
        const auto existing = load(ctx);
        if (!existing)
            return respond(notFound());
        qint64 grace = defaultGraceSeconds;
        const QJsonValue graceValue = body->value(QStringLiteral("grace_seconds"));
        if (!graceValue.isUndefined() && !graceValue.isNull()) {
            if (!graceValue.isDouble())
                return respond(wrongType(QStringLiteral("grace_seconds"), QStringLiteral("a whole number")));
            const auto seconds = jsonInteger(graceValue);
            if (!seconds || *seconds < 0 || *seconds > maximumGraceSeconds)
                return respond(
                    fieldError(QStringLiteral("invalid_grace"), QStringLiteral("grace_seconds"),
                               QStringLiteral("The grace period is 0 to 604,800 seconds (7 days).")));
            grace = *seconds;
        }
        const auto expiry = checkExpiry(body->value(QStringLiteral("expires_at")), ctx.now);
        if (expiry.error)
            return respond(*expiry.error);

        const Principal &user = *ctx.user;
        const NewKey successor{newId(QLatin1StringView("key")),
                               user.partnerId,
                               existing->name,
                               existing->description,
                               existing->type,
                               existing->customerId,
                               expiry.value,
                               RateLimit{existing->rateLimitRequests, existing->rateLimitSeconds},
                               existing->id};
        std::optional<QByteArray> secret;
        std::optional<HttpResponse> conflict;
        const bool saved = gateway.store().write([&](QSqlDatabase &db) {
            // The state is read again under the write lock: two rotations of one key at
            // once must not both succeed.
            const auto current = apikeys::find(db, user.partnerId, existing->id);
            if (!current)
                return false;
            const Status status = current->statusAt(ctx.now);
            if (status == Status::Revoked) {
                conflict =
                    errorResponse(409, QStringLiteral("key_revoked"),
                                  QStringLiteral("A revoked key cannot be rotated; create a new one."));
                return false;
            }
            if (status != Status::Active) {
                conflict = errorResponse(409, QStringLiteral("key_not_active"),
                                         QStringLiteral("Only an active key can be rotated; this one is %1.")
                                             .arg(apikeys::statusWireName(status)));
                return false;
            }
            secret = insertKey(db, successor, user, ctx.now);
            if (!secret)
                return false;
            const qint64 graceEnd = ctx.now + grace;
            const qint64 previousExpiry = current->expiresAt ? qMin(*current->expiresAt, graceEnd) : graceEnd;
            const qint64 sequence = nextChangeSequence(db);
            QSqlQuery q = prepare(db, QStringLiteral("UPDATE api_keys SET replaced_by = ?, expires_at = ?,"
                                                     " change_seq = ?, expiry_stamped = ? WHERE id = ?"));
            q.addBindValue(successor.id);
            q.addBindValue(previousExpiry);
            q.addBindValue(sequence);
            q.addBindValue(apikeys::expiryReached(previousExpiry, ctx.now) ? 1 : 0);
            q.addBindValue(current->id);
            return sequence != 0 && exec(q) &&
                   audit::record(db,
                                 eventBy(user, QStringLiteral("key.rotated"), current->id,
                                         audit::keyRotated(successor.id, grace, previousExpiry)),
                                 ctx.now);
        });
        if (conflict)
            return respond(*conflict);
        // The previous key now ends with its grace period: its next request must see that.
        if (saved)
            gateway.invalidateKey(existing->id);
        const auto created = saved ? load(user.partnerId, successor.id) : std::nullopt;
        const auto previous = saved ? load(user.partnerId, existing->id) : std::nullopt;
        if (!created || !previous)
            return respond(internalError());
        respond(jsonResponse(201,
                             QJsonObject{{QStringLiteral("key"), apikeys::toJson(*created, ctx.now)},
                                         {QStringLiteral("secret"), QString::fromLatin1(*secret)},
                                         {QStringLiteral("previous"), apikeys::toJson(*previous, ctx.now)}}));
    }

    void revoke(RequestContext &ctx, const Responder &respond) const {
        if (!requirePermission(ctx, respond, {Permission::SettingsManage}))
            return;
        const auto existing = load(ctx);
        if (!existing)
            return respond(notFound());
        const Principal &user = *ctx.user;
        const bool saved = gateway.store().write([&](QSqlDatabase &db) {
            // Revoking twice changes nothing: no new change number, no second event.
            const auto current = apikeys::find(db, user.partnerId, existing->id);
            if (!current)
                return false;
            if (current->revokedAt)
                return true;
            const qint64 sequence = nextChangeSequence(db);
            // A revoked key has no time-based change left to show: it leaves the
            // pending-expiry index for good.
            QSqlQuery q = prepare(db, QStringLiteral("UPDATE api_keys SET revoked_at = ?, revoked_by = ?,"
                                                     " change_seq = ?, expiry_stamped = 1 WHERE id = ?"));
            q.addBindValue(ctx.now);
            q.addBindValue(user.userId);
            q.addBindValue(sequence);
            q.addBindValue(current->id);
            return sequence != 0 && exec(q) &&
                   audit::record(db,
                                 eventBy(user, QStringLiteral("key.revoked"), current->id,
                                         audit::keyRevoked(current->name)),
                                 ctx.now);
        });
        // The key must fail on its very next request, even one already cached as valid.
        if (saved)
            gateway.invalidateKey(existing->id);
        const auto stored = saved ? load(ctx) : std::nullopt;
        if (!stored)
            return respond(internalError());
        respond(keyJson(200, *stored, ctx.now));
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
        case Status::Revoked:
            return answer(QStringLiteral("revoked"), key);
        case Status::Expired:
            return answer(QStringLiteral("expired"), key);
        case Status::Active:
        case Status::Expiring:
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
