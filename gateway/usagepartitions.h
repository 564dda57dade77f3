#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace knotie::gateway::usagepartitions {

// On PostgreSQL the usage rollups are partitioned by the UTC month of their `hour`
// (migration 9), so a 90-day query reads four small partitions however long the history
// grows, and old months can be dropped whole. Each table has a default partition, so a
// row never fails for want of its month: rows of a month without its own partition wait
// there until ensure() moves them. SQLite keeps one table each.

struct Table {
    QString name;
    QString primaryKey; // its columns; `hour` among them, as PostgreSQL requires
};
// The tables partitioned, with their primary keys as migration 1 and 5 made them.
const QList<Table> &tables();

// Migration 9's statements (PostgreSQL only): each table becomes partitioned by range of
// `hour`, its rows kept (in the default partition, until ensure() moves them).
QStringList migration();

// The start of the UTC month holding `seconds`, and of the month after it.
qint64 monthStart(qint64 seconds);
qint64 nextMonthStart(qint64 seconds);

// Gives each month from the one holding `from` to the one holding `to`, and each month with
// rows waiting in a default partition, its own partition of every table, moving those rows
// in. Inside the caller's write transaction, on PostgreSQL only. A month that already has
// its partition costs one catalog read per table.
bool ensure(const QSqlDatabase &db, qint64 from, qint64 to);

// What the gateway keeps partitioned ahead: the 90 days the portal shows and two months
// to come, so a running instance only ever adds a month as it nears.
constexpr qint64 keptBehindSeconds = 92 * 86400;
constexpr qint64 keptAheadSeconds = 62 * 86400;

} // namespace knotie::gateway::usagepartitions
