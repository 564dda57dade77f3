#include "models/analytics/keyhygiene.h"

#include <algorithm>

namespace knotie {

namespace {
// A rotated key (successor made, or still working in its grace period) is already being
// replaced: advice to rotate it or replace it again is noise.
bool beingReplaced(const ApiKey &k) {
    return !k.replacedBy.isEmpty() || k.status == KeyStatus::Expiring;
}

bool errorRateJumped(const ApiKey &k, const AttentionInput &in) {
    const KeyUsage recent = in.lastDay.value(k.id);
    const KeyUsage before = in.weekBefore.value(k.id);
    if (recent.errors < hygiene::errorJumpMinErrors || recent.requests == 0)
        return false;
    const double now = double(recent.errors) / double(recent.requests);
    const double was = before.requests > 0 ? double(before.errors) / double(before.requests) : 0.0;
    return now >= 2 * was && now >= was + 0.10;
}

bool unused(const ApiKey &k, const AttentionInput &in) {
    const UnixTime cutoff = in.now - hygiene::unusedSeconds;
    return k.createdAt < cutoff && k.lastUsedAt < cutoff;
}

bool onlyReads(const ApiKey &k, const AttentionInput &in) {
    return k.type == KeyType::Partner && !beingReplaced(k) &&
           k.createdAt <= in.now - hygiene::onlyReadsMinAgeSeconds &&
           in.onlyReadsIn30Days.value(k.id) >= hygiene::onlyReadsMinCalls;
}

bool noExpiry(const ApiKey &k, const AttentionInput &) {
    return k.expiresAt == 0 && !beingReplaced(k);
}

bool old(const ApiKey &k, const AttentionInput &in) {
    return k.createdAt < in.now - hygiene::oldAgeSeconds && !beingReplaced(k);
}

struct Rule {
    AttentionReason reason;
    bool (*applies)(const ApiKey &, const AttentionInput &);
};
// Most urgent first: a key's reasons come out in this order.
constexpr Rule rules[] = {
    {AttentionReason::ErrorJump, errorRateJumped},
    {AttentionReason::Unused, unused},
    {AttentionReason::OnlyReads, onlyReads},
    {AttentionReason::NoExpiry, noExpiry},
    {AttentionReason::Old, old},
};
} // namespace

QList<KeyAttention> keysNeedingAttention(const AttentionInput &in) {
    QList<KeyAttention> out;
    for (const ApiKey &k : in.keys) {
        if (k.isRetired())
            continue;
        KeyAttention entry{k.id, {}};
        for (const Rule &rule : rules)
            if (rule.applies(k, in))
                entry.reasons.append(rule.reason);
        if (!entry.reasons.isEmpty())
            out.append(entry);
    }
    std::stable_sort(out.begin(), out.end(), [](const KeyAttention &a, const KeyAttention &b) {
        return a.reasons.first() < b.reasons.first();
    });
    return out;
}

qint64 onlyReadCalls(const QList<EndpointUsage> &endpoints) {
    qint64 calls = 0;
    for (const EndpointUsage &e : endpoints) {
        if (e.requests > 0 && e.method != QLatin1String("GET"))
            return 0;
        calls += e.requests;
    }
    return calls;
}

QString AttentionText::reason(AttentionReason reason) {
    switch (reason) {
    case AttentionReason::OnlyReads:
        return tr("Partner key that made only GET calls in 30 days: a Read-Only key would do");
    case AttentionReason::Unused:
        return tr("Not used for 90 days: revoke it if nothing needs it");
    case AttentionReason::NoExpiry:
        return tr("Never expires: rotate it to a key with an expiry date");
    case AttentionReason::Old:
        return tr("Older than 90 days: rotate it");
    case AttentionReason::ErrorJump:
        return tr("Error rate jumped in the last 24 hours: show its usage");
    }
    return {};
}

QString AttentionText::reasons(const QList<AttentionReason> &reasons) {
    QStringList lines;
    for (AttentionReason r : reasons)
        lines.append(reason(r));
    return lines.join(QLatin1Char('\n'));
}

QString AttentionText::readOnlyName(const QString &name) {
    return tr("%1 (read-only)").arg(name);
}

} // namespace knotie
