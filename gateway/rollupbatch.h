#pragma once

#include "gateway/usage.h"

#include <QHash>
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
// write rather than being added to (RollupWriter adds, and merges latencies).
class RollupBatch {
public:
    // Adds to the key's hour and to the partner's, as RollupWriter::addHour.
    void addHour(const QString &partnerId, const QString &keyId, qint64 hour, const UsageCounts &totals);
    void addRoute(const QString &keyId, qint64 hour, const QString &method, const QString &route,
                  qint64 requests, qint64 errors);
    bool write(const QSqlDatabase &db) const;

private:
    QHash<QPair<QString, qint64>, UsageCounts> m_keyHours;
    QHash<QPair<QString, qint64>, UsageCounts> m_partnerHours;
    // (key, hour, method, route) -> (requests, errors)
    std::map<std::tuple<QString, qint64, QString, QString>, std::pair<qint64, qint64>> m_routes;
};

} // namespace knotie::gateway
