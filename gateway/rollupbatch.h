#pragma once

#include "gateway/usage.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <map>
#include <tuple>

namespace knotie::gateway {

// Usage rollups gathered in memory and written as multi-row INSERTs, a few hundred rows a
// statement, inside the caller's write transaction: on PostgreSQL one round trip per row
// (RollupWriter) made the demo's 90 days of history take tens of seconds. Only for rows new
// to their tables, as in the demo seed of an empty database: a row already there fails the
// write rather than being added to (RollupWriter adds, and merges latencies). Used on
// PostgreSQL only: on SQLite (no round trips) one upsert a row is faster still.
class RollupBatch {
public:
    // Adds to the key's hour and to the partner's, as RollupWriter::addHour.
    bool addHour(const QString &partnerId, const QString &keyId, qint64 hour, const UsageCounts &totals);
    bool addRoute(const QString &keyId, qint64 hour, const QString &method, const QString &route,
                  qint64 requests, qint64 errors);
    bool write(const QSqlDatabase &db) const;

private:
    // A key's hours are held with their latencies encoded (sparse): dense histograms for
    // every key and hour of 90 days took hundreds of megabytes. A partner has few hours.
    struct EncodedHour {
        UsageCounts counts; // its latency left empty
        QByteArray latency;
    };
    // Ordered by primary key, and so written: SQLite inserting 90 days of rows in hash order
    // into tables larger than its page cache took longer than one upsert a row.
    std::map<std::pair<QString, qint64>, EncodedHour> m_keyHours;
    std::map<std::pair<QString, qint64>, UsageCounts> m_partnerHours;
    // (key, hour, method, route) -> (requests, errors)
    std::map<std::tuple<QString, qint64, QString, QString>, std::pair<qint64, qint64>> m_routes;
};

} // namespace knotie::gateway
