#include "gateway/keyservice.h"

#include "gateway/audit.h"
#include "gateway/changes.h"
#include "gateway/keydirectory.h"
#include "gateway/portalroute.h"
#include "gateway/store.h"
#include "models/domain/auditactions.h"
#include "models/domain/keyformat.h"

#include <QSqlQuery>

namespace knotie::gateway {

using apikeys::StoredKey;

namespace {

struct NewKeyRow {
    QString id;
    QString partnerId;
    KeyDraft draft;
    QString replaces;
};

// Inserts the key, stamped as a change; returns the secret, shown once and never stored.
// (COALESCE: a null QString binds as SQL NULL, and "no description" is stored as ''.)
std::optional<QByteArray> insertKey(QSqlDatabase &db, const NewKeyRow &row, const Principal &by, qint64 now) {
    const KeyDraft &key = row.draft;
    const QByteArray secret = keyformat::generate(key.type);
    const qint64 sequence = nextChangeSequence(db, row.partnerId);
    if (sequence == 0)
        return std::nullopt;
    QSqlQuery q = prepare(
        db, QStringLiteral("INSERT INTO api_keys (id, partner_id, name, description, type,"
                           " customer_id, prefix, last4, secret_hash, created_at, created_by,"
                           " expires_at, replaces, rate_limit_requests, rate_limit_seconds,"
                           " change_seq, expiry_stamped)"
                           " VALUES (?, ?, ?, COALESCE(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"));
    q.addBindValue(row.id);
    q.addBindValue(row.partnerId);
    q.addBindValue(key.name);
    q.addBindValue(key.description);
    q.addBindValue(keyTypeWireName(key.type));
    q.addBindValue(key.customerId.isEmpty() ? QVariant() : QVariant(key.customerId));
    q.addBindValue(QString::fromLatin1(secret.first(keyformat::prefixLength)));
    q.addBindValue(QString::fromLatin1(secret.last(4)));
    q.addBindValue(apikeys::secretHash(secret));
    q.addBindValue(now);
    q.addBindValue(by.userId);
    q.addBindValue(key.expiresAt ? QVariant(*key.expiresAt) : QVariant());
    q.addBindValue(row.replaces.isEmpty() ? QVariant() : QVariant(row.replaces));
    q.addBindValue(key.rateLimit ? QVariant(key.rateLimit->requests) : QVariant());
    q.addBindValue(key.rateLimit ? QVariant(key.rateLimit->perSeconds) : QVariant());
    q.addBindValue(sequence);
    if (!exec(q))
        return std::nullopt;
    return secret;
}

// A person who may answer for a key: on the partner's team now (not removed).
std::optional<apikeys::KeyPerson> currentMember(QSqlDatabase &db, const QString &partnerId,
                                                const QString &userId) {
    QSqlQuery q = prepare(db, QStringLiteral("SELECT id, name FROM users"
                                             " WHERE id = ? AND partner_id = ? AND removed_at IS NULL"));
    q.addBindValue(userId);
    q.addBindValue(partnerId);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return apikeys::KeyPerson{q.value(0).toString(), q.value(1).toString(), false};
}

bool recordEvent(QSqlDatabase &db, const Principal &by, QLatin1StringView action, const QString &keyId,
                 const QJsonObject &details, qint64 now) {
    return audit::record(db, audit::Event{by.partnerId, by.userId, by.name, QString(action), keyId, details},
                         now);
}

} // namespace

KeyService::KeyService(Store &store, KeyDirectory &directory)
    : m_store(store)
    , m_directory(directory) {}

std::optional<StoredKey> KeyService::find(const QString &partnerId, const QString &keyId) const {
    return apikeys::find(m_store.connection(), partnerId, keyId);
}

KeyResult<IssuedKey> KeyService::create(const Principal &by, const KeyDraft &draft, qint64 now) {
    const NewKeyRow row{newId(QLatin1StringView("key")), by.partnerId, draft, QString()};
    std::optional<QByteArray> secret;
    const Store::WriteResult saved = m_store.write([&](QSqlDatabase &db) {
        secret = insertKey(db, row, by, now);
        return secret && recordEvent(db, by, auditaction::keyCreated, row.id,
                                     audit::keyCreated(draft.name, keyTypeWireName(draft.type)), now);
    });
    if (saved.busy())
        return KeyRefusal::Busy;
    const auto stored = saved ? find(by.partnerId, row.id) : std::nullopt;
    if (!stored)
        return KeyRefusal::Storage;
    return IssuedKey{*stored, *secret, std::nullopt};
}

KeyResult<StoredKey> KeyService::edit(const Principal &by, const QString &keyId, const KeyEdit &edit,
                                      qint64 now) {
    std::optional<KeyRefusal> refusal;
    bool limitsChanged = false;
    const Store::WriteResult saved = m_store.write([&](QSqlDatabase &db) {
        // Read under the write lock: a PATCH that raced this one has committed already, and
        // only the fields this one names replace what it left.
        const auto current = apikeys::find(db, by.partnerId, keyId);
        if (!current) {
            refusal = KeyRefusal::NotFound;
            return false;
        }
        // A rotated, revoked or expired key keeps the limits it ended with (API.md v1.1).
        if (edit.changesLimits() && current->statusAt(now) != KeyStatus::Active) {
            refusal = KeyRefusal::NotActive;
            return false;
        }
        const QString name = edit.name.value_or(current->name);
        const QString description = edit.description.value_or(current->description);
        const std::optional<RateLimit> rateLimit = edit.rateLimit.value_or(current->rateLimit);
        const std::optional<qint64> expiresAt = edit.expiresAt.value_or(current->expiresAt);
        const bool renamed = name != current->name || description != current->description;
        const bool rateLimitChanged = rateLimit != current->rateLimit;
        const bool expiryChanged = expiresAt != current->expiresAt;
        limitsChanged = rateLimitChanged || expiryChanged;
        std::optional<apikeys::KeyPerson> custodian;
        if (edit.custodianId && *edit.custodianId != current->custodian.id) {
            if (current->statusAt(now) != KeyStatus::Active) {
                refusal = KeyRefusal::NotActive;
                return false;
            }
            custodian = currentMember(db, by.partnerId, *edit.custodianId);
            if (!custodian) {
                refusal = KeyRefusal::InvalidCustodian;
                return false;
            }
        }
        if (!renamed && !limitsChanged && !custodian)
            return true;
        const qint64 sequence = nextChangeSequence(db, by.partnerId);
        QSqlQuery q =
            prepare(db, QStringLiteral("UPDATE api_keys SET name = ?, description = COALESCE(?, ''),"
                                       " rate_limit_requests = ?, rate_limit_seconds = ?,"
                                       " expires_at = ?, custodian_id = COALESCE(?, custodian_id),"
                                       " change_seq = ?, expiry_stamped = ? WHERE id = ?"));
        q.addBindValue(name);
        q.addBindValue(description);
        q.addBindValue(rateLimit ? QVariant(rateLimit->requests) : QVariant());
        q.addBindValue(rateLimit ? QVariant(rateLimit->perSeconds) : QVariant());
        q.addBindValue(expiresAt ? QVariant(*expiresAt) : QVariant());
        q.addBindValue(custodian ? QVariant(custodian->id) : QVariant());
        q.addBindValue(sequence);
        q.addBindValue(apikeys::expiryReached(expiresAt, now) ? 1 : 0);
        q.addBindValue(current->id);
        if (sequence == 0 || !exec(q))
            return false;
        if (limitsChanged)
            noteKeyChanged(by.partnerId, current->id);
        if (renamed && !recordEvent(db, by, auditaction::keyRenamed, current->id,
                                    audit::keyRenamed(name != current->name ? current->name : QString(), name,
                                                      description != current->description),
                                    now))
            return false;
        if (limitsChanged &&
            !recordEvent(db, by, auditaction::keyLimitsChanged, current->id,
                         audit::keyLimitsChanged(
                             rateLimitChanged ? std::make_optional(std::pair(current->rateLimit, rateLimit))
                                              : std::nullopt,
                             expiryChanged ? std::make_optional(std::pair(current->expiresAt, expiresAt))
                                           : std::nullopt),
                         now))
            return false;
        return !custodian ||
               recordEvent(db, by, auditaction::keyCustodyChanged, current->id,
                           audit::keyCustodyChanged(current->custodian.id, current->custodian.name,
                                                    custodian->id, custodian->name),
                           now);
    });
    if (refusal)
        return *refusal;
    if (saved.busy())
        return KeyRefusal::Busy;
    // The new limit or expiry must hold on the key's very next request, even one whose
    // verification is cached (KeyDirectory), and the rate limiter reads the limit from there.
    if (saved && limitsChanged)
        m_directory.refresh(keyId);
    const auto stored = saved ? find(by.partnerId, keyId) : std::nullopt;
    if (!stored)
        return KeyRefusal::Storage;
    return *stored;
}

KeyResult<IssuedKey> KeyService::rotate(const Principal &by, const QString &keyId, qint64 graceSeconds,
                                        std::optional<qint64> expiresAt, qint64 now) {
    std::optional<KeyRefusal> refusal;
    std::optional<QByteArray> secret;
    const QString successorId = newId(QLatin1StringView("key"));
    const Store::WriteResult saved = m_store.write([&](QSqlDatabase &db) {
        // The state is read under the write lock: two rotations of one key at once must not
        // both succeed.
        const auto current = apikeys::find(db, by.partnerId, keyId);
        if (!current) {
            refusal = KeyRefusal::NotFound;
            return false;
        }
        const KeyStatus status = current->statusAt(now);
        if (!mayRotate(status)) {
            refusal = status == KeyStatus::Revoked ? KeyRefusal::Revoked : KeyRefusal::NotActive;
            return false;
        }
        const NewKeyRow successor{successorId, by.partnerId,
                                  KeyDraft{current->name, current->description, current->type,
                                           current->customerId, expiresAt, current->rateLimit},
                                  current->id};
        secret = insertKey(db, successor, by, now);
        if (!secret)
            return false;
        const qint64 graceEnd = now + graceSeconds;
        const qint64 previousExpiry = current->expiresAt ? qMin(*current->expiresAt, graceEnd) : graceEnd;
        const qint64 sequence = nextChangeSequence(db, by.partnerId);
        QSqlQuery q = prepare(db, QStringLiteral("UPDATE api_keys SET replaced_by = ?, expires_at = ?,"
                                                 " change_seq = ?, expiry_stamped = ? WHERE id = ?"));
        q.addBindValue(successorId);
        q.addBindValue(previousExpiry);
        q.addBindValue(sequence);
        q.addBindValue(apikeys::expiryReached(previousExpiry, now) ? 1 : 0);
        q.addBindValue(current->id);
        noteKeyChanged(by.partnerId, current->id);
        return sequence != 0 && exec(q) &&
               recordEvent(db, by, auditaction::keyRotated, current->id,
                           audit::keyRotated(successorId, graceSeconds, previousExpiry), now);
    });
    if (refusal)
        return *refusal;
    if (saved.busy())
        return KeyRefusal::Busy;
    if (!saved)
        return KeyRefusal::Storage;
    // The previous key now ends with its grace period: its next request must see that.
    m_directory.refresh(keyId);
    const auto created = find(by.partnerId, successorId);
    const auto previous = find(by.partnerId, keyId);
    if (!created || !previous)
        return KeyRefusal::Storage;
    return IssuedKey{*created, *secret, previous};
}

KeyResult<StoredKey> KeyService::revoke(const Principal &by, const QString &keyId, qint64 now) {
    bool found = false;
    const Store::WriteResult saved = m_store.write([&](QSqlDatabase &db) {
        const auto current = apikeys::find(db, by.partnerId, keyId);
        if (!current)
            return false;
        found = true;
        if (current->revokedAt)
            return true;
        const qint64 sequence = nextChangeSequence(db, by.partnerId);
        // A revoked key has no time-based change left to show: it leaves the
        // pending-expiry index for good.
        QSqlQuery q = prepare(db, QStringLiteral("UPDATE api_keys SET revoked_at = ?, revoked_by = ?,"
                                                 " change_seq = ?, expiry_stamped = 1 WHERE id = ?"));
        q.addBindValue(now);
        q.addBindValue(by.userId);
        q.addBindValue(sequence);
        q.addBindValue(current->id);
        noteKeyChanged(by.partnerId, current->id);
        return sequence != 0 && exec(q) &&
               recordEvent(db, by, auditaction::keyRevoked, current->id, audit::keyRevoked(current->name),
                           now);
    });
    if (saved.busy())
        return KeyRefusal::Busy;
    if (!found && !saved)
        return find(by.partnerId, keyId) ? KeyRefusal::Storage : KeyRefusal::NotFound;
    // The key must fail on its very next request, even one already cached as valid.
    if (saved)
        m_directory.refresh(keyId);
    const auto stored = saved ? find(by.partnerId, keyId) : std::nullopt;
    if (!stored)
        return KeyRefusal::Storage;
    return *stored;
}

} // namespace knotie::gateway
