#include "gateway/usage.h"

#include "gateway/changes.h"
#include "gateway/clock.h"
#include "gateway/keyrequests.h"
#include "gateway/usagepartitions.h"

#include "models/domain/keylimits.h"
#include "models/domain/keytype.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QtEndian>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>

namespace knotie::gateway {

Q_LOGGING_CATEGORY(lcUsage, "knotie.gateway.usage")

namespace {
constexpr double bucketGrowth = 1.05;
constexpr qint64 lastUsedEverySeconds = 60;
constexpr auto flushInterval = std::chrono::milliseconds(250);
constexpr int backgroundNice = 10;

// The bucket of a latency: floor(log base 1.05 of it).
int bucketByFormula(qint64 micros) {
    if (micros <= 1)
        return 0;
    return static_cast<int>(std::floor(std::log(static_cast<double>(micros)) / std::log(bucketGrowth)));
}

// The same from a table of where each bucket starts (in whole microseconds), found once with the
// formula itself, so every latency lands in the bucket the formula gives: a logarithm for every
// recorded request was a quarter of the usage writer's work (issue 18).
int bucketOf(qint64 micros) {
    static const std::vector<qint64> starts = [] {
        std::vector<qint64> result; // result[i]: the least latency in bucket i + 1
        for (int bucket = 1; bucket < LatencyHistogram::bucketCount; ++bucket) {
            qint64 low = 1, high = qint64(1) << 40; // the formula is monotonic: bisect
            while (low < high) {
                const qint64 middle = low + (high - low) / 2;
                if (bucketByFormula(middle) >= bucket)
                    high = middle;
                else
                    low = middle + 1;
            }
            result.push_back(low);
        }
        return result;
    }();
    return static_cast<int>(std::upper_bound(starts.begin(), starts.end(), micros) - starts.begin());
}

struct RouteKey {
    QString keyId;
    qint64 hour;
    QByteArray method;
    QString route;
    bool operator==(const RouteKey &) const = default;
};

size_t qHash(const RouteKey &key, size_t seed = 0) {
    return qHashMulti(seed, key.keyId, key.hour, key.method, key.route);
}

struct ErrorKey {
    QString keyId;
    qint64 hour;
    int status;
    QString code;
    bool operator==(const ErrorKey &) const = default;
};

size_t qHash(const ErrorKey &key, size_t seed = 0) {
    return qHashMulti(seed, key.keyId, key.hour, key.status, key.code);
}

struct RouteCounts {
    qint64 requests = 0;
    qint64 errors = 0;
};

// A batch's table of counts that finds the previous record's entry again without hashing: a
// batch is mostly runs of one key's requests to one route (a client's burst), and hashing the
// same strings once per table and record was most of the usage writer's work (issue 18). The
// reference stays valid because every lookup in the table goes through here, and only a
// lookup of another key inserts (which may move the entries).
template <typename Key, typename Value> class RunningTable {
public:
    Value &operator[](const Key &key) {
        if (!m_last || !(key == m_lastKey)) {
            m_last = &m_table[key];
            m_lastKey = key;
        }
        return *m_last;
    }
    const QHash<Key, Value> &table() const { return m_table; }

private:
    QHash<Key, Value> m_table;
    Key m_lastKey{};
    Value *m_last = nullptr;
};

HttpResponse invalidRange(const QString &message, const QString &field) {
    return errorResponse(422, QStringLiteral("invalid_range"), message, field);
}
} // namespace

void LatencyHistogram::add(qint64 micros, qint64 count) {
    addToBucket(bucketOf(micros), count);
}

void LatencyHistogram::merge(const LatencyHistogram &other) {
    if (other.isEmpty())
        return;
    if (m_counts.empty())
        m_counts.resize(bucketCount);
    for (int i = 0; i < bucketCount; ++i)
        m_counts[i] += other.m_counts[i];
    m_total += other.m_total;
}

void LatencyHistogram::mergeEncoded(const QByteArray &bytes) {
    for (qsizetype i = 0; i + 10 <= bytes.size(); i += 10)
        addToBucket(qFromLittleEndian<quint16>(bytes.constData() + i),
                    static_cast<qint64>(qFromLittleEndian<quint64>(bytes.constData() + i + 2)));
}

double LatencyHistogram::p95Milliseconds() const {
    if (m_total == 0)
        return 0;
    const qint64 rank = (m_total * 95 + 99) / 100;
    qint64 seen = 0;
    for (int bucket = 0; bucket < bucketCount; ++bucket) {
        seen += m_counts[bucket];
        if (seen >= rank) {
            const double micros = std::pow(bucketGrowth, bucket + 0.5);
            return std::round(micros / 10.0) / 100.0;
        }
    }
    return 0;
}

QByteArray LatencyHistogram::encode() const {
    // (bucket: u16, count: u64) little-endian pairs, in bucket order, empty buckets left out.
    QByteArray out;
    char pair[10];
    for (int bucket = 0; bucket < static_cast<int>(m_counts.size()); ++bucket) {
        if (m_counts[bucket] == 0)
            continue;
        qToLittleEndian<quint16>(static_cast<quint16>(bucket), pair);
        qToLittleEndian<quint64>(static_cast<quint64>(m_counts[bucket]), pair + 2);
        out.append(pair, sizeof pair);
    }
    return out;
}

LatencyHistogram LatencyHistogram::decode(const QByteArray &bytes) {
    LatencyHistogram h;
    h.mergeEncoded(bytes);
    return h;
}

namespace {
// The existing row's columns are named with their table: PostgreSQL finds a bare name
// ambiguous beside `excluded`.
QString upsertHourSql(const char *table, const char *owner) {
    return QStringLiteral(
               "INSERT INTO %1 (%2, hour, requests, ok, client_errors, server_errors, rate_limited, latency)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (%2, hour) DO UPDATE SET"
               " requests = %1.requests + excluded.requests, ok = %1.ok + excluded.ok,"
               " client_errors = %1.client_errors + excluded.client_errors,"
               " server_errors = %1.server_errors + excluded.server_errors,"
               " rate_limited = %1.rate_limited + excluded.rate_limited, latency = excluded.latency")
        .arg(QLatin1String(table), QLatin1String(owner));
}
} // namespace

RollupWriter::RollupWriter(const QSqlDatabase &db)
    : m_readKeyLatency(
          prepare(db, QStringLiteral("SELECT latency FROM usage_hours WHERE key_id = ? AND hour = ?")))
    , m_upsertKeyHour(prepare(db, upsertHourSql("usage_hours", "key_id")))
    , m_readPartnerLatency(prepare(
          db, QStringLiteral("SELECT latency FROM usage_partner_hours WHERE partner_id = ? AND hour = ?")))
    , m_upsertPartnerHour(prepare(db, upsertHourSql("usage_partner_hours", "partner_id")))
    , m_upsertRoute(prepare(
          db, QStringLiteral("INSERT INTO usage_routes (key_id, hour, method, route, requests, errors)"
                             " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key_id, hour, method, route)"
                             " DO UPDATE SET requests = usage_routes.requests + excluded.requests,"
                             " errors = usage_routes.errors + excluded.errors")))
    , m_upsertError(prepare(
          db, QStringLiteral("INSERT INTO usage_errors (key_id, hour, status, code, requests)"
                             " VALUES (?, ?, ?, ?, ?) ON CONFLICT (key_id, hour, status, code)"
                             " DO UPDATE SET requests = usage_errors.requests + excluded.requests"))) {}

bool RollupWriter::addHour(const QString &partnerId, const QString &keyId, qint64 hour,
                           const UsageCounts &totals) {
    return addTo(m_readKeyLatency, m_upsertKeyHour, keyId, hour, totals) &&
           addTo(m_readPartnerLatency, m_upsertPartnerHour, partnerId, hour, totals);
}

bool RollupWriter::addTo(QSqlQuery &readLatency, QSqlQuery &upsert, const QString &owner, qint64 hour,
                         const UsageCounts &totals) {
    LatencyHistogram latency = totals.latency;
    readLatency.addBindValue(owner);
    readLatency.addBindValue(hour);
    if (!exec(readLatency))
        return false;
    if (readLatency.next())
        latency.mergeEncoded(readLatency.value(0).toByteArray());
    readLatency.finish();
    upsert.addBindValue(owner);
    upsert.addBindValue(hour);
    upsert.addBindValue(totals.requests);
    upsert.addBindValue(totals.ok);
    upsert.addBindValue(totals.clientErrors);
    upsert.addBindValue(totals.serverErrors);
    upsert.addBindValue(totals.rateLimited);
    upsert.addBindValue(latency.encode());
    return exec(upsert);
}

bool RollupWriter::addRoute(const QString &keyId, qint64 hour, const QString &method, const QString &route,
                            qint64 requests, qint64 errors) {
    m_upsertRoute.addBindValue(keyId);
    m_upsertRoute.addBindValue(hour);
    m_upsertRoute.addBindValue(method);
    m_upsertRoute.addBindValue(route);
    m_upsertRoute.addBindValue(requests);
    m_upsertRoute.addBindValue(errors);
    return exec(m_upsertRoute);
}

bool RollupWriter::addError(const QString &keyId, qint64 hour, int status, const QString &code,
                            qint64 requests) {
    m_upsertError.addBindValue(keyId);
    m_upsertError.addBindValue(hour);
    m_upsertError.addBindValue(status);
    m_upsertError.addBindValue(code);
    m_upsertError.addBindValue(requests);
    return exec(m_upsertError);
}

QByteArray usageMethod(const QByteArray &method) {
    static const QList<QByteArray> known{"GET",    "HEAD",    "POST",  "PUT",    "PATCH",
                                         "DELETE", "OPTIONS", "TRACE", "CONNECT"};
    return known.contains(method) ? method : QByteArrayLiteral("OTHER");
}

UsageRecorder::UsageRecorder(Store &store, const QString &spoolDirectory)
    : m_store(store) {
    if (!spoolDirectory.isEmpty()) {
        QString error;
        m_spooling = m_spool.open(spoolDirectory, &error);
        if (!m_spooling)
            qCCritical(lcUsage) << "usage is kept in memory only until written:" << error;
        else
            replaySpool();
    }
    m_thread = std::thread([this] { run(); });
}

// Counts what earlier boots answered but did not write (a SIGKILL, a crash): each record
// whose sequence is past what the database holds for its boot, then drops the files.
void UsageRecorder::replaySpool() {
    const QSqlDatabase db = m_store.connection();
    for (UsageSpool::Leftover &leftover : m_spool.leftovers()) {
        QSqlQuery counted = prepare(
            db, QStringLiteral("SELECT sequence FROM usage_spool_counted WHERE instance = ? AND boot = ?"));
        counted.addBindValue(m_spool.instance());
        counted.addBindValue(static_cast<qint64>(leftover.boot));
        if (!exec(counted))
            continue;
        const qint64 through = counted.next() ? counted.value(0).toLongLong() : 0;
        counted.finish();
        std::vector<UsageRecord> batch;
        for (UsageRecord &r : leftover.records)
            if (r.sequence > through)
                batch.push_back(std::move(r));
        if (!batch.empty()) {
            qCInfo(lcUsage) << "replaying" << batch.size() << "usage records of an earlier run";
            if (!write(batch)) {
                // Written later by flush(), files and all: nothing is dropped.
                continue;
            }
        }
        UsageSpool::remove(leftover.files);
    }
    std::lock_guard lock(m_mutex);
    m_pending.clear(); // a failed replay's records were re-queued: they stay in their files
}

UsageRecorder::~UsageRecorder() {
    stop();
}

void UsageRecorder::record(UsageRecord record) {
    std::lock_guard lock(m_mutex);
    // Under the same lock as the queue: records are written in sequence order, so "counted
    // through N" is true of every record up to N.
    if (m_spooling) {
        record.boot = m_spool.boot();
        m_spool.append(record);
    }
    m_pending.push_back(std::move(record));
}

void UsageRecorder::run() {
    // Writing usage is background work: under load the serving threads come first, so a
    // flush's burst of work does not stand between requests and their answers (p99,
    // issue 18). Linux keeps a nice value per thread; a failure only costs latency.
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), backgroundNice);
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, flushInterval);
        lock.unlock();
        flush();
        if (m_spooling)
            m_spool.prepareSegments();
        lock.lock();
    }
}

void UsageRecorder::stop() {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    flush();
}

bool UsageRecorder::flush() {
    std::lock_guard writing(m_writeMutex);
    // Two queues take turns: the serving threads fill one while this writes the other, which is
    // then emptied, keeping its room, for the next turn. So a serving thread does not grow the
    // queue (moving every record so far) while the others wait for the lock, and a batch's
    // memory is not mapped and unmapped again each turn.
    std::vector<UsageRecord> batch = std::exchange(m_emptiedQueue, {});
    {
        std::lock_guard lock(m_mutex);
        batch.swap(m_pending);
    }
    const bool written = batch.empty() || write(batch);
    const std::size_t size = batch.size();
    batch.clear();
    // Not kept when an outage's backlog made it far larger than batches are now.
    if (batch.capacity() <= 2 * size + 4096)
        m_emptiedQueue = std::move(batch);
    return written;
}

bool UsageRecorder::write(std::vector<UsageRecord> &batch) {
    RunningTable<QPair<QString, qint64>, UsageCounts> hourTable;
    RunningTable<QString, QString> partnerTable;
    RunningTable<RouteKey, RouteCounts> routeTable;
    RunningTable<QString, qint64> lastUsedTable;
    RunningTable<ErrorKey, qint64> errorTable;
    for (const UsageRecord &r : batch) {
        if (!r.countsAsUsage)
            continue; // a revoked or expired key's request: in its latest requests only
        const qint64 hour = r.at - r.at % 3600;
        if (r.status >= 400)
            ++errorTable[ErrorKey{r.keyId, hour, r.status, r.errorCode}];
        partnerTable[r.keyId] = r.partnerId;
        UsageCounts &t = hourTable[{r.keyId, hour}];
        ++t.requests;
        t.rateLimited += r.status == 429 ? 1 : 0;
        if (r.status >= 500)
            ++t.serverErrors;
        else if (r.status >= 400)
            ++t.clientErrors;
        else
            ++t.ok;
        t.latency.add(r.latencyMicros);
        RouteCounts &c = routeTable[RouteKey{r.keyId, hour, r.method, r.route}];
        ++c.requests;
        c.errors += r.status >= 400 ? 1 : 0;
        qint64 &last = lastUsedTable[r.keyId];
        last = qMax(last, r.at);
    }
    const auto &hours = hourTable.table();
    const auto &partnerOfKey = partnerTable.table();
    const auto &routes = routeTable.table();
    const auto &lastUsed = lastUsedTable.table();
    const auto &errors = errorTable.table();
    // The highest spool position of each boot in the batch (sequence order within a boot).
    QHash<quint64, qint64> countedThrough;
    for (const UsageRecord &r : batch)
        if (r.sequence > 0)
            countedThrough[r.boot] = qMax(countedThrough.value(r.boot), r.sequence);
    qint64 newestHour = 0;
    for (auto it = hours.cbegin(); it != hours.cend(); ++it)
        newestHour = qMax(newestHour, it.key().second);
    const bool partitionsNeeded =
        m_store.location().engine == DatabaseLocation::Engine::PostgreSQL && newestHour >= m_partitionedUntil;
    const qint64 partitionedUntil =
        usagepartitions::nextMonthStart(newestHour + usagepartitions::keptAheadSeconds);
    const bool ok = m_store.write([&](QSqlDatabase &db) {
        if (partitionsNeeded &&
            !usagepartitions::ensure(db, newestHour, newestHour + usagepartitions::keptAheadSeconds))
            return false;
        QSqlQuery mark =
            prepare(db, QStringLiteral("INSERT INTO usage_spool_counted (instance, boot, sequence)"
                                       " VALUES (?, ?, ?) ON CONFLICT (instance, boot)"
                                       " DO UPDATE SET sequence = excluded.sequence"));
        for (auto it = countedThrough.cbegin(); it != countedThrough.cend(); ++it) {
            mark.addBindValue(m_spool.instance());
            mark.addBindValue(static_cast<qint64>(it.key()));
            mark.addBindValue(it.value());
            if (!exec(mark))
                return false;
        }
        RollupWriter rollups(db);
        for (auto it = hours.cbegin(); it != hours.cend(); ++it)
            if (!rollups.addHour(partnerOfKey.value(it.key().first), it.key().first, it.key().second,
                                 it.value()))
                return false;
        for (auto it = routes.cbegin(); it != routes.cend(); ++it)
            if (!rollups.addRoute(it.key().keyId, it.key().hour, QString::fromLatin1(it.key().method),
                                  it.key().route, it.value().requests, it.value().errors))
                return false;
        for (auto it = errors.cbegin(); it != errors.cend(); ++it)
            if (!rollups.addError(it.key().keyId, it.key().hour, it.key().status, it.key().code, it.value()))
                return false;
        // Pruned as of the newest record written (the gateway clock's time as it was):
        // never later than the clock, so a prune never lets go what a read still shows.
        keyrequests::Writer log(db);
        qint64 newestAt = 0;
        for (const UsageRecord &r : batch) {
            log.add(r);
            newestAt = qMax(newestAt, r.at);
        }
        if (!log.write(newestAt))
            return false;
        QSqlQuery read = prepare(db, QStringLiteral("SELECT last_used_at FROM api_keys WHERE id = ?"));
        QSqlQuery update =
            prepare(db, QStringLiteral("UPDATE api_keys SET last_used_at = ?, change_seq = ? WHERE id = ?"));
        for (auto it = lastUsed.cbegin(); it != lastUsed.cend(); ++it) {
            auto written = m_lastUsedWritten.constFind(it.key());
            if (written == m_lastUsedWritten.constEnd()) {
                read.addBindValue(it.key());
                if (!exec(read))
                    return false;
                const qint64 stored = read.next() && !read.value(0).isNull()
                                          ? read.value(0).toLongLong()
                                          : std::numeric_limits<qint64>::min() / 2;
                read.finish();
                written = m_lastUsedWritten.insert(it.key(), stored);
            }
            if (it.value() < written.value() + lastUsedEverySeconds)
                continue;
            const qint64 sequence = nextChangeSequence(db, partnerOfKey.value(it.key()));
            update.addBindValue(it.value());
            update.addBindValue(sequence);
            update.addBindValue(it.key());
            if (sequence == 0 || !exec(update))
                return false;
        }
        return true;
    });
    if (!ok) {
        qCWarning(lcUsage) << "could not write" << batch.size()
                           << "usage records; keeping them for the next flush";
        m_lastUsedWritten.clear();
        std::lock_guard lock(m_mutex);
        m_pending.insert(m_pending.begin(), std::make_move_iterator(batch.begin()),
                         std::make_move_iterator(batch.end()));
        return false;
    }
    if (partitionsNeeded)
        m_partitionedUntil = partitionedUntil;
    for (auto it = lastUsed.cbegin(); it != lastUsed.cend(); ++it) {
        qint64 &written = m_lastUsedWritten[it.key()];
        if (it.value() >= written + lastUsedEverySeconds)
            written = it.value();
    }
    if (m_spooling && countedThrough.contains(m_spool.boot())) {
        QStringList counted;
        {
            std::lock_guard lock(m_mutex);
            counted = m_spool.takeCountedThrough(countedThrough.value(m_spool.boot()));
        }
        // Outside the lock every request takes: deleting a segment frees up to 8 MiB of pages,
        // work no request should wait behind.
        UsageSpool::remove(counted);
    }
    return true;
}

OrHttpError<UsageSelection> parseUsageSelection(const QSqlDatabase &db, const QString &partnerId,
                                                const QUrlQuery &query, BucketRule rule) {
    UsageSelection result;
    // Filters name objects: an unknown or out-of-reach one is a lookup (404), which
    // API.md's order puts before field validation (422).
    const QString keyId = query.queryItemValue(QStringLiteral("key_id"));
    const QString customerId = query.queryItemValue(QStringLiteral("customer_id"));
    const QString keyType = query.queryItemValue(QStringLiteral("key_type"));
    if (query.hasQueryItem(QStringLiteral("key_id"))) {
        QSqlQuery q = prepare(db, QStringLiteral("SELECT 1 FROM api_keys WHERE id = ? AND partner_id = ?"));
        q.addBindValue(keyId);
        q.addBindValue(partnerId);
        if (!exec(q) || !q.next())
            return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("There is no such key."));
    }
    if (query.hasQueryItem(QStringLiteral("customer_id"))) {
        QSqlQuery q = prepare(db, QStringLiteral("SELECT 1 FROM customers WHERE id = ? AND partner_id = ?"));
        q.addBindValue(customerId);
        q.addBindValue(partnerId);
        if (!exec(q) || !q.next())
            return errorResponse(404, QStringLiteral("not_found"),
                                 QStringLiteral("There is no such customer."));
    }

    if (rule == BucketRule::Day) {
        result.bucketSeconds = 86400;
    } else if (rule == BucketRule::Required) {
        const QString bucket = query.queryItemValue(QStringLiteral("bucket"));
        if (bucket == QLatin1String("hour"))
            result.bucketSeconds = 3600;
        else if (bucket == QLatin1String("day"))
            result.bucketSeconds = 86400;
        else
            return errorResponse(422, QStringLiteral("invalid_bucket"),
                                 QStringLiteral("bucket must be hour or day."), QStringLiteral("bucket"));
    }
    const auto from = fromRfc3339(query.queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded));
    const auto to = fromRfc3339(query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded));
    if (!from)
        return invalidRange(QStringLiteral("from must be an RFC 3339 time."), QStringLiteral("from"));
    if (!to)
        return invalidRange(QStringLiteral("to must be an RFC 3339 time."), QStringLiteral("to"));
    if (*from % result.bucketSeconds != 0 || *to % result.bucketSeconds != 0)
        return invalidRange(result.bucketSeconds == 3600
                                ? QStringLiteral("from and to must fall on whole UTC hours.")
                                : QStringLiteral("from and to must fall on UTC midnights."),
                            QStringLiteral("from"));
    if (*from >= *to)
        return invalidRange(QStringLiteral("from must be before to."), QStringLiteral("from"));
    if (*to - *from > keylimits::maxUsageRangeSeconds)
        return invalidRange(QStringLiteral("A range covers at most 400 days."), QStringLiteral("to"));
    result.from = *from;
    result.to = *to;

    if (query.hasQueryItem(QStringLiteral("key_type")) && !keyTypeFromWireName(keyType))
        return errorResponse(422, QStringLiteral("invalid_key_type"),
                             QStringLiteral("key_type must be partner, customer, read_only or webhook."),
                             QStringLiteral("key_type"));

    result.partnerId = partnerId;
    result.filtered = query.hasQueryItem(QStringLiteral("key_id")) ||
                      query.hasQueryItem(QStringLiteral("key_type")) ||
                      query.hasQueryItem(QStringLiteral("customer_id"));
    QString sql = QStringLiteral("SELECT id FROM api_keys WHERE partner_id = ?");
    QVariantList binds{partnerId};
    if (query.hasQueryItem(QStringLiteral("key_id"))) {
        sql += QStringLiteral(" AND id = ?");
        binds << keyId;
    }
    if (query.hasQueryItem(QStringLiteral("key_type"))) {
        sql += QStringLiteral(" AND type = ?");
        binds << keyType;
    }
    if (query.hasQueryItem(QStringLiteral("customer_id"))) {
        sql += QStringLiteral(" AND customer_id = ?");
        binds << customerId;
    }
    QSqlQuery keys = prepare(db, sql + QStringLiteral(" ORDER BY created_at, id"));
    for (const QVariant &v : std::as_const(binds))
        keys.addBindValue(v);
    if (!exec(keys))
        return errorResponse(500, QStringLiteral("internal"), QStringLiteral("Usage could not be read."));
    while (keys.next())
        result.keyIds << keys.value(0).toString();
    return result;
}

QList<UsageCounts> usageSeries(const QSqlDatabase &db, const UsageSelection &query) {
    QList<UsageCounts> series((query.to - query.from) / query.bucketSeconds);
    // Unfiltered, the partner's own rollup answers with one row an hour however many keys
    // there are; filtered, the rows of the selected keys are summed.
    const QString owner = query.filtered
                              ? QStringLiteral("key_id FROM usage_hours WHERE key_id")
                              : QStringLiteral("partner_id FROM usage_partner_hours WHERE partner_id");
    QSqlQuery q =
        prepareForwardOnly(db, QStringLiteral("SELECT hour, requests, ok, client_errors, server_errors,"
                                              " latency, %1 = ? AND hour >= ? AND hour < ?")
                                   .arg(owner));
    const QStringList owners = query.filtered ? query.keyIds : QStringList{query.partnerId};
    for (const QString &id : owners) {
        q.addBindValue(id);
        q.addBindValue(query.from);
        q.addBindValue(query.to);
        if (!exec(q))
            continue;
        while (q.next()) {
            UsageCounts &t = series[(q.value(0).toLongLong() - query.from) / query.bucketSeconds];
            t.requests += q.value(1).toLongLong();
            t.ok += q.value(2).toLongLong();
            t.clientErrors += q.value(3).toLongLong();
            t.serverErrors += q.value(4).toLongLong();
            t.latency.mergeEncoded(q.value(5).toByteArray());
        }
    }
    return series;
}

QJsonObject usageSeriesJson(const UsageSelection &query, const QList<UsageCounts> &series) {
    QJsonArray points;
    for (qsizetype i = 0; i < series.size(); ++i) {
        const UsageCounts &t = series.at(i);
        points.append(QJsonObject{
            {QStringLiteral("start"), toRfc3339(query.from + i * query.bucketSeconds)},
            {QStringLiteral("requests"), t.requests},
            {QStringLiteral("ok"), t.ok},
            {QStringLiteral("client_errors"), t.clientErrors},
            {QStringLiteral("server_errors"), t.serverErrors},
            {QStringLiteral("p95_ms"),
             t.latency.isEmpty() ? QJsonValue() : QJsonValue(t.latency.p95Milliseconds())},
        });
    }
    return QJsonObject{{QStringLiteral("bucket"),
                        query.bucketSeconds == 3600 ? QStringLiteral("hour") : QStringLiteral("day")},
                       {QStringLiteral("series"), points}};
}

} // namespace knotie::gateway
