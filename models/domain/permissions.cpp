#include "models/domain/permissions.h"

#include <array>

namespace knotie {

namespace {
struct PermissionName {
    Permission permission;
    QLatin1StringView wire;
};
constexpr std::array<PermissionName, 4> permissionNames{{
    {Permission::SettingsManage, QLatin1StringView("settings.manage")},
    {Permission::AnalyticsView, QLatin1StringView("analytics.view")},
    {Permission::CustomersView, QLatin1StringView("customers.view")},
    {Permission::TeamManage, QLatin1StringView("team.manage")},
}};

struct RoleName {
    Role role;
    QLatin1StringView wire;
};
constexpr std::array<RoleName, 3> roleNames{{
    {Role::Owner, QLatin1StringView("owner")},
    {Role::Admin, QLatin1StringView("admin")},
    {Role::Member, QLatin1StringView("member")},
}};
} // namespace

QString permissionWireName(Permission permission) {
    for (const auto &n : permissionNames)
        if (n.permission == permission)
            return n.wire;
    Q_UNREACHABLE();
    return {};
}

std::optional<Permission> permissionFromWireName(QStringView name) {
    for (const auto &n : permissionNames)
        if (name == n.wire)
            return n.permission;
    return std::nullopt;
}

QString roleWireName(Role role) {
    for (const auto &n : roleNames)
        if (n.role == role)
            return n.wire;
    Q_UNREACHABLE();
    return {};
}

std::optional<Role> roleFromWireName(QStringView name) {
    for (const auto &n : roleNames)
        if (name == n.wire)
            return n.role;
    return std::nullopt;
}

QList<Permission> allPermissions() {
    QList<Permission> all;
    for (const auto &n : permissionNames)
        all.append(n.permission);
    return all;
}

bool isGrantable(Permission permission) {
    return permission != Permission::TeamManage;
}

QList<Permission> effectivePermissions(Role role, const QList<Permission> &granted) {
    QList<Permission> result;
    for (Permission p : allPermissions()) {
        const bool has = role == Role::Owner || (role == Role::Admin && isGrantable(p)) ||
                         (role == Role::Member && isGrantable(p) && granted.contains(p));
        if (has)
            result.append(p);
    }
    return result;
}

QStringList permissionWireNames(const QList<Permission> &permissions) {
    QStringList names;
    for (Permission p : permissions)
        names.append(permissionWireName(p));
    return names;
}

} // namespace knotie
