#pragma once

#include "models/data/apikey.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace knotie {

// Sums over a range of buckets. Rates are fractions (0.05 is 5%); an empty range has none.
struct UsageTotals {
    qint64 requests = 0;
    qint64 ok = 0;
    qint64 clientErrors = 0;
    qint64 serverErrors = 0;
    qint64 errors() const { return clientErrors + serverErrors; }
    double errorRate() const { return requests > 0 ? double(errors()) / double(requests) : 0.0; }
    bool operator==(const UsageTotals &) const = default;
};

UsageTotals totalsOf(const QList<UsageBucket> &buckets);
qint64 bucketSeconds(BucketSize size);
// The longest range the gateway answers: keylimits::maxUsageRangeSeconds (models/domain).

// A range the gateway accepts: half-open, both ends on boundaries of `bucket`.
struct UsageRange {
    UnixTime from = 0;
    UnixTime to = 0;
    BucketSize bucket = BucketSize::Day;
    qint64 bucketCount() const { return (to - from) / bucketSeconds(bucket); }
    // The range of the same length just before this one: what the totals compare with.
    UsageRange previous() const { return {from - (to - from), from, bucket}; }
    bool operator==(const UsageRange &) const = default;
};

// Hour buckets when the range has at most `maxPoints` hours, else days (a chart shows at
// most about two points per pixel). The range ends with the bucket that holds `now`.
UsageRange rangeEndingAt(UnixTime now, qint64 seconds, int maxPoints);
// A custom range [from, to), widened outwards to whole buckets.
UsageRange rangeCovering(UnixTime from, UnixTime to, int maxPoints);

// The calls that bring [range.from, range.to) up to date when the buckets starting at
// `settledStarts` (sorted) are final in the cache: one range per stretch of buckets the
// cache lacks or may still change, each at most keylimits::maxUsageRangeSeconds (the gateway's limit).
// A stretch broken into more than `maxStretches` pieces is asked for whole instead: a few
// final buckets asked for again cost less than a call each.
QList<UsageRange> usageToFetch(const UsageRange &range, const QList<UnixTime> &settledStarts,
                               int maxStretches = 8);

// The buckets of `series` inside `range`; the rest (the previous range, fetched with it in
// one call) is dropped.
QList<UsageBucket> bucketsIn(const UsageSeries &series, UnixTime from, UnixTime to);

// Adds series bucket by bucket (the buckets of one range line up); p95 becomes the
// highest of the parts, an upper bound, as percentiles do not add.
UsageSeries addSeries(const QList<UsageSeries> &parts);

// The key and every key it rotated from or into, oldest first: a rotated key's usage
// continues in its successor.
QStringList rotationChain(const QList<ApiKey> &keys, const QString &keyId);

// The keys with the most requests, and with the most errors (none without errors).
QList<KeyUsage> topKeysByRequests(QList<KeyUsage> usage, int count);
QList<KeyUsage> topKeysByErrors(QList<KeyUsage> usage, int count);

struct CustomerUsage {
    QString customerId;
    int keys = 0;
    qint64 requests = 0;
    qint64 errors = 0;
};
// Customer keys' usage per customer, most requests first.
QList<CustomerUsage> customerRollup(const QList<ApiKey> &keys, const QList<KeyUsage> &usage);

// The shown buckets as CSV (RFC 4180, UTC ISO 8601 times), for spreadsheets.
QByteArray usageCsv(const QList<UsageBucket> &buckets);

} // namespace knotie
