#include "gateway/changes.h"

#include <QSqlQuery>

namespace knotie::gateway {

namespace {
// Each thread has at most one write transaction open (Store::write), so the changes it
// noted are the thread's until that transaction ends.
thread_local NotedChanges noted;

// Pruning runs on one write in this many, on the log's own index, so it costs the
// writes nothing noticeable and the log stays about an hour long.
constexpr qint64 pruneEvery = 64;

bool appendEntry(QSqlDatabase &db, const QString &partnerId, const QString &keyId, const QString &origin,
                 qint64 now, qint64 *position) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO change_log (partner_id, key_id, origin, changed_at)"
                             " VALUES (?, ?, ?, ?) RETURNING position"));
    q.addBindValue(partnerId);
    q.addBindValue(keyId.isEmpty() ? QVariant() : QVariant(keyId));
    q.addBindValue(origin);
    q.addBindValue(now);
    if (!q.exec() || !q.next())
        return false;
    *position = q.value(0).toLongLong();
    return true;
}
} // namespace

qint64 nextChangeSequence(QSqlDatabase &db, const QString &partnerId) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("UPDATE change_sequence SET value = value + 1 RETURNING value")) || !q.next())
        return 0;
    noted.partners.insert(partnerId);
    return q.value(0).toLongLong();
}

void noteKeyChanged(const QString &partnerId, const QString &keyId) {
    noted.partners.insert(partnerId);
    noted.keys.insert(keyId, partnerId);
}

NotedChanges takeNotedChanges() {
    return std::exchange(noted, {});
}

namespace changelog {

bool append(QSqlDatabase &db, DatabaseLocation::Engine engine, const QString &origin, qint64 now) {
    if (noted.isEmpty())
        return true;
    QList<qint64> positions;
    const auto entry = [&](const QString &partnerId, const QString &keyId) {
        qint64 position = 0;
        if (!appendEntry(db, partnerId, keyId, origin, now, &position))
            return false;
        positions.append(position);
        return true;
    };
    QSet<QString> partnersWithKeys;
    for (auto it = noted.keys.cbegin(); it != noted.keys.cend(); ++it) {
        partnersWithKeys.insert(it.value());
        if (!entry(it.value(), it.key()))
            return false;
    }
    for (const QString &partner : std::as_const(noted.partners))
        if (!partnersWithKeys.contains(partner) && !entry(partner, QString()))
            return false;
    QSqlQuery q(db);
    if (engine == DatabaseLocation::Engine::PostgreSQL &&
        !q.exec(QStringLiteral("SELECT pg_notify('%1', '')").arg(QLatin1String(channel))))
        return false;
    // Once each time the positions pass a multiple of pruneEvery.
    if ((positions.first() - 1) / pruneEvery != positions.last() / pruneEvery) {
        q.prepare(QStringLiteral("DELETE FROM change_log WHERE changed_at < ?"));
        q.addBindValue(now - retentionSeconds);
        return q.exec();
    }
    return true;
}

} // namespace changelog

} // namespace knotie::gateway
