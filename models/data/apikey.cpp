#include "models/data/apikey.h"

namespace knotie {

QString bucketWireName(BucketSize size) {
    return size == BucketSize::Hour ? QStringLiteral("hour") : QStringLiteral("day");
}

QString ApiKey::maskedSecret() const {
    return prefix + QChar(0x2026) + last4;
}

QString keyLabel(const ApiKey &key) {
    return QStringLiteral("%1 (%2)").arg(key.name, key.maskedSecret());
}

} // namespace knotie
