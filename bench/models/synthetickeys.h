#pragma once

#include "models/data/apikey.h"

#include <QList>

namespace knotie::bench {

// The large partner both key benchmarks load: every type, a tenth revoked, a fifth
// rate-limited, created by `creators` people. Deterministic, so runs compare.
inline QList<ApiKey> syntheticKeys(int count, int creators) {
    QList<ApiKey> keys;
    keys.reserve(count);
    for (int i = 0; i < count; ++i) {
        ApiKey k;
        k.id = QStringLiteral("key_%1").arg(i, 6, 10, QLatin1Char('0'));
        k.name = QStringLiteral("Integration %1").arg(i);
        k.description = i % 3 ? QString() : QStringLiteral("Generated for a large partner");
        k.type = allKeyTypes[size_t(i % 4)];
        k.customerId = k.type == KeyType::Customer ? QStringLiteral("cus_%1").arg(i % 50) : QString();
        k.prefix = QStringLiteral("kn_pk_");
        k.last4 = QStringLiteral("ab12");
        k.status = i % 10 == 9 ? KeyStatus::Revoked : KeyStatus::Active;
        k.createdAt = 1735689600 + i;
        k.createdBy = {QStringLiteral("usr_%1").arg(i % creators),
                       QStringLiteral("Person %1").arg(i % creators)};
        k.lastUsedAt = i % 2 ? k.createdAt + 60 : 0;
        if (i % 5 == 0)
            k.rateLimit = RateLimit{1000, 60};
        keys.append(k);
    }
    return keys;
}

} // namespace knotie::bench
