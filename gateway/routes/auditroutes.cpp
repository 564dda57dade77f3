#include "gateway/clock.h"
#include "gateway/gateway.h"
#include "gateway/portalroute.h"
#include "gateway/synccursor.h"
#include "gateway/waitforchanges.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace knotie::gateway {

namespace {
// One page of audit events, answered; or, when nothing happened after the cursor, the
// cursor of the empty answer (gateway/waitforchanges.h).
std::optional<QString> auditPage(Gateway &gateway, RequestContext &ctx, const Responder &respond) {
    QSqlDatabase db = gateway.store().connection();
    const auto page = readPageRequest(db, ctx, SyncStream::Audit, respond);
    if (!page)
        return std::nullopt;
    // A filter naming nothing of this partner's matches nothing: an empty page, which
    // says no more about other partners' ids than a 404 would.
    QString sql = QStringLiteral("SELECT id, at, actor_id, actor_name, action, key_id, details, change_seq"
                                 " FROM audit_events WHERE partner_id = ? AND change_seq > ?");
    QStringList filters;
    for (const QString &name : {QStringLiteral("actor_id"), QStringLiteral("key_id")}) {
        if (!ctx.request.query.hasQueryItem(name))
            continue;
        const QString value = ctx.request.query.queryItemValue(name);
        if (!isIdShaped(value)) {
            respond(fieldError(QStringLiteral("invalid_field"), name,
                               QStringLiteral("%1 must be an id.").arg(name)));
            return std::nullopt;
        }
        sql += QStringLiteral(" AND %1 = ?").arg(name);
        filters.append(value);
    }
    sql += QStringLiteral(" ORDER BY change_seq LIMIT ?");

    db.transaction();
    const qint64 last = lastChangeSequence(db);
    QSqlQuery q = prepare(db, sql);
    q.addBindValue(ctx.user->partnerId);
    q.addBindValue(page->since);
    for (const QString &value : std::as_const(filters))
        q.addBindValue(value);
    q.addBindValue(page->limit + 1);
    QJsonArray events;
    qint64 lastReturned = page->since;
    bool hasMore = false;
    if (!exec(q)) {
        db.rollback();
        respond(internalError());
        return std::nullopt;
    }
    while (q.next()) {
        if (events.size() == page->limit) {
            hasMore = true;
            break;
        }
        const QString keyId = q.value(5).toString();
        const QJsonDocument details = QJsonDocument::fromJson(q.value(6).toString().toUtf8());
        events.append(QJsonObject{
            {QStringLiteral("id"), q.value(0).toString()},
            {QStringLiteral("at"), toRfc3339(q.value(1).toLongLong())},
            {QStringLiteral("actor"), QJsonObject{{QStringLiteral("id"), q.value(2).toString()},
                                                  {QStringLiteral("name"), q.value(3).toString()}}},
            {QStringLiteral("action"), q.value(4).toString()},
            {QStringLiteral("key_id"), keyId.isEmpty() ? QJsonValue() : QJsonValue(keyId)},
            {QStringLiteral("details"), details.isObject() ? QJsonValue(details.object()) : QJsonValue()}});
        lastReturned = q.value(7).toLongLong();
    }
    q.finish();
    db.commit();
    const qint64 position = hasMore ? lastReturned : qMax(last, page->since);
    const QString cursor = encodeCursor(db, SyncStream::Audit, ctx.user->partnerId, position);
    if (events.isEmpty())
        return cursor;
    respond(jsonResponse(200, QJsonObject{{QStringLiteral("events"), events},
                                          {QStringLiteral("cursor"), cursor},
                                          {QStringLiteral("has_more"), hasMore}}));
    return std::nullopt;
}

void listAudit(Gateway &gateway, RequestContext &ctx, const Responder &respond) {
    if (!requirePermission(ctx, respond, {Permission::SettingsManage}))
        return;
    answerOrWait(gateway, ctx, respond, QStringLiteral("events"),
                 [&gateway](RequestContext &again, const Responder &answer) {
                     return auditPage(gateway, again, answer);
                 });
}
} // namespace

void registerAuditRoutes(Gateway &gateway, Router &router) {
    router.add("GET", QStringLiteral("/v1/audit"), Audience::Session,
               [&gateway](RequestContext &ctx, Responder respond) { listAudit(gateway, ctx, respond); });
}

} // namespace knotie::gateway
