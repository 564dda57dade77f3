#pragma once

#include "gateway/http/httpmessage.h"
#include "gateway/portalroute.h"
#include "gateway/store.h"
#include "gateway/usagespool.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <variant>
#include <vector>

namespace knotie::gateway {

class Clock;

// Latencies in logarithmic buckets 5% wide (each bucket's width is 5% of its lower
// bound), so a p95 read from it is within 5% of the exact one. Stored per key and hour
// as sparse (bucket, count) pairs; held in memory as a dense array, allocated on the
// first count, so merging thousands of stored hours into a series is a run of additions.
class LatencyHistogram {
public:
    // 1.05^360 us is about 40 s: anything slower is counted in the last bucket.
    static constexpr int bucketCount = 360;

    void add(qint64 micros, qint64 count = 1);
    void merge(const LatencyHistogram &other);
    // Adds a stored (encoded) histogram without building another one first.
    void mergeEncoded(const QByteArray &bytes);
    bool isEmpty() const { return m_total == 0; }
    // The 95th percentile in milliseconds (the middle of its bucket); 0 when empty.
    double p95Milliseconds() const;

    QByteArray encode() const;
    static LatencyHistogram decode(const QByteArray &bytes);

private:
    void addToBucket(int bucket, qint64 count) {
        if (m_counts.empty())
            m_counts.resize(bucketCount);
        m_counts[static_cast<std::size_t>(std::clamp(bucket, 0, bucketCount - 1))] += count;
        m_total += count;
    }

    std::vector<qint64> m_counts; // empty, or bucketCount entries
    qint64 m_total = 0;
};

// One answered Platform API request with a key: a valid one (counted in the usage rollups
// and the key's latest requests), or a revoked or expired one (kept only in that key's
// latest requests, API.md v1.1).
struct UsageRecord {
    QString partnerId;
    QString keyId;
    qint64 at = 0; // gateway clock, seconds
    QByteArray method;
    QString route; // the template, or `(unmatched)`
    int status = 0;
    qint64 latencyMicros = 0;
    QString errorCode;         // the error body's `code`, empty for a success
    bool countsAsUsage = true; // false: made with a revoked or expired key
    quint64 boot = 0;          // the spool's position of the record (gateway/usagespool.h)
    qint64 sequence = 0;
};

// The method a usage record keeps: one of the methods HTTP defines, or `OTHER`, so that
// made-up methods cannot grow the usage tables (API.md v1.1).
QByteArray usageMethod(const QByteArray &method);

inline const QString unmatchedRoute = QStringLiteral("(unmatched)");

// Takes records on the serving threads (a mutex, one append to the spool and a push_back)
// and writes them from its own thread, in one transaction per batch, into rollups per key
// and hour: the history is never re-read raw, so usage queries cost the same however much
// traffic there was. Flushes at least every 250 ms and on stop(); the spool (appended
// before each answer, replayed at start) keeps what a SIGKILL interrupts. Also keeps
// api_keys.last_used_at (at most one update a minute per key).
class UsageRecorder {
public:
    // `spoolDirectory` empty: no spool (tests and benchmarks that write rollups directly).
    UsageRecorder(Store &store, const QString &spoolDirectory);
    ~UsageRecorder();
    UsageRecorder(const UsageRecorder &) = delete;
    UsageRecorder &operator=(const UsageRecorder &) = delete;

    // Appends to the spool before returning: call it before the answer is sent.
    void record(UsageRecord record);
    // Writes everything recorded so far, on the calling thread.
    bool flush();
    // Flushes and ends the writer thread; later records are written by flush() only.
    void stop();

private:
    void run();
    void replaySpool();
    // Writes the batch in one transaction; when that fails, moves its records back to the
    // front of the queue.
    bool write(std::vector<UsageRecord> &batch);

    Store &m_store;
    UsageSpool m_spool;
    bool m_spooling = false;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<UsageRecord> m_pending;
    bool m_stopping = false;
    std::mutex m_writeMutex;                 // one batch at a time, in order
    std::vector<UsageRecord> m_emptiedQueue; // the last batch written, emptied (m_writeMutex)
    QHash<QString, qint64> m_lastUsedWritten;
    // PostgreSQL: the end of the months known to have their usage partitions (0: not yet
    // looked); a batch reaching past it adds the next months first.
    qint64 m_partitionedUntil = 0;
    std::thread m_thread;
};

// Counts of one bucket of a usage series, with its latencies: what the gateway stores and
// sums. (The portal's UsageTotals, models/analytics, is the sum over a range it shows.)
struct UsageCounts {
    qint64 requests = 0;
    qint64 ok = 0;
    qint64 clientErrors = 0;
    qint64 serverErrors = 0;
    qint64 rateLimited = 0; // 429 answers, also counted in clientErrors
    LatencyHistogram latency;
};

// A parsed and checked usage query (API.md, "Usage"): the range, the bucket, and the
// partner's keys that the filters select. (The portal's UsageQuery, models/network, is
// what it asks for; this is what the gateway resolved it to.)
struct UsageSelection {
    qint64 from = 0;
    qint64 to = 0;
    qint64 bucketSeconds = 3600;
    QString partnerId;
    QStringList keyIds;
    bool filtered = false; // false: every key of the partner (read from the partner's rollup)
};

enum class BucketRule { Required, HourBoundaries, Day };

// Checks from/to/bucket and the key_id/key_type/customer_id filters in API.md's order
// of checks (404 for an unknown or out-of-reach key or customer before 422s).
OrHttpError<UsageSelection> parseUsageSelection(const QSqlDatabase &db, const QString &partnerId,
                                                const QUrlQuery &query, BucketRule rule);

// One entry per bucket of [from, to), zeros included, summed over `keyIds`.
QList<UsageCounts> usageSeries(const QSqlDatabase &db, const UsageSelection &query);
// `{"bucket","series":[...]}`, the body of GET /v1/usage and GET /api/v1/analytics.
QJsonObject usageSeriesJson(const UsageSelection &query, const QList<UsageCounts> &series);

// Adds counts to the rollups, inside the caller's write transaction. The recorder, the
// demo seed and the benchmarks all write through this one class.
class RollupWriter {
public:
    explicit RollupWriter(const QSqlDatabase &db);
    // Adds to the key's hour and to the partner's (which unfiltered series read).
    bool addHour(const QString &partnerId, const QString &keyId, qint64 hour, const UsageCounts &totals);
    bool addRoute(const QString &keyId, qint64 hour, const QString &method, const QString &route,
                  qint64 requests, qint64 errors);
    // Error answers per key, hour, status and the error body's code (GET /v1/usage/errors).
    bool addError(const QString &keyId, qint64 hour, int status, const QString &code, qint64 requests);

private:
    bool addTo(QSqlQuery &readLatency, QSqlQuery &upsert, const QString &owner, qint64 hour,
               const UsageCounts &totals);

    QSqlQuery m_readKeyLatency;
    QSqlQuery m_upsertKeyHour;
    QSqlQuery m_readPartnerLatency;
    QSqlQuery m_upsertPartnerHour;
    QSqlQuery m_upsertRoute;
    QSqlQuery m_upsertError;
};

} // namespace knotie::gateway
