#include "gateway/accounts.h"
#include "gateway/audit.h"
#include "gateway/gateway.h"
#include "gateway/passwords.h"
#include "gateway/portalroute.h"
#include "gateway/requestcontext.h"
#include "gateway/signinlockout.h"
#include "models/domain/auditactions.h"
#include "models/domain/passwordrules.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>

namespace knotie::gateway {

namespace {
constexpr qint64 shortSession = 12 * 3600;
constexpr qint64 rememberedSession = 30 * 24 * 3600;
constexpr qsizetype maximumUserAgentLength = 256;

HttpResponse invalidCredentials() {
    return errorResponse(401, QStringLiteral("invalid_credentials"),
                         QStringLiteral("The email or password is wrong."));
}

HttpResponse tooManyAttempts(qint64 retryAfterSeconds) {
    // The wait is in Retry-After, for the client to word in the person's language.
    HttpResponse locked =
        errorResponse(429, QStringLiteral("too_many_attempts"),
                      QStringLiteral("Too many failed sign-ins for this email. Try again later."));
    locked.setHeader("Retry-After", QByteArray::number(retryAfterSeconds));
    return locked;
}

HttpResponse busy(int retryAfterSeconds) {
    HttpResponse response =
        errorResponse(503, QStringLiteral("busy"),
                      QStringLiteral("The gateway is busy checking passwords. Try again shortly."));
    response.setHeader("Retry-After", QByteArray::number(retryAfterSeconds));
    return response;
}

// The budget's admission and the lockout, in that order, for one password check: a
// refusal for lack of room (503) is not a failure; a lockout (429) gives the room back.
// Answers and returns nothing when the check may not run.
std::optional<SignInBudget::Ticket> admitPasswordCheck(Gateway &gateway, const RequestContext &ctx,
                                                       const signinlockout::Subject &subject,
                                                       const Responder &respond) {
    auto admission = gateway.passwordChecks().admit(subject.address);
    if (auto *refusal = std::get_if<SignInBudget::Refusal>(&admission)) {
        respond(busy(refusal->retryAfterSeconds));
        return std::nullopt;
    }
    std::optional<SignInBudget::Ticket> ticket(std::move(std::get<SignInBudget::Ticket>(admission)));
    const signinlockout::Attempt attempt = gateway.lockout().begin(subject, ctx.now);
    if (attempt.failed || attempt.retryAfterSeconds > 0) {
        // The place goes back before the answer: an answer is written as soon as it is
        // made, and a client that sends its next sign-in on it must find the place free.
        ticket.reset();
        respond(attempt.failed ? internalError() : tooManyAttempts(attempt.retryAfterSeconds));
        return std::nullopt;
    }
    return ticket;
}

QByteArray userAgentOf(const HttpRequest &request) {
    return request.header("user-agent").left(maximumUserAgentLength);
}

void signIn(Gateway &gateway, RequestContext &ctx, const Responder &respond) {
    const auto body = parseJsonObject(ctx.request.body);
    if (!body)
        return respond(errorResponse(400, QStringLiteral("invalid_json"),
                                     QStringLiteral("The body must be a JSON object.")));
    const QJsonValue email = body->value(QStringLiteral("email"));
    const QJsonValue password = body->value(QStringLiteral("password"));
    const QJsonValue remember = body->value(QStringLiteral("remember"));
    for (const auto &[value, name] : {std::pair{email, "email"}, std::pair{password, "password"}})
        if (!value.isString())
            return respond(errorResponse(422, QStringLiteral("invalid_field"),
                                         QStringLiteral("%1 must be a string.").arg(QLatin1String(name)),
                                         QLatin1String(name)));
    if (!remember.isUndefined() && !remember.isNull() && !remember.isBool())
        return respond(errorResponse(422, QStringLiteral("invalid_field"),
                                     QStringLiteral("remember must be true or false."),
                                     QStringLiteral("remember")));

    const signinlockout::Subject subject =
        gateway.lockout().subject(email.toString(), ctx.request.peerAddress);
    auto ticket = admitPasswordCheck(gateway, ctx, subject, respond);
    if (!ticket)
        return;

    const auto stored = accounts::findByEmail(gateway.store().connection(), email.toString());
    const qint64 now = ctx.now;
    const qint64 lifetime = remember.toBool() ? rememberedSession : shortSession;
    gateway.passwordChecks().run(
        std::move(*ticket), ctx.request.clientGone(),
        [&gateway, stored, subject, now, lifetime, userAgent = userAgentOf(ctx.request),
         password = password.toString().toUtf8(), respond]() mutable {
            const bool ok = passwords::verify(password, stored ? stored->passwordHash : passwords::decoy());
            passwords::wipe(password);
            const auto user =
                stored ? accounts::findById(gateway.store().connection(), stored->id) : std::nullopt;
            if (!user || !ok) {
                // The attempt already counts as a failure (Lockout::begin). Only known people
                // get an audit event (their partner's log shows it); an unknown email takes
                // the same write transaction, empty, so the answer's timing does not tell
                // who exists.
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
                    prepare(db, QStringLiteral("INSERT INTO sessions (token_hash, id, user_id, created_at,"
                                               " last_seen_at, expires_at, user_agent)"
                                               " VALUES (?, ?, ?, ?, ?, ?, ?)"));
                q.addBindValue(accounts::tokenHash(token));
                q.addBindValue(newId(QLatin1StringView("ses")));
                q.addBindValue(user->userId);
                q.addBindValue(now);
                q.addBindValue(now);
                q.addBindValue(now + lifetime);
                q.addBindValue(userAgent.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(userAgent)));
                return exec(q) && signinlockout::Lockout::clear(db, subject) &&
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
                return respond(errorResponse(500, QStringLiteral("internal"),
                                             QStringLiteral("The session could not be saved. Try again.")));
            respond(jsonResponse(201, QJsonObject{{QStringLiteral("token"), QString::fromLatin1(token)},
                                                  {QStringLiteral("expires_at"), toRfc3339(now + lifetime)},
                                                  {QStringLiteral("user"), accounts::userJson(*user)}}));
        });
}

void listSessions(Gateway &gateway, RequestContext &ctx, const Responder &respond) {
    QSqlQuery q =
        prepare(gateway.store().connection(),
                QStringLiteral("SELECT id, created_at, last_seen_at, expires_at, user_agent, token_hash = ?"
                               " FROM sessions WHERE user_id = ? AND expires_at > ?"
                               " ORDER BY created_at DESC, id"));
    q.addBindValue(ctx.user->tokenHash);
    q.addBindValue(ctx.user->userId);
    q.addBindValue(ctx.now);
    if (!exec(q))
        return respond(internalError());
    QJsonArray sessions;
    while (q.next())
        sessions.append(QJsonObject{{QStringLiteral("id"), q.value(0).toString()},
                                    {QStringLiteral("created_at"), toRfc3339(q.value(1).toLongLong())},
                                    {QStringLiteral("last_seen_at"), toRfc3339(q.value(2).toLongLong())},
                                    {QStringLiteral("expires_at"), toRfc3339(q.value(3).toLongLong())},
                                    {QStringLiteral("user_agent"),
                                     q.value(4).isNull() ? QJsonValue() : QJsonValue(q.value(4).toString())},
                                    {QStringLiteral("current"), q.value(5).toBool()}});
    respond(jsonResponse(200, QJsonObject{{QStringLiteral("sessions"), sessions}}));
}

// Another person's session answers 404 exactly like one that does not exist.
void revokeSession(Gateway &gateway, RequestContext &ctx, const Responder &respond) {
    const QString id = ctx.param(QStringLiteral("id"));
    bool found = false;
    const bool saved = gateway.store().write([&](QSqlDatabase &db) {
        QSqlQuery q = prepare(db, QStringLiteral("DELETE FROM sessions WHERE id = ? AND user_id = ?"));
        q.addBindValue(id);
        q.addBindValue(ctx.user->userId);
        if (!exec(q))
            return false;
        found = q.numRowsAffected() > 0;
        const Principal &me = *ctx.user;
        return !found || audit::record(db,
                                       audit::Event{me.partnerId,
                                                    me.userId,
                                                    me.name,
                                                    QString(auditaction::sessionRevoked),
                                                    QString(),
                                                    {{QStringLiteral("user"), accounts::personJson(me)},
                                                     {QStringLiteral("session_id"), id}}},
                                       ctx.now);
    });
    if (!saved)
        return respond(internalError());
    respond(found ? emptyResponse(204) : notFound());
}

void changePassword(Gateway &gateway, RequestContext &ctx, const Responder &respond) {
    const auto body = requireJsonObject(ctx, respond);
    if (!body)
        return;
    const QJsonValue current = body->value(QStringLiteral("current"));
    const QJsonValue wanted = body->value(QStringLiteral("new"));
    if (!current.isString())
        return respond(wrongType(QStringLiteral("current"), QStringLiteral("a string")));
    if (!wanted.isString())
        return respond(wrongType(QStringLiteral("new"), QStringLiteral("a string")));
    // Checked before any hashing: a weak password costs the gateway nothing.
    if (wanted.toString().toUcs4().size() < minimumPasswordLength)
        return respond(fieldError(QStringLiteral("weak_password"), QStringLiteral("new"),
                                  QStringLiteral("The new password needs at least 12 characters.")));

    const Principal me = *ctx.user;
    const signinlockout::Subject subject = gateway.lockout().subject(me.email, ctx.request.peerAddress);
    auto ticket = admitPasswordCheck(gateway, ctx, subject, respond);
    if (!ticket)
        return;
    const auto stored = accounts::findByEmail(gateway.store().connection(), me.email);
    if (!stored)
        return respond(internalError());
    const qint64 now = ctx.now;
    gateway.passwordChecks().run(
        std::move(*ticket), ctx.request.clientGone(),
        [&gateway, me, subject, now, hash = stored->passwordHash,
         currentPassword = current.toString().toUtf8(), newPassword = wanted.toString().toUtf8(),
         respond]() mutable {
            const bool ok = passwords::verify(currentPassword, hash);
            passwords::wipe(currentPassword);
            if (!ok) {
                // Counted as a failure already (Lockout::begin); the session stays.
                passwords::wipe(newPassword);
                return respond(errorResponse(403, QStringLiteral("wrong_password"),
                                             QStringLiteral("The current password is wrong.")));
            }
            const QByteArray newHash = passwords::hash(newPassword);
            passwords::wipe(newPassword);
            const bool saved = gateway.store().write([&](QSqlDatabase &db) {
                QSqlQuery q = prepare(db, QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"));
                q.addBindValue(QString::fromLatin1(newHash));
                q.addBindValue(me.userId);
                return exec(q) && accounts::endSessions(db, me.userId, me.tokenHash) &&
                       signinlockout::Lockout::clear(db, subject) &&
                       audit::record(db,
                                     audit::Event{me.partnerId,
                                                  me.userId,
                                                  me.name,
                                                  QString(auditaction::userPasswordChanged),
                                                  QString(),
                                                  {{QStringLiteral("user"), accounts::personJson(me)}}},
                                     now);
            });
            respond(saved ? emptyResponse(204) : internalError());
        });
}
} // namespace

void registerSessionRoutes(Gateway &gateway, Router &router) {
    const auto bind = [&gateway](void (*handler)(Gateway &, RequestContext &, const Responder &)) {
        return [&gateway, handler](RequestContext &ctx, Responder respond) {
            handler(gateway, ctx, respond);
        };
    };
    router.add("POST", QStringLiteral("/v1/sessions"), Audience::Public, bind(&signIn));
    router.add("GET", QStringLiteral("/v1/sessions"), Audience::Session, bind(&listSessions));
    // Before /v1/sessions/{id}, which `current` would match too.
    router.add("DELETE", QStringLiteral("/v1/sessions/current"), Audience::Session,
               [&gateway](RequestContext &ctx, Responder respond) {
                   gateway.store().write([&](QSqlDatabase &db) {
                       QSqlQuery q = prepare(db, QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"));
                       q.addBindValue(ctx.user->tokenHash);
                       return exec(q);
                   });
                   respond(emptyResponse(204));
               });
    router.add("DELETE", QStringLiteral("/v1/sessions/{id}"), Audience::Session, bind(&revokeSession));
    router.add("POST", QStringLiteral("/v1/me/password"), Audience::Session, bind(&changePassword));
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
