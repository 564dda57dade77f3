#include "gateway/keyrequests.h"

#include "gateway/usage.h"

#include "models/domain/rfc3339.h"

#include <QDataStream>
#include <QJsonArray>
#include <QStringEncoder>

#include <cmath>
#include <limits>
#include <tuple>
#include <type_traits>
#include <utility>

namespace knotie::gateway::keyrequests {

namespace {
// The batch format's version: the first byte of every packed batch. Version 1 was
// QDataStream's encoding, which cost the usage writer more than all else it does (issue
// 18's profile); version 2 is plain little-endian fields. Both are read.
constexpr quint8 qDataStreamVersion = 1;
constexpr quint8 packVersion = 2;

HttpResponse invalidFilter(const QString &field, const QString &message) {
    return fieldError(QStringLiteral("invalid_field"), field, message);
}

// Whether the keeping rule keeps the request at `position` (0: the key's newest).
bool kept(int position, qint64 at, qint64 now) {
    return position < keptLatest || (position < keptMost && at >= now - keptSeconds);
}

// A key's stored batches, newest first.
struct Batch {
    qint64 id = 0;
    int count = 0;
    qint64 oldestAt = 0;
    qint64 newestAt = 0;
};

QList<Batch> batchesOf(QSqlQuery &select, const QString &keyId) {
    QList<Batch> batches;
    select.addBindValue(keyId);
    if (!exec(select))
        return batches;
    while (select.next())
        batches.append(Batch{select.value(0).toLongLong(), select.value(1).toInt(),
                             select.value(2).toLongLong(), select.value(3).toLongLong()});
    select.finish();
    return batches;
}

} // namespace

namespace {
// Version 2: a count, then per record `at` (8 bytes), status (2), latency (8) and three
// strings (method, route, error code), each a 2-byte length and its UTF-8 bytes.
template <typename T> void putInteger(QByteArray &out, T value) {
    using Unsigned = std::make_unsigned_t<T>;
    auto bits = static_cast<Unsigned>(value);
    for (std::size_t i = 0; i < sizeof(T); ++i, bits >>= 8)
        out.append(static_cast<char>(bits & 0xff));
}

void putString(QByteArray &out, QByteArrayView bytes) {
    const auto size = static_cast<quint16>(qMin<qsizetype>(bytes.size(), 0xffff));
    putInteger(out, size);
    out.append(bytes.first(size));
}

// The same for text, encoded straight into out: a batch of a busy key's requests has
// thousands of routes, and a QByteArray of each was one allocation per request.
void putString(QByteArray &out, QStringView text) {
    const qsizetype lengthAt = out.size();
    putInteger(out, quint16(0));
    QStringEncoder utf8(QStringEncoder::Utf8);
    const qsizetype start = out.size();
    out.resize(start + utf8.requiredSpace(text.size()));
    const qsizetype written = utf8.appendToBuffer(out.data() + start, text) - (out.data() + start);
    const auto size = static_cast<quint16>(qMin<qsizetype>(written, 0xffff));
    out.resize(start + size);
    out[lengthAt] = static_cast<char>(size & 0xff);
    out[lengthAt + 1] = static_cast<char>(size >> 8);
}

// Reads what putInteger and putString wrote; `ok` turns false at the first field that
// runs past the end, and stays false.
class Reader {
public:
    explicit Reader(QByteArrayView bytes)
        : m_bytes(bytes) {}
    template <typename T> T integer() {
        if (!take(sizeof(T)))
            return 0;
        std::make_unsigned_t<T> bits = 0;
        for (std::size_t i = 0; i < sizeof(T); ++i)
            bits |= static_cast<std::make_unsigned_t<T>>(static_cast<quint8>(m_bytes[m_at - sizeof(T) + i]))
                    << (8 * i);
        return static_cast<T>(bits);
    }
    QByteArrayView string() {
        const auto size = integer<quint16>();
        return take(size) ? m_bytes.sliced(m_at - size, size) : QByteArrayView();
    }
    bool ok() const { return m_ok; }

private:
    bool take(std::size_t size) {
        m_ok = m_ok && m_bytes.size() - m_at >= static_cast<qsizetype>(size);
        if (m_ok)
            m_at += static_cast<qsizetype>(size);
        return m_ok;
    }
    QByteArrayView m_bytes;
    qsizetype m_at = 0;
    bool m_ok = true;
};

QList<Request> unpackQDataStream(const QByteArray &packed) {
    QDataStream in(packed);
    in.setVersion(QDataStream::Qt_6_4);
    quint8 version = 0;
    qint32 count = 0;
    in >> version >> count;
    QList<Request> records;
    if (count < 0)
        return records;
    records.reserve(count);
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        Request r;
        QByteArray route;
        QByteArray code;
        qint16 status = 0;
        in >> r.at >> r.method >> route >> status >> code >> r.latencyMicros;
        r.route = QString::fromUtf8(route);
        r.status = status;
        r.errorCode = QString::fromUtf8(code);
        records.append(std::move(r));
    }
    if (in.status() != QDataStream::Ok)
        records.clear();
    return records;
}
} // namespace

QByteArray pack(const QList<Request> &oldestFirst) {
    QByteArray packed;
    packed.reserve(5 + oldestFirst.size() * 48);
    putInteger(packed, packVersion);
    putInteger(packed, static_cast<qint32>(oldestFirst.size()));
    for (const Request &r : oldestFirst) {
        putInteger(packed, r.at);
        putInteger(packed, static_cast<qint16>(r.status));
        putInteger(packed, r.latencyMicros);
        putString(packed, r.method);
        putString(packed, QStringView(r.route));
        putString(packed, QStringView(r.errorCode));
    }
    return packed;
}

QList<Request> unpack(const QByteArray &packed) {
    Reader in(packed);
    const auto version = in.integer<quint8>();
    if (version == qDataStreamVersion)
        return unpackQDataStream(packed);
    const auto count = in.integer<qint32>();
    QList<Request> records;
    if (version != packVersion || count < 0 || !in.ok())
        return records;
    records.reserve(qMin<qint32>(count, keptMost));
    for (qint32 i = 0; i < count && in.ok(); ++i) {
        Request r;
        r.at = in.integer<qint64>();
        r.status = in.integer<qint16>();
        r.latencyMicros = in.integer<qint64>();
        r.method = in.string().toByteArray();
        r.route = QString::fromUtf8(in.string());
        r.errorCode = QString::fromUtf8(in.string());
        records.append(std::move(r));
    }
    if (!in.ok())
        records.clear();
    return records;
}

Writer::Writer(const QSqlDatabase &db)
    : m_insert(prepare(db, QStringLiteral("INSERT INTO key_request_batches (key_id, count, oldest_at,"
                                          " newest_at, records) VALUES (?, ?, ?, ?, ?)")))
    , m_batches(prepare(db, QStringLiteral("SELECT id, count, oldest_at, newest_at FROM key_request_batches"
                                           " WHERE key_id = ? ORDER BY id DESC")))
    , m_read(prepare(db, QStringLiteral("SELECT records FROM key_request_batches WHERE id = ?")))
    , m_delete(prepare(db, QStringLiteral("DELETE FROM key_request_batches WHERE id = ?")))
    , m_rewrite(prepare(db, QStringLiteral("UPDATE key_request_batches SET count = ?, oldest_at = ?,"
                                           " newest_at = ?, records = ? WHERE id = ?"))) {}

void Writer::add(const UsageRecord &r) {
    // A batch is mostly runs of one key's records: its list is looked up once per run (a
    // lookup of another key may move the lists, so the pointer is only kept within a run).
    if (!m_lastAdded || r.keyId != m_lastKey) {
        m_lastAdded = &m_added[r.keyId];
        m_lastKey = r.keyId;
    }
    // Only a key's newest keptMost records can be kept (write() drops the rest): older ones
    // are let go as they pass, keptMost at a time, instead of held to the end of the batch.
    if (m_lastAdded->size() == 2 * keptMost)
        m_lastAdded->remove(0, keptMost);
    m_lastAdded->append(Request{r.at, r.method, r.route, r.status, r.errorCode, r.latencyMicros});
}

namespace {
std::pair<qint64, qint64> timeSpan(const QList<Request> &records) {
    qint64 oldest = std::numeric_limits<qint64>::max();
    qint64 newest = std::numeric_limits<qint64>::min();
    for (const Request &r : records) {
        oldest = qMin(oldest, r.at);
        newest = qMax(newest, r.at);
    }
    return {oldest, newest};
}
} // namespace

bool Writer::write(qint64 now) {
    for (auto it = m_added.begin(); it != m_added.end(); ++it) {
        // What the rule lets go even counting this batch alone is never written (a busy
        // key's batch can hold more than the rule keeps): the prune then drops whole rows.
        QList<Request> &records = it.value();
        qsizetype keepFrom = qMax<qsizetype>(0, records.size() - keptMost);
        while (keepFrom < records.size() &&
               !kept(static_cast<int>(records.size() - 1 - keepFrom), records[keepFrom].at, now))
            ++keepFrom;
        records.remove(0, keepFrom); // never the newest record: the rule always keeps it
        const auto [oldest, newest] = timeSpan(it.value());
        m_insert.addBindValue(it.key());
        m_insert.addBindValue(it.value().size());
        m_insert.addBindValue(oldest);
        m_insert.addBindValue(newest);
        m_insert.addBindValue(pack(it.value()));
        if (!exec(m_insert) || !prune(it.key(), now))
            return false;
    }
    m_added.clear();
    return true;
}

bool Writer::prune(const QString &keyId, qint64 now) {
    int newer = 0; // requests in the batches newer than the one at hand
    for (const Batch &b : batchesOf(m_batches, keyId)) {
        const int first = newer;
        newer += b.count;
        if (kept(first + b.count - 1, b.oldestAt, now))
            continue; // its oldest record is kept, so every record of it is
        if (!kept(first, b.newestAt, now)) {
            m_delete.addBindValue(b.id); // not even its newest record is kept
            if (!exec(m_delete))
                return false;
            continue;
        }
        // The boundary cuts through this batch: keep exactly what the rule keeps.
        m_read.addBindValue(b.id);
        if (!exec(m_read) || !m_read.next())
            return false;
        const QList<Request> records = unpack(m_read.value(0).toByteArray());
        m_read.finish();
        QList<Request> keptRecords;
        for (qsizetype j = 0; j < records.size(); ++j) // oldest first: position counts down
            if (kept(first + static_cast<int>(records.size() - 1 - j), records[j].at, now))
                keptRecords.append(records[j]);
        const auto [oldest, newest] = timeSpan(keptRecords);
        m_rewrite.addBindValue(keptRecords.size());
        m_rewrite.addBindValue(oldest);
        m_rewrite.addBindValue(newest);
        m_rewrite.addBindValue(pack(keptRecords));
        m_rewrite.addBindValue(b.id);
        if (!exec(m_rewrite))
            return false;
    }
    return true;
}

OrHttpError<QJsonObject> latest(const QSqlDatabase &db, const QString &keyId, const QUrlQuery &query,
                                qint64 now) {
    // The filters: outcome as a status range, and one status.
    int lowest = 100;
    int highest = 599;
    if (query.hasQueryItem(QStringLiteral("outcome"))) {
        const QString outcome = query.queryItemValue(QStringLiteral("outcome"));
        if (outcome == QLatin1String("ok"))
            highest = 399;
        else if (outcome == QLatin1String("client_error"))
            std::tie(lowest, highest) = std::pair{400, 499};
        else if (outcome == QLatin1String("server_error"))
            lowest = 500;
        else
            return invalidFilter(QStringLiteral("outcome"),
                                 QStringLiteral("outcome must be ok, client_error or server_error."));
    }
    if (query.hasQueryItem(QStringLiteral("status"))) {
        bool ok = false;
        const int status = query.queryItemValue(QStringLiteral("status")).toInt(&ok);
        if (!ok || status < 100 || status > 599)
            return invalidFilter(QStringLiteral("status"),
                                 QStringLiteral("status must be an HTTP status from 100 to 599."));
        lowest = qMax(lowest, status);
        highest = qMin(highest, status);
    }
    const auto limit = parseLimit(query, defaultLimit, maximumLimit);
    if (const HttpResponse *failure = httpError(limit))
        return *failure;

    // Newest first, through the keeping rule as pruning applies it: records a prune has
    // not reached yet (a key nobody called since) are not shown either.
    QSqlQuery select = prepareForwardOnly(
        db, QStringLiteral("SELECT records FROM key_request_batches WHERE key_id = ? ORDER BY id DESC"));
    select.addBindValue(keyId);
    if (!exec(select))
        return internalError();
    QJsonArray requests;
    int position = 0;
    while (requests.size() < std::get<int>(limit) && position < keptMost && select.next()) {
        const QList<Request> records = unpack(select.value(0).toByteArray());
        for (auto r = records.crbegin(); r != records.crend() && requests.size() < std::get<int>(limit);
             ++r, ++position) {
            if (!kept(position, r->at, now) || r->status < lowest || r->status > highest)
                continue;
            requests.append(QJsonObject{
                {QStringLiteral("at"), toRfc3339(r->at)},
                {QStringLiteral("method"), QString::fromLatin1(r->method)},
                {QStringLiteral("route"), r->route},
                {QStringLiteral("status"), r->status},
                {QStringLiteral("error_code"),
                 r->errorCode.isEmpty() ? QJsonValue() : QJsonValue(r->errorCode)},
                {QStringLiteral("latency_ms"),
                 std::round(static_cast<double>(r->latencyMicros) / 10.0) / 100.0},
            });
        }
    }
    return QJsonObject{{QStringLiteral("requests"), requests}};
}

} // namespace knotie::gateway::keyrequests
