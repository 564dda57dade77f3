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

// A range of usage, half-open, on whole UTC hours. `bucket` is what the range shows, decided by
// the range alone (never by a chart's width, so every page's totals agree): hours up to
// maxHourlyDays, UTC days beyond (the first and last of them may be partial).
struct UsageRange {
    UnixTime from = 0;
    UnixTime to = 0;
    BucketSize bucket = BucketSize::Day;
    // The shown buckets, partial ones included.
    qint64 bucketCount() const;
    // What the gateway is asked for: days when the range is whole UTC days, else hours (the
    // gateway's day buckets start at UTC midnight, "the last 30 days" does not).
    BucketSize fetchBucket() const;
    // The range of the same length just before this one: what the totals compare with.
    UsageRange previous() const { return {from - (to - from), from, bucket}; }
    bool operator==(const UsageRange &) const = default;
};

constexpr int maxHourlyDays = 7;

// "Last N days": the N×24 hours ending at the end of the current hour (the one holding `now`).
UsageRange lastDays(UnixTime now, int days);
// A custom range [from, to), widened outwards to whole hours (whole UTC days for a range
// of days, as the date pickers give).
UsageRange rangeCovering(UnixTime from, UnixTime to);

// The buckets to show for `range` from the fetched ones (`range.fetchBucket()`), summed
// into UTC days when the range shows days; p95 becomes the highest of the parts.
QList<UsageBucket> shownBuckets(const UsageRange &range, const QList<UsageBucket> &fetched);
// `values` summed `per` at a time, from the first (a last short run summed too): the hours
// of a key's "last 7 days" as 7 days of 24 hours for its sparkline.
QList<qint64> sumsPer(const QList<qint64> &values, int per);
// A shown bucket that covers less than its whole span: the current one, still filling at
// `now`, or a day the range starts or ends within.
bool isPartialBucket(const UsageRange &range, UnixTime bucketStart, UnixTime now);

// The calls that bring [range.from, range.to) up to date when the buckets starting at
// `settledStarts` (sorted) are final in the cache: one range per stretch of buckets the
// cache lacks or may still change, each at most keylimits::maxUsageRangeSeconds (the gateway's limit).
// A stretch broken into more than `maxStretches` pieces is asked for whole instead: a few
// final buckets asked for again cost less than a call each.
QList<UsageRange> usageToFetch(const UsageRange &range, const QList<UnixTime> &settledStarts,
                               int maxStretches = 8);

// Adds series bucket by bucket (the buckets of one range line up); p95 becomes the
// highest of the parts, an upper bound, as percentiles do not add.
UsageSeries addSeries(const QList<UsageSeries> &parts);

// The key and every key it rotated from or into, oldest first: a rotated key's usage
// continues in its successor.
QStringList rotationChain(const QList<ApiKey> &keys, const QString &keyId);

// Endpoint tables of several keys as one, most requests first.
QList<EndpointUsage> addEndpoints(const QList<QList<EndpointUsage>> &parts);

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
