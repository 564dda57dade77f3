#pragma once

#include "models/domain/keylimits.h"
#include "models/domain/keystatus.h"
#include "models/domain/keytype.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace knotie::gateway {
class Store;
}

namespace knotie::gateway::apikeys {

// A person a key names (its custodian), as the ApiKey object shows them.
struct KeyPerson {
    QString id;
    QString name;
    bool removed = false; // removed from the team since (DELETE /v1/team/{id})
};

struct StoredKey {
    QString id;
    QString partnerId;
    QString name;
    QString description; // empty: none
    KeyType type = KeyType::ReadOnly;
    QString customerId;
    QString prefix;
    QString last4;
    qint64 createdAt = 0;
    QString createdById;
    QString createdByName;
    bool createdByRemoved = false; // removed from the team since (DELETE /v1/team/{id})
    KeyPerson custodian;           // who answers for the key: its creator until handed over
    std::optional<qint64> lastUsedAt;
    std::optional<qint64> expiresAt;
    std::optional<qint64> revokedAt;
    QString revokedById;
    QString revokedByName;
    QString replacedBy;
    QString replaces;
    std::optional<RateLimit> rateLimit;
    qint64 changeSeq = 0;

    // Derived from the stored times whenever it is read (models/domain/keystatus.h).
    KeyStatus statusAt(qint64 now) const;
};

// The ApiKey object of API.md; every optional field present, null when unset.
QJsonObject toJson(const StoredKey &key, qint64 now);

// Only the SHA-256 of a secret is ever stored or compared.
QByteArray secretHash(QByteArrayView secret);

// A key of this partner; another partner's id is as unknown as one that does not exist.
std::optional<StoredKey> find(const QSqlDatabase &db, const QString &partnerId, const QString &id);
std::optional<StoredKey> findBySecretHash(const QSqlDatabase &db, const QByteArray &hash);
// Whether the customer exists and belongs to this partner (a customer key's owner).
bool customerBelongsTo(const QSqlDatabase &db, const QString &customerId, const QString &partnerId);
// Keys whose change number is after `since`, oldest change first, at most `limit`.
QList<StoredKey> changedSince(const QSqlDatabase &db, const QString &partnerId, qint64 since, int limit);

// A key that reaches its expires_at changes status without any write. This gives each
// such key, once, a change number of its own (at the first read after the moment), so a
// sync returns it exactly once. Returns false only on a database failure.
bool stampExpiries(const Store &store, const QString &partnerId, qint64 now);

// The expiry_stamped value a write must store with a key: whether its expiry is already
// behind `now`, so the write's own change number covers it.
bool expiryReached(const std::optional<qint64> &expiresAt, qint64 now);

} // namespace knotie::gateway::apikeys
