#include "models/analytics/usagestats.h"

#include <QDateTime>

#include <algorithm>

namespace knotie {

UsageTotals totalsOf(const QList<UsageBucket> &buckets) {
    UsageTotals t;
    for (const UsageBucket &b : buckets) {
        t.requests += b.requests;
        t.ok += b.ok;
        t.clientErrors += b.clientErrors;
        t.serverErrors += b.serverErrors;
    }
    return t;
}

qint64 bucketSeconds(BucketSize size) {
    return size == BucketSize::Hour ? 3600 : 86400;
}

namespace {
BucketSize bucketFitting(qint64 seconds, int maxPoints) {
    return seconds / 3600 <= maxPoints ? BucketSize::Hour : BucketSize::Day;
}
UnixTime floorTo(UnixTime t, qint64 step) {
    return t - ((t % step) + step) % step;
}
UnixTime ceilTo(UnixTime t, qint64 step) {
    const UnixTime f = floorTo(t, step);
    return f == t ? t : f + step;
}
} // namespace

UsageRange rangeEndingAt(UnixTime now, qint64 seconds, int maxPoints) {
    const BucketSize bucket = bucketFitting(seconds, maxPoints);
    const qint64 step = bucketSeconds(bucket);
    const UnixTime to = floorTo(now, step) + step;
    return {to - ceilTo(seconds, step), to, bucket};
}

UsageRange rangeCovering(UnixTime from, UnixTime to, int maxPoints) {
    const BucketSize bucket = bucketFitting(to - from, maxPoints);
    const qint64 step = bucketSeconds(bucket);
    const UnixTime start = floorTo(from, step);
    return {start, std::max(ceilTo(to, step), start + step), bucket};
}

QList<UsageRange> usageToFetch(const UsageRange &range, const QList<UnixTime> &settledStarts,
                               int maxStretches) {
    const qint64 step = bucketSeconds(range.bucket);
    QList<UsageRange> stretches;
    auto settled = settledStarts.cbegin();
    for (UnixTime t = range.from; t < range.to; t += step) {
        while (settled != settledStarts.cend() && *settled < t)
            ++settled;
        if (settled != settledStarts.cend() && *settled == t)
            continue;
        if (!stretches.isEmpty() && stretches.last().to == t)
            stretches.last().to = t + step;
        else
            stretches.append({t, t + step, range.bucket});
    }
    if (stretches.size() > maxStretches)
        stretches = {{stretches.first().from, stretches.last().to, range.bucket}};
    QList<UsageRange> calls;
    for (const UsageRange &s : std::as_const(stretches))
        for (UnixTime from = s.from; from < s.to; from += keylimits::maxUsageRangeSeconds)
            calls.append({from, std::min(s.to, from + keylimits::maxUsageRangeSeconds), range.bucket});
    return calls;
}

QList<UsageBucket> bucketsIn(const UsageSeries &series, UnixTime from, UnixTime to) {
    QList<UsageBucket> out;
    for (const UsageBucket &b : series.buckets)
        if (b.start >= from && b.start < to)
            out.append(b);
    return out;
}

UsageSeries addSeries(const QList<UsageSeries> &parts) {
    UsageSeries sum;
    if (parts.isEmpty())
        return sum;
    sum.bucket = parts.first().bucket;
    QHash<UnixTime, qsizetype> at;
    for (const UsageSeries &part : parts)
        for (const UsageBucket &b : part.buckets) {
            const auto it = at.constFind(b.start);
            if (it == at.cend()) {
                at.insert(b.start, sum.buckets.size());
                sum.buckets.append(b);
                continue;
            }
            UsageBucket &s = sum.buckets[*it];
            s.requests += b.requests;
            s.ok += b.ok;
            s.clientErrors += b.clientErrors;
            s.serverErrors += b.serverErrors;
            if (b.p95Ms)
                s.p95Ms = std::max(s.p95Ms.value_or(0), *b.p95Ms);
        }
    std::sort(sum.buckets.begin(), sum.buckets.end(),
              [](const UsageBucket &a, const UsageBucket &b) { return a.start < b.start; });
    return sum;
}

QStringList rotationChain(const QList<ApiKey> &keys, const QString &keyId) {
    QHash<QString, const ApiKey *> byId;
    for (const ApiKey &k : keys)
        byId.insert(k.id, &k);
    QStringList chain{keyId};
    // Bounded by the number of keys, so a malformed loop cannot spin.
    for (const ApiKey *k = byId.value(keyId); k && !k->replaces.isEmpty() && chain.size() <= keys.size();
         k = byId.value(k->replaces))
        chain.prepend(k->replaces);
    for (const ApiKey *k = byId.value(keyId); k && !k->replacedBy.isEmpty() && chain.size() <= keys.size();
         k = byId.value(k->replacedBy))
        chain.append(k->replacedBy);
    return chain;
}

namespace {
QList<KeyUsage> topBy(QList<KeyUsage> usage, int count, qint64 KeyUsage::*field) {
    usage.removeIf([field](const KeyUsage &k) { return k.*field == 0; });
    std::stable_sort(usage.begin(), usage.end(), [field](const KeyUsage &a, const KeyUsage &b) {
        return a.*field != b.*field ? a.*field > b.*field : a.keyId < b.keyId;
    });
    return usage.mid(0, count);
}
} // namespace

QList<KeyUsage> topKeysByRequests(QList<KeyUsage> usage, int count) {
    return topBy(std::move(usage), count, &KeyUsage::requests);
}

QList<KeyUsage> topKeysByErrors(QList<KeyUsage> usage, int count) {
    return topBy(std::move(usage), count, &KeyUsage::errors);
}

QList<CustomerUsage> customerRollup(const QList<ApiKey> &keys, const QList<KeyUsage> &usage) {
    QHash<QString, KeyUsage> byKey;
    for (const KeyUsage &u : usage)
        byKey.insert(u.keyId, u);
    QList<CustomerUsage> out;
    QHash<QString, qsizetype> row;
    for (const ApiKey &k : keys) {
        if (k.type != KeyType::Customer || k.customerId.isEmpty())
            continue;
        auto it = row.constFind(k.customerId);
        if (it == row.cend()) {
            it = row.insert(k.customerId, out.size());
            out.append({k.customerId, 0, 0, 0});
        }
        CustomerUsage &c = out[*it];
        const KeyUsage u = byKey.value(k.id);
        ++c.keys;
        c.requests += u.requests;
        c.errors += u.errors;
    }
    std::stable_sort(out.begin(), out.end(), [](const CustomerUsage &a, const CustomerUsage &b) {
        return a.requests != b.requests ? a.requests > b.requests : a.customerId < b.customerId;
    });
    return out;
}

QByteArray usageCsv(const QList<UsageBucket> &buckets) {
    QByteArray csv("start,requests,ok,client_errors,server_errors,p95_ms\r\n");
    for (const UsageBucket &b : buckets) {
        csv += QDateTime::fromSecsSinceEpoch(b.start, Qt::UTC).toString(Qt::ISODate).toLatin1();
        for (qint64 v : {b.requests, b.ok, b.clientErrors, b.serverErrors})
            csv += ',' + QByteArray::number(v);
        csv += ',' + (b.p95Ms ? QByteArray::number(*b.p95Ms) : QByteArray()) + "\r\n";
    }
    return csv;
}

} // namespace knotie
