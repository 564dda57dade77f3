#include "audit.h"

#include "changes.h"
#include "portalroute.h"
#include "store.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace knotie::gateway::audit {

bool record(QSqlDatabase &db, const Event &event, qint64 at) {
    const qint64 sequence = nextChangeSequence(db);
    if (sequence == 0)
        return false;
    QSqlQuery q =
        prepare(db, QStringLiteral("INSERT INTO audit_events (id, partner_id, change_seq, at, actor_id,"
                                   " actor_name, action, key_id, details)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(newId(QLatin1StringView("evt")));
    q.addBindValue(event.partnerId);
    q.addBindValue(sequence);
    q.addBindValue(at);
    q.addBindValue(event.actorId);
    q.addBindValue(event.actorName);
    q.addBindValue(event.action);
    q.addBindValue(event.keyId.isEmpty() ? QVariant() : QVariant(event.keyId));
    q.addBindValue(
        event.details.isEmpty()
            ? QVariant()
            : QVariant(QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact))));
    return exec(q);
}

} // namespace knotie::gateway::audit
