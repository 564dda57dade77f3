#include "models/domain/keystatus.h"

namespace knotie {

QString keyStatusWireName(KeyStatus status) {
    switch (status) {
    case KeyStatus::Active:
        return QStringLiteral("active");
    case KeyStatus::Expiring:
        return QStringLiteral("expiring");
    case KeyStatus::Revoked:
        return QStringLiteral("revoked");
    case KeyStatus::Expired:
        return QStringLiteral("expired");
    }
    return {};
}

std::optional<KeyStatus> keyStatusFromWireName(QStringView name) {
    for (KeyStatus s : {KeyStatus::Active, KeyStatus::Expiring, KeyStatus::Revoked, KeyStatus::Expired})
        if (name == keyStatusWireName(s))
            return s;
    return std::nullopt;
}

KeyStatus keyStatusAt(bool revoked, std::optional<qint64> expiresAt, bool replaced, qint64 now) {
    if (revoked)
        return KeyStatus::Revoked;
    if (expiresAt && *expiresAt <= now)
        return KeyStatus::Expired;
    return replaced ? KeyStatus::Expiring : KeyStatus::Active;
}

} // namespace knotie
