#include "gateway/changes.h"

#include <QSqlQuery>

namespace knotie::gateway {

qint64 nextChangeSequence(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("UPDATE change_sequence SET value = value + 1 RETURNING value")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

} // namespace knotie::gateway
