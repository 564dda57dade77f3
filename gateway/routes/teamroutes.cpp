#include "gateway/accounts.h"
#include "gateway/audit.h"
#include "gateway/clock.h"
#include "gateway/gateway.h"
#include "gateway/portalroute.h"
#include "models/domain/auditactions.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace knotie::gateway {

namespace {
// Owner first, then admins, then members, each by name: the order the Team screen shows.
QList<Principal> membersOf(const QSqlDatabase &db, const QString &partnerId) {
    QSqlQuery q = prepare(db, QStringLiteral("SELECT id FROM users WHERE partner_id = ?"
                                             " ORDER BY CASE role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1"
                                             " ELSE 2 END, name, id"));
    q.addBindValue(partnerId);
    QList<Principal> members;
    if (!exec(q))
        return members;
    while (q.next())
        if (auto user = accounts::findById(db, q.value(0).toString()))
            members.append(*user);
    return members;
}

void listTeam(Gateway &gateway, RequestContext &ctx, const Responder &respond) {
    if (!requirePermission(ctx, respond, {Permission::SettingsManage}))
        return;
    QJsonArray members;
    for (const Principal &member : membersOf(gateway.store().connection(), ctx.user->partnerId))
        members.append(accounts::userJson(member));
    respond(jsonResponse(200, QJsonObject{{QStringLiteral("members"), members}}));
}

// Audit details of a change to a person: `{"user":{"id","name"},"old","new"}`.
QJsonObject personChange(const Principal &target, const QJsonValue &before, const QJsonValue &after) {
    return QJsonObject{{QStringLiteral("user"), accounts::personJson(target)},
                       {QStringLiteral("old"), before},
                       {QStringLiteral("new"), after}};
}

// PATCH /v1/team/{user_id}: `role` (admin or member) and/or `permissions`. The role
// applies first: a demoted admin keeps no permissions unless the same call sends some.
void changeMember(Gateway &gateway, RequestContext &ctx, const Responder &respond) {
    if (!requirePermission(ctx, respond, {Permission::TeamManage}))
        return;
    const auto body = requireJsonObject(ctx, respond);
    if (!body)
        return;
    const auto target =
        accounts::findById(gateway.store().connection(), ctx.param(QStringLiteral("user_id")));
    if (!target || target->partnerId != ctx.user->partnerId)
        return respond(notFound());

    const QJsonValue roleValue = body->value(QStringLiteral("role"));
    const QJsonValue value = body->value(QStringLiteral("permissions"));
    std::optional<Role> newRole;
    if (!roleValue.isUndefined()) {
        newRole = roleFromWireName(roleValue.toString());
        if (!roleValue.isString() || !newRole || *newRole == Role::Owner)
            return respond(fieldError(QStringLiteral("invalid_role"), QStringLiteral("role"),
                                      QStringLiteral("A role is admin or member.")));
    }
    if (!value.isArray() && (!newRole || !value.isUndefined()))
        return respond(
            wrongType(QStringLiteral("permissions"), QStringLiteral("a list of permission names")));
    QList<Permission> wanted;
    const QJsonArray names = value.toArray();
    for (const QJsonValue &name : names) {
        const auto permission = permissionFromWireName(name.toString());
        if (!name.isString() || !permission || !isGrantable(*permission))
            return respond(fieldError(QStringLiteral("invalid_permission"), QStringLiteral("permissions"),
                                      QStringLiteral("Permissions are settings.manage, analytics.view and "
                                                     "customers.view; team.manage stays the owner's.")));
        if (!wanted.contains(*permission))
            wanted.append(*permission);
    }
    if (target->role == Role::Owner)
        return respond(errorResponse(409, QStringLiteral("cannot_change_owner"),
                                     QStringLiteral("The owner always has every permission.")));
    const Role role = newRole.value_or(target->role);
    if (role == Role::Admin && value.isArray())
        return respond(errorResponse(409, QStringLiteral("cannot_change_admin"),
                                     QStringLiteral("An admin's permissions follow the role.")));

    // Stored in API.md's order, so the same set is always the same text. An admin's
    // grants are empty: the role gives everything, and a later demotion starts from none.
    const QList<Permission> granted =
        role == Role::Member ? effectivePermissions(Role::Member, wanted) : QList<Permission>{};
    const bool roleChanged = role != target->role;
    const bool permissionsChanged = !roleChanged && role == Role::Member && granted != target->permissions;
    if (roleChanged || permissionsChanged) {
        const bool saved = gateway.store().write([&](QSqlDatabase &db) {
            QSqlQuery q = prepare(db, QStringLiteral("UPDATE users SET role = ?, granted = ? WHERE id = ?"));
            // No permission at all is the empty text: a null QString would bind SQL NULL,
            // which the NOT NULL column refuses.
            const QString grantedText = permissionWireNames(granted).join(QLatin1Char(','));
            q.addBindValue(roleWireName(role));
            q.addBindValue(grantedText.isEmpty() ? QStringLiteral("") : grantedText);
            q.addBindValue(target->userId);
            const Principal &owner = *ctx.user;
            const audit::Event event =
                roleChanged
                    ? audit::Event{owner.partnerId,
                                   owner.userId,
                                   owner.name,
                                   QString(auditaction::teamRoleChanged),
                                   QString(),
                                   personChange(*target, roleWireName(target->role), roleWireName(role))}
                    : audit::Event{owner.partnerId,
                                   owner.userId,
                                   owner.name,
                                   QString(auditaction::teamPermissionsChanged),
                                   QString(),
                                   {{QStringLiteral("user_id"), target->userId},
                                    {QStringLiteral("user_name"), target->name},
                                    {QStringLiteral("before"),
                                     QJsonArray::fromStringList(permissionWireNames(target->permissions))},
                                    {QStringLiteral("after"),
                                     QJsonArray::fromStringList(permissionWireNames(granted))}}};
            return exec(q) && audit::record(db, event, ctx.now);
        });
        if (!saved)
            return respond(internalError());
    }
    const auto updated = accounts::findById(gateway.store().connection(), target->userId);
    if (!updated)
        return respond(internalError());
    respond(jsonResponse(200, accounts::userJson(*updated)));
}

// DELETE /v1/team/{user_id}: the person stays in the database (keys and the audit log
// name them) but is marked removed: their sessions end in the same transaction, their
// email is freed (it may be invited again) and no sign-in finds them.
void removeMember(Gateway &gateway, RequestContext &ctx, const Responder &respond) {
    if (!requirePermission(ctx, respond, {Permission::TeamManage}))
        return;
    const auto target =
        accounts::findById(gateway.store().connection(), ctx.param(QStringLiteral("user_id")));
    if (!target || target->partnerId != ctx.user->partnerId)
        return respond(notFound());
    if (target->role == Role::Owner)
        return respond(errorResponse(409, QStringLiteral("cannot_change_owner"),
                                     QStringLiteral("The owner cannot be removed.")));
    const bool saved = gateway.store().write([&](QSqlDatabase &db) {
        QSqlQuery q =
            prepare(db, QStringLiteral("UPDATE users SET removed_at = ?, email_key = 'removed:' || id,"
                                       " password_hash = '!' WHERE id = ?"));
        q.addBindValue(ctx.now);
        q.addBindValue(target->userId);
        const Principal &owner = *ctx.user;
        return exec(q) && accounts::endSessions(db, target->userId) &&
               audit::record(db,
                             audit::Event{owner.partnerId, owner.userId, owner.name,
                                          QString(auditaction::teamMemberRemoved), QString(),
                                          personChange(*target, roleWireName(target->role), QJsonValue())},
                             ctx.now);
    });
    respond(saved ? emptyResponse(204) : internalError());
}

void listCustomers(Gateway &gateway, RequestContext &ctx, const Responder &respond) {
    if (!requirePermission(ctx, respond, {Permission::CustomersView, Permission::SettingsManage}))
        return;
    QSqlQuery q = prepare(gateway.store().connection(),
                          QStringLiteral("SELECT id, name, created_at FROM customers WHERE partner_id = ?"
                                         " ORDER BY name, id"));
    q.addBindValue(ctx.user->partnerId);
    if (!exec(q))
        return respond(internalError());
    QJsonArray customers;
    while (q.next())
        customers.append(QJsonObject{{QStringLiteral("id"), q.value(0).toString()},
                                     {QStringLiteral("name"), q.value(1).toString()},
                                     {QStringLiteral("created_at"), toRfc3339(q.value(2).toLongLong())}});
    respond(jsonResponse(200, QJsonObject{{QStringLiteral("customers"), customers}}));
}
} // namespace

void registerTeamRoutes(Gateway &gateway, Router &router) {
    const auto bind = [&gateway](void (*handler)(Gateway &, RequestContext &, const Responder &)) {
        return [&gateway, handler](RequestContext &ctx, Responder respond) {
            handler(gateway, ctx, respond);
        };
    };
    router.add("GET", QStringLiteral("/v1/team"), Audience::Session, bind(&listTeam));
    router.add("PATCH", QStringLiteral("/v1/team/{user_id}"), Audience::Session, bind(&changeMember));
    router.add("DELETE", QStringLiteral("/v1/team/{user_id}"), Audience::Session, bind(&removeMember));
    router.add("GET", QStringLiteral("/v1/customers"), Audience::Session, bind(&listCustomers));
}

} // namespace knotie::gateway
