#include "gateway/usagepartitions.h"

#include "gateway/sqldialect.h"
#include "gateway/store.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <set>

namespace knotie::gateway::usagepartitions {

Q_LOGGING_CATEGORY(lcPartitions, "knotie.gateway.store", QtInfoMsg)

const QList<Table> &tables() {
    static const QList<Table> all{
        {QStringLiteral("usage_hours"), QStringLiteral("key_id, hour")},
        {QStringLiteral("usage_partner_hours"), QStringLiteral("partner_id, hour")},
        {QStringLiteral("usage_routes"), QStringLiteral("key_id, hour, method, route")},
        {QStringLiteral("usage_errors"), QStringLiteral("key_id, hour, status, code")},
    };
    return all;
}

QStringList migration() {
    QStringList statements;
    for (const Table &table : tables()) {
        // The old table steps aside (its primary key index too: index names are unique
        // per schema), the partitioned one takes its name and columns, and its rows.
        const QString old = table.name + QLatin1String("_unpartitioned");
        statements << QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(table.name, old)
                   << QStringLiteral("ALTER INDEX %1_pkey RENAME TO %2_pkey").arg(table.name, old)
                   << QStringLiteral("CREATE TABLE %1 (LIKE %2 INCLUDING DEFAULTS, PRIMARY KEY (%3))"
                                     " PARTITION BY RANGE (hour)")
                          .arg(table.name, old, table.primaryKey)
                   << QStringLiteral("CREATE TABLE %1_default PARTITION OF %1 DEFAULT").arg(table.name)
                   << QStringLiteral("INSERT INTO %1 SELECT * FROM %2").arg(table.name, old)
                   << QStringLiteral("DROP TABLE %1").arg(old);
    }
    for (QString &statement : statements)
        statement = sqldialect::postgresOnly(statement);
    return statements;
}

qint64 monthStart(qint64 seconds) {
    const QDate day = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).date();
    return QDateTime(QDate(day.year(), day.month(), 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

qint64 nextMonthStart(qint64 seconds) {
    const QDate first = QDateTime::fromSecsSinceEpoch(monthStart(seconds), Qt::UTC).date();
    return QDateTime(first.addMonths(1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

namespace {

QString partitionName(const QString &table, qint64 month) {
    const QDate date = QDateTime::fromSecsSinceEpoch(month, Qt::UTC).date();
    return QStringLiteral("%1_y%2m%3").arg(table).arg(date.year()).arg(date.month(), 2, 10, QLatin1Char('0'));
}

// Run as it is: PostgreSQL cannot prepare DDL.
bool run(const QSqlDatabase &db, const QString &sql) {
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    qCWarning(lcPartitions) << "statement failed:" << sql << q.lastError().text();
    return false;
}

bool ensureTable(const QSqlDatabase &db, const QString &table, std::set<qint64> months) {
    QSqlQuery waiting = prepareForwardOnly(
        db, QStringLiteral("SELECT DISTINCT extract(epoch FROM date_trunc('month',"
                           " to_timestamp(hour) AT TIME ZONE 'UTC'))::bigint FROM %1_default")
                .arg(table));
    if (!exec(waiting))
        return false;
    while (waiting.next())
        months.insert(waiting.value(0).toLongLong());
    QSqlQuery existing = prepareForwardOnly(db, QStringLiteral("SELECT c.relname FROM pg_inherits i"
                                                               " JOIN pg_class c ON c.oid = i.inhrelid"
                                                               " WHERE i.inhparent = ?::regclass"));
    existing.addBindValue(table);
    if (!exec(existing))
        return false;
    QSet<QString> partitions;
    while (existing.next())
        partitions.insert(existing.value(0).toString());
    for (const qint64 month : months) {
        const QString name = partitionName(table, month);
        if (partitions.contains(name))
            continue;
        // Rows of this month already in the default partition move in before the partition
        // is attached: PostgreSQL refuses to attach a range the default still holds rows of.
        const QString range =
            QStringLiteral("hour >= %1 AND hour < %2").arg(month).arg(nextMonthStart(month));
        if (!run(db, QStringLiteral("CREATE TABLE %1 (LIKE %2 INCLUDING DEFAULTS)").arg(name, table)) ||
            !run(db, QStringLiteral("WITH moved AS (DELETE FROM %1_default WHERE %2 RETURNING *)"
                                    " INSERT INTO %3 SELECT * FROM moved")
                         .arg(table, range, name)) ||
            !run(db, QStringLiteral("ALTER TABLE %1 ATTACH PARTITION %2 FOR VALUES FROM (%3) TO (%4)")
                         .arg(table, name)
                         .arg(month)
                         .arg(nextMonthStart(month))))
            return false;
    }
    return true;
}

} // namespace

bool ensure(const QSqlDatabase &db, qint64 from, qint64 to) {
    std::set<qint64> months;
    for (qint64 month = monthStart(from); month <= to; month = nextMonthStart(month))
        months.insert(month);
    for (const Table &table : tables())
        if (!ensureTable(db, table.name, months))
            return false;
    return true;
}

} // namespace knotie::gateway::usagepartitions
