#pragma once

#include "models/data/apikey.h"

#include <QList>

namespace knotie::test {

// The one generator of made-up keys, for sizes no demo account holds (the key listing
// server, the damaged cache, bench/): every type in turn, a tenth revoked, a fifth
// rate-limited, a third described, half used, made by `creators` people. Deterministic:
// the same position gives the same key, so runs and benchmarks compare.
inline ApiKey syntheticKey(int i, int creators = 3) {
    ApiKey k;
    k.id = QStringLiteral("key_%1").arg(i, 6, 10, QLatin1Char('0'));
    k.name = QStringLiteral("Integration %1").arg(i);
    k.description = i % 3 ? QString() : QStringLiteral("Generated for a large partner");
    k.type = allKeyTypes[size_t(i % 4)];
    if (k.type == KeyType::Customer)
        k.customerId = QStringLiteral("cus_%1").arg(i % 50);
    k.prefix = QStringLiteral("kn_") + keyTypeTag(k.type) + QLatin1Char('_');
    k.last4 = QStringLiteral("%1").arg(i % 10000, 4, 10, QLatin1Char('0'));
    k.status = i % 10 == 9 ? KeyStatus::Revoked : KeyStatus::Active;
    k.createdAt = 1735689600 + qint64(i) * 60;
    k.createdBy = {QStringLiteral("usr_%1").arg(i % creators),
                   QStringLiteral("Creator %1").arg(i % creators)};
    k.lastUsedAt = i % 2 ? k.createdAt + 3600 : 0;
    if (k.status == KeyStatus::Revoked) {
        k.revokedAt = k.createdAt + 7200;
        k.revokedBy = k.createdBy;
    }
    if (i % 5 == 0)
        k.rateLimit = RateLimit{1000, 60};
    return k;
}

inline QList<ApiKey> syntheticKeys(int count, int creators = 3) {
    QList<ApiKey> keys;
    keys.reserve(count);
    for (int i = 0; i < count; ++i)
        keys.append(syntheticKey(i, creators));
    return keys;
}

} // namespace knotie::test
