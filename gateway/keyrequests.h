#pragma once

#include "gateway/portalroute.h"
#include "gateway/store.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSqlQuery>
#include <QUrlQuery>

namespace knotie::gateway {

struct UsageRecord;

// Each key's latest requests (API.md v1.1, "What a key's callers see"): when, method,
// route template, status, error code and latency; never a header, a body or a secret.
// Kept: the key's last `keptLatest` requests, and beyond those any of the last
// `keptSeconds`, up to `keptMost`. Ordered as they reached the usage writer.
//
// Stored as one row per key and usage batch (`key_request_batches`, a packed list of
// records), not one row per request: a row per request made the database the largest
// cost of a verified request. Each batch written prunes its key: whole rows past the
// rule go, and the one row the boundary cuts through is rewritten without the records
// the rule lets go, so the table holds exactly what the rule keeps. A key nobody calls
// keeps its rows until its next request, but reads apply the same rule, so an answer
// never shows a request the rule has let go.
namespace keyrequests {

inline constexpr int keptLatest = 1000;
inline constexpr qint64 keptSeconds = 7 * 86400;
inline constexpr int keptMost = 10000;
inline constexpr int defaultLimit = 100;
inline constexpr int maximumLimit = 500;

struct Request {
    qint64 at = 0; // gateway clock, seconds
    QByteArray method;
    QString route;
    int status = 0;
    QString errorCode; // empty: none
    qint64 latencyMicros = 0;
};

// The packed form of a batch's records, oldest first (exposed for the tests, which
// plant old requests).
QByteArray pack(const QList<Request> &oldestFirst);
QList<Request> unpack(const QByteArray &packed);

// Appends records and prunes keys, inside the caller's write transaction (the usage
// recorder's, which also moves the spool's watermark).
class Writer {
public:
    explicit Writer(const QSqlDatabase &db);
    void add(const UsageRecord &record);
    // Writes the records added, one row per key, and applies the keeping rule to each
    // of those keys as of `now` (gateway clock, seconds).
    bool write(qint64 now);

private:
    bool prune(const QString &keyId, qint64 now);

    QHash<QString, QList<Request>> m_added;
    QList<Request> *m_lastAdded = nullptr; // m_added's entry for m_lastKey
    QString m_lastKey;
    QSqlQuery m_insert;
    QSqlQuery m_batches;
    QSqlQuery m_read;
    QSqlQuery m_delete;
    QSqlQuery m_rewrite;
};

// GET /v1/keys/{id}/requests for a key of the caller's partner (checked by the caller):
// the query's filters and limit checked (422), then the body.
OrHttpError<QJsonObject> latest(const QSqlDatabase &db, const QString &keyId, const QUrlQuery &query,
                                qint64 now);

} // namespace keyrequests
} // namespace knotie::gateway
