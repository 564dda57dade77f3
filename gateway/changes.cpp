#include "gateway/changes.h"

#include <QSqlQuery>

namespace knotie::gateway {

namespace {
// Each thread has at most one write transaction open (Store::write), so the partners it
// changed are the thread's until that transaction ends.
thread_local QSet<QString> changedPartners;
} // namespace

qint64 nextChangeSequence(QSqlDatabase &db, const QString &partnerId) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("UPDATE change_sequence SET value = value + 1 RETURNING value")) || !q.next())
        return 0;
    changedPartners.insert(partnerId);
    return q.value(0).toLongLong();
}

QSet<QString> takeChangedPartners() {
    return std::exchange(changedPartners, {});
}

} // namespace knotie::gateway
