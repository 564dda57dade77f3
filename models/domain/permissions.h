#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace knotie {

// Permissions of people (not of keys), as API.md names them.
enum class Permission { SettingsManage, AnalyticsView, CustomersView, TeamManage };

enum class Role { Owner, Admin, Member };

QString permissionWireName(Permission permission);
std::optional<Permission> permissionFromWireName(QStringView name);
QString roleWireName(Role role);
std::optional<Role> roleFromWireName(QStringView name);

// Every permission, in the order API.md lists them.
QList<Permission> allPermissions();

// What an owner may grant a member: everything but team.manage, which stays the owner's.
bool isGrantable(Permission permission);

// The effective list: an owner has all, an admin all but team.manage, a member what was granted.
QList<Permission> effectivePermissions(Role role, const QList<Permission> &granted);

QStringList permissionWireNames(const QList<Permission> &permissions);

} // namespace knotie
