#pragma once

#include "models/domain/keylimits.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <optional>
#include <utility>

namespace knotie::gateway::audit {

// One entry of a partner's audit log (GET /v1/audit). Details name what changed, never
// a secret, a token or a password: the log is shown to every settings manager.
struct Event {
    QString partnerId;
    QString actorId;
    QString actorName;
    QString action; // one of models/domain/auditactions.h
    QString keyId;  // empty when the event is not about a key
    QJsonObject details;
};

// The details of each key action: one definition for the routes that record them and
// for the demo's history.
QJsonObject keyCreated(const QString &name, const QString &typeWireName);
// `nameBefore` empty when only the description changed; both when both did.
QJsonObject keyRenamed(const QString &nameBefore, const QString &name, bool descriptionChanged);
QJsonObject keyRotated(const QString &successorId, qint64 graceSeconds, qint64 previousExpiresAt);
QJsonObject keyRevoked(const QString &name);
// Only what changed is named: {"rate_limit": {"old","new"}} and/or {"expires_at": {"old","new"}},
// each value null for "none".
QJsonObject keyLimitsChanged(
    const std::optional<std::pair<std::optional<RateLimit>, std::optional<RateLimit>>> &rateLimit,
    const std::optional<std::pair<std::optional<qint64>, std::optional<qint64>>> &expiresAt);
// key.custody_changed: {"old": {"id","name"}, "new": {"id","name"}}
QJsonObject keyCustodyChanged(const QString &oldId, const QString &oldName, const QString &newId,
                              const QString &newName);
// customer.created and customer.renamed: the customer as it is after the change.
QJsonObject customerChanged(const QString &customerId, const QString &name);

// A Platform API key acting (customer.*): the actor is the person the key answers to (its
// creator: an actor is always a person), and the event's key_id is the key that acted, so
// the log tells which script did it and can be filtered by key. Inside the caller's
// write() transaction.
bool recordByKey(QSqlDatabase &db, const QString &partnerId, const QString &keyId, QLatin1StringView action,
                 const QJsonObject &details, qint64 at);

// Appends the event inside the caller's write() transaction, stamped with the next
// change number so GET /v1/audit can page it like keys.
bool record(QSqlDatabase &db, const Event &event, qint64 at);

} // namespace knotie::gateway::audit
