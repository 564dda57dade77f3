#include "gateway/accounts.h"
#include "gateway/audit.h"
#include "gateway/gateway.h"
#include "gateway/passwords.h"
#include "gateway/portalroute.h"
#include "gateway/requestcontext.h"
#include "gateway/signinlockout.h"
#include "models/domain/auditactions.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace knotie::gateway {

namespace {
constexpr qint64 shortSession = 12 * 3600;
constexpr qint64 rememberedSession = 30 * 24 * 3600;

HttpResponse invalidCredentials() {
    return errorResponse(401, QStringLiteral("invalid_credentials"),
                         QStringLiteral("The email or password is wrong."));
}
} // namespace

void registerSessionRoutes(Gateway &gateway, Router &router) {
    router.add(
        "POST", QStringLiteral("/v1/sessions"), Audience::Public,
        [&gateway](RequestContext &ctx, Responder respond) {
            const auto body = parseJsonObject(ctx.request.body);
            if (!body)
                return respond(errorResponse(400, QStringLiteral("invalid_json"),
                                             QStringLiteral("The body must be a JSON object.")));
            const QJsonValue email = body->value(QStringLiteral("email"));
            const QJsonValue password = body->value(QStringLiteral("password"));
            const QJsonValue remember = body->value(QStringLiteral("remember"));
            for (const auto &[value, name] : {std::pair{email, "email"}, std::pair{password, "password"}})
                if (!value.isString())
                    return respond(
                        errorResponse(422, QStringLiteral("invalid_field"),
                                      QStringLiteral("%1 must be a string.").arg(QLatin1String(name)),
                                      QLatin1String(name)));
            if (!remember.isUndefined() && !remember.isNull() && !remember.isBool())
                return respond(errorResponse(422, QStringLiteral("invalid_field"),
                                             QStringLiteral("remember must be true or false."),
                                             QStringLiteral("remember")));

            const QString emailKey = accounts::emailKey(email.toString());
            const qint64 now = gateway.clock().nowSeconds();
            const signinlockout::Attempt attempt = signinlockout::begin(gateway.store(), emailKey, now);
            if (attempt.failed)
                return respond(internalError());
            if (attempt.retryAfterSeconds > 0) {
                // The wait is in Retry-After, for the client to word in the person's language.
                HttpResponse locked = errorResponse(
                    429, QStringLiteral("too_many_attempts"),
                    QStringLiteral("Too many failed sign-ins for this email. Try again later."));
                locked.setHeader("Retry-After", QByteArray::number(attempt.retryAfterSeconds));
                return respond(locked);
            }

            const auto stored = accounts::findByEmail(gateway.store().connection(), email.toString());
            const qint64 lifetime = remember.toBool() ? rememberedSession : shortSession;
            // The hash takes ~0.2 s: verify it on the background pool and answer from there.
            gateway.runInBackground([&gateway, stored, emailKey, now, password = password.toString().toUtf8(),
                                     lifetime, respond = std::move(respond)]() {
                const bool ok =
                    passwords::verify(password, stored ? stored->passwordHash : passwords::decoy());
                const auto user =
                    stored ? accounts::findById(gateway.store().connection(), stored->id) : std::nullopt;
                if (!user || !ok) {
                    // The attempt already counts as a failure (signinlockout::begin). Only
                    // known people get an audit event (their partner's log shows it); an
                    // unknown email takes the same write transaction, empty, so the answer's
                    // timing does not tell who exists.
                    gateway.store().write([&](QSqlDatabase &db) {
                        return !user || audit::record(db,
                                                      audit::Event{user->partnerId,
                                                                   user->userId,
                                                                   user->name,
                                                                   QString(auditaction::sessionFailed),
                                                                   QString(),
                                                                   {{QStringLiteral("reason"),
                                                                     QStringLiteral("invalid_credentials")}}},
                                                      now);
                    });
                    return respond(invalidCredentials());
                }
                const QByteArray token = accounts::newSessionToken();
                const bool saved = gateway.store().write([&](QSqlDatabase &db) {
                    QSqlQuery q =
                        prepare(db, QStringLiteral("INSERT INTO sessions (token_hash, user_id, created_at,"
                                                   " expires_at) VALUES (?, ?, ?, ?)"));
                    q.addBindValue(accounts::tokenHash(token));
                    q.addBindValue(user->userId);
                    q.addBindValue(now);
                    q.addBindValue(now + lifetime);
                    return exec(q) && signinlockout::clear(db, emailKey) &&
                           audit::record(
                               db,
                               audit::Event{user->partnerId,
                                            user->userId,
                                            user->name,
                                            QString(auditaction::sessionCreated),
                                            QString(),
                                            {{QStringLiteral("remember"), lifetime == rememberedSession}}},
                               now);
                });
                if (!saved)
                    return respond(
                        errorResponse(500, QStringLiteral("internal"),
                                      QStringLiteral("The session could not be saved. Try again.")));
                respond(
                    jsonResponse(201, QJsonObject{{QStringLiteral("token"), QString::fromLatin1(token)},
                                                  {QStringLiteral("expires_at"), toRfc3339(now + lifetime)},
                                                  {QStringLiteral("user"), accounts::userJson(*user)}}));
            });
        });

    router.add("DELETE", QStringLiteral("/v1/sessions/current"), Audience::Session,
               [&gateway](RequestContext &ctx, Responder respond) {
                   gateway.store().write([&](QSqlDatabase &db) {
                       QSqlQuery q = prepare(db, QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"));
                       q.addBindValue(ctx.user->tokenHash);
                       return exec(q);
                   });
                   respond(emptyResponse(204));
               });

    router.add("GET", QStringLiteral("/v1/me"), Audience::Session,
               [&gateway](RequestContext &ctx, Responder respond) {
                   respond(jsonResponse(
                       200, QJsonObject{
                                {QStringLiteral("user"), accounts::userJson(*ctx.user)},
                                {QStringLiteral("partner"),
                                 accounts::partnerJson(gateway.store().connection(), ctx.user->partnerId)}}));
               });
}

} // namespace knotie::gateway
