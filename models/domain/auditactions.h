#pragma once

#include <QLatin1StringView>

// The audit log's action names (API.md, "Audit"): written by the gateway, read by the
// portal. One list, so a new action cannot be spelled two ways.
namespace knotie::auditaction {
inline constexpr QLatin1StringView keyCreated{"key.created"};
inline constexpr QLatin1StringView keyRenamed{"key.renamed"};
inline constexpr QLatin1StringView keyRotated{"key.rotated"};
inline constexpr QLatin1StringView keyRevoked{"key.revoked"};
inline constexpr QLatin1StringView teamPermissionsChanged{"team.permissions_changed"};
inline constexpr QLatin1StringView sessionCreated{"session.created"};
inline constexpr QLatin1StringView sessionFailed{"session.failed"};
// Version 1.1: sessions and people.
inline constexpr QLatin1StringView sessionRevoked{"session.revoked"};
inline constexpr QLatin1StringView userPasswordChanged{"user.password_changed"};
inline constexpr QLatin1StringView teamRoleChanged{"team.role_changed"};
inline constexpr QLatin1StringView teamMemberRemoved{"team.member_removed"};
// Version 1.1: a key's rate limit or expiry changed after creation.
inline constexpr QLatin1StringView keyLimitsChanged{"key.limits_changed"};
// Version 1.1: keys after creation.
inline constexpr QLatin1StringView keyCustodyChanged{"key.custody_changed"};
// Version 1.1: customers created or renamed through the Platform API.
inline constexpr QLatin1StringView customerCreated{"customer.created"};
inline constexpr QLatin1StringView customerRenamed{"customer.renamed"};
} // namespace knotie::auditaction
