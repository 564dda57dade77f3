#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace knotie {

// A key's status (API.md, "ApiKey"). The gateway derives it from the stored times whenever
// it reads a key (keyStatusAt), so it never disagrees with the clock; the portal reads it
// from the wire.
enum class KeyStatus { Active, Expiring, Revoked, Expired };

QString keyStatusWireName(KeyStatus status);
std::optional<KeyStatus> keyStatusFromWireName(QStringView name);

// Revoked wins; then a key at or past its expiry is expired; a rotated key still inside
// its grace period is expiring.
KeyStatus keyStatusAt(bool revoked, std::optional<qint64> expiresAt, bool replaced, qint64 now);

// Only an active key can be rotated: an expiring one already has a successor.
constexpr bool mayRotate(KeyStatus status) {
    return status == KeyStatus::Active;
}

} // namespace knotie
