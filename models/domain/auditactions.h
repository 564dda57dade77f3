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
} // namespace knotie::auditaction
