#include "models/data/apikey.h"

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

QString bucketWireName(BucketSize size) {
    return size == BucketSize::Hour ? QStringLiteral("hour") : QStringLiteral("day");
}

QString ApiKey::maskedSecret() const {
    return prefix + QChar(0x2026) + last4;
}

} // namespace knotie
