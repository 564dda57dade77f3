#include "gateway/audit.h"

#include "gateway/changes.h"
#include "gateway/clock.h"
#include "gateway/portalroute.h"
#include "gateway/store.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace knotie::gateway::audit {

QJsonObject keyCreated(const QString &name, const QString &typeWireName) {
    return {{QStringLiteral("name"), name}, {QStringLiteral("type"), typeWireName}};
}

QJsonObject keyRenamed(const QString &nameBefore, const QString &name, bool descriptionChanged) {
    QJsonObject details;
    if (!nameBefore.isEmpty()) {
        details.insert(QStringLiteral("name_before"), nameBefore);
        details.insert(QStringLiteral("name"), name);
    }
    if (descriptionChanged)
        details.insert(QStringLiteral("description_changed"), true);
    return details;
}

QJsonObject keyRotated(const QString &successorId, qint64 graceSeconds, qint64 previousExpiresAt) {
    return {{QStringLiteral("replaced_by"), successorId},
            {QStringLiteral("grace_seconds"), graceSeconds},
            {QStringLiteral("previous_expires_at"), toRfc3339(previousExpiresAt)}};
}

QJsonObject keyRevoked(const QString &name) {
    return {{QStringLiteral("name"), name}};
}

namespace {
QJsonValue rateLimitJson(const std::optional<RateLimit> &limit) {
    if (!limit)
        return QJsonValue();
    return QJsonObject{{QStringLiteral("requests"), limit->requests},
                       {QStringLiteral("per_seconds"), limit->perSeconds}};
}

QJsonValue timeJson(const std::optional<qint64> &at) {
    return at ? QJsonValue(toRfc3339(*at)) : QJsonValue();
}
} // namespace

QJsonObject keyLimitsChanged(
    const std::optional<std::pair<std::optional<RateLimit>, std::optional<RateLimit>>> &rateLimit,
    const std::optional<std::pair<std::optional<qint64>, std::optional<qint64>>> &expiresAt) {
    QJsonObject details;
    if (rateLimit)
        details.insert(QStringLiteral("rate_limit"),
                       QJsonObject{{QStringLiteral("old"), rateLimitJson(rateLimit->first)},
                                   {QStringLiteral("new"), rateLimitJson(rateLimit->second)}});
    if (expiresAt)
        details.insert(QStringLiteral("expires_at"),
                       QJsonObject{{QStringLiteral("old"), timeJson(expiresAt->first)},
                                   {QStringLiteral("new"), timeJson(expiresAt->second)}});
    return details;
}

QJsonObject keyCustodyChanged(const QString &oldId, const QString &oldName, const QString &newId,
                              const QString &newName) {
    return {{QStringLiteral("old"),
             QJsonObject{{QStringLiteral("id"), oldId}, {QStringLiteral("name"), oldName}}},
            {QStringLiteral("new"),
             QJsonObject{{QStringLiteral("id"), newId}, {QStringLiteral("name"), newName}}}};
}

QJsonObject customerChanged(const QString &customerId, const QString &name) {
    return {{QStringLiteral("customer"),
             QJsonObject{{QStringLiteral("id"), customerId}, {QStringLiteral("name"), name}}}};
}

bool recordByKey(QSqlDatabase &db, const QString &partnerId, const QString &keyId, QLatin1StringView action,
                 const QJsonObject &details, qint64 at) {
    QSqlQuery q =
        prepare(db, QStringLiteral("SELECT u.id, u.name FROM api_keys k JOIN users u ON u.id = k.created_by"
                                   " WHERE k.id = ?"));
    q.addBindValue(keyId);
    if (!exec(q) || !q.next())
        return false;
    const QString personId = q.value(0).toString();
    const QString personName = q.value(1).toString();
    q.finish();
    return record(db, Event{partnerId, personId, personName, QString(action), keyId, details}, at);
}

bool record(QSqlDatabase &db, const Event &event, qint64 at) {
    const qint64 sequence = nextChangeSequence(db, event.partnerId);
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
