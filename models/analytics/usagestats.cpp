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
UnixTime floorTo(UnixTime t, qint64 step) {
    return t - ((t % step) + step) % step;
}
UnixTime ceilTo(UnixTime t, qint64 step) {
    const UnixTime f = floorTo(t, step);
    return f == t ? t : f + step;
}
BucketSize bucketFor(qint64 seconds) {
    return seconds <= maxHourlyDays * 86400 ? BucketSize::Hour : BucketSize::Day;
}
} // namespace

qint64 UsageRange::bucketCount() const {
    const qint64 step = bucketSeconds(bucket);
    return (ceilTo(to, step) - floorTo(from, step)) / step;
}

BucketSize UsageRange::fetchBucket() const {
    return bucket == BucketSize::Day && from % 86400 == 0 && to % 86400 == 0 ? BucketSize::Day
                                                                             : BucketSize::Hour;
}

UsageRange lastDays(UnixTime now, int days) {
    const UnixTime to = floorTo(now, 3600) + 3600;
    const qint64 seconds = qint64(days) * 86400;
    return {to - seconds, to, bucketFor(seconds)};
}

UsageRange rangeCovering(UnixTime from, UnixTime to) {
    const UnixTime start = floorTo(from, 3600);
    const UnixTime end = std::max(ceilTo(to, 3600), start + 3600);
    const BucketSize bucket = bucketFor(end - start);
    if (bucket == BucketSize::Hour)
        return {start, end, bucket};
    return {floorTo(start, 86400), ceilTo(end, 86400), bucket};
}

namespace {
// Adds `b`'s counts into `sum`; the p95 of the two becomes the higher one (a bound, not
// a percentile of the union, which the buckets cannot give).
void addInto(UsageBucket &sum, const UsageBucket &b) {
    sum.requests += b.requests;
    sum.ok += b.ok;
    sum.clientErrors += b.clientErrors;
    sum.serverErrors += b.serverErrors;
    if (b.p95Ms)
        sum.p95Ms = std::max(sum.p95Ms.value_or(0), *b.p95Ms);
}

} // namespace

QList<UsageBucket> shownBuckets(const UsageRange &range, const QList<UsageBucket> &fetched) {
    QList<UsageBucket> shown;
    const qint64 step = bucketSeconds(range.bucket);
    for (const UsageBucket &b : fetched) {
        if (b.start < range.from || b.start >= range.to)
            continue;
        const UnixTime start = floorTo(b.start, step);
        if (shown.isEmpty() || shown.last().start != start) {
            shown.append(b);
            shown.last().start = start;
            continue;
        }
        addInto(shown.last(), b);
    }
    return shown;
}

QList<qint64> sumsPer(const QList<qint64> &values, int per) {
    QList<qint64> sums;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i % per == 0)
            sums.append(0);
        sums.last() += values.at(i);
    }
    return sums;
}

bool isPartialBucket(const UsageRange &range, UnixTime bucketStart, UnixTime now) {
    const UnixTime end = bucketStart + bucketSeconds(range.bucket);
    return bucketStart < range.from || end > range.to || end > now;
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
            addInto(sum.buckets[*it], b);
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

QList<EndpointUsage> addEndpoints(const QList<QList<EndpointUsage>> &parts) {
    QList<EndpointUsage> sum;
    QHash<QPair<QString, QString>, qsizetype> at;
    for (const QList<EndpointUsage> &part : parts)
        for (const EndpointUsage &e : part) {
            const auto it = at.constFind({e.method, e.route});
            if (it == at.cend()) {
                at.insert({e.method, e.route}, sum.size());
                sum.append(e);
                continue;
            }
            sum[*it].requests += e.requests;
            sum[*it].errors += e.errors;
        }
    std::stable_sort(sum.begin(), sum.end(),
                     [](const EndpointUsage &a, const EndpointUsage &b) { return a.requests > b.requests; });
    return sum;
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
