#pragma once

#include "gateway/portalroute.h"
#include "gateway/store.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QUrlQuery>

namespace knotie::gateway {

struct UsageRecord;

// Each key's latest requests (API.md v1.1, "What a key's callers see"): when, method,
// route template, status, error code and latency; never a header, a body or a secret.
// Kept: the key's last `keptLatest` requests, and beyond those any of the last
// `keptSeconds`, up to `keptMost`. Rows are pruned for a key each time a batch of its
// requests is written, so the table holds at most `keptMost` rows per key; a key nobody
// calls keeps its rows until its next request, but reads apply the same rule, so an
// answer never shows a request the rule has let go.
namespace keyrequests {

inline constexpr int keptLatest = 1000;
inline constexpr qint64 keptSeconds = 7 * 86400;
inline constexpr int keptMost = 10000;
inline constexpr int defaultLimit = 100;
inline constexpr int maximumLimit = 500;

// Appends records and prunes keys, inside the caller's write transaction (the usage
// recorder's, which also moves the spool's watermark).
class Writer {
public:
    explicit Writer(const QSqlDatabase &db);
    bool add(const UsageRecord &record);
    // Applies the keeping rule to `keyId` as of `now` (gateway clock, seconds).
    bool prune(const QString &keyId, qint64 now);

private:
    QSqlQuery m_insert;
    QSqlQuery m_boundary;
    QSqlQuery m_deleteBeyondMost;
    QSqlQuery m_deleteOld;
};

// GET /v1/keys/{id}/requests for a key of the caller's partner (checked by the caller):
// the query's filters and limit checked (422), then the body.
OrHttpError<QJsonObject> latest(const QSqlDatabase &db, const QString &keyId, const QUrlQuery &query,
                                qint64 now);

} // namespace keyrequests
} // namespace knotie::gateway
