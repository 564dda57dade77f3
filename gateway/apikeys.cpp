#include "gateway/apikeys.h"

#include "gateway/changes.h"
#include "gateway/clock.h"
#include "gateway/store.h"

#include <QJsonValue>
#include <QSqlQuery>

// SHA256_Init and friends: see secretHash().
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <memory>

namespace knotie::gateway::apikeys {

namespace {
const QString selectKeys = QStringLiteral(
    "SELECT k.id, k.partner_id, k.name, k.description, k.type, k.customer_id, k.prefix, k.last4,"
    " k.created_at, k.created_by, cu.name, k.last_used_at, k.expires_at, k.revoked_at, k.revoked_by, ru.name,"
    " k.replaced_by, k.replaces, k.rate_limit_requests, k.rate_limit_seconds, k.change_seq,"
    " cu.removed_at IS NOT NULL, gu.id, gu.name, gu.removed_at IS NOT NULL"
    " FROM api_keys k JOIN users cu ON cu.id = k.created_by LEFT JOIN users ru ON ru.id = k.revoked_by"
    " JOIN users gu ON gu.id = COALESCE(k.custodian_id, k.created_by) ");

std::optional<qint64> optionalInteger(const QVariant &value) {
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

StoredKey keyFrom(const QSqlQuery &q) {
    StoredKey k;
    k.id = q.value(0).toString();
    k.partnerId = q.value(1).toString();
    k.name = q.value(2).toString();
    k.description = q.value(3).toString();
    k.type = keyTypeFromWireName(q.value(4).toString()).value_or(KeyType::ReadOnly);
    k.customerId = q.value(5).toString();
    k.prefix = q.value(6).toString();
    k.last4 = q.value(7).toString();
    k.createdAt = q.value(8).toLongLong();
    k.createdById = q.value(9).toString();
    k.createdByName = q.value(10).toString();
    k.lastUsedAt = optionalInteger(q.value(11));
    k.expiresAt = optionalInteger(q.value(12));
    k.revokedAt = optionalInteger(q.value(13));
    k.revokedById = q.value(14).toString();
    k.revokedByName = q.value(15).toString();
    k.replacedBy = q.value(16).toString();
    k.replaces = q.value(17).toString();
    if (!q.value(18).isNull() && !q.value(19).isNull()) {
        k.rateLimit = RateLimit{q.value(18).toInt(), q.value(19).toInt()};
    }
    k.changeSeq = q.value(20).toLongLong();
    k.createdByRemoved = q.value(21).toBool();
    k.custodian = {q.value(22).toString(), q.value(23).toString(), q.value(24).toBool()};
    return k;
}

QJsonValue timeOrNull(const std::optional<qint64> &t) {
    return t ? QJsonValue(toRfc3339(*t)) : QJsonValue();
}

QJsonValue textOrNull(const QString &text) {
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}
} // namespace

KeyStatus StoredKey::statusAt(qint64 now) const {
    return keyStatusAt(revokedAt.has_value(), expiresAt, !replacedBy.isEmpty(), now);
}

bool expiryReached(const std::optional<qint64> &expiresAt, qint64 now) {
    return expiresAt && *expiresAt <= now;
}

QJsonObject toJson(const StoredKey &key, qint64 now) {
    QJsonValue rateLimit;
    if (key.rateLimit)
        rateLimit = QJsonObject{{QStringLiteral("requests"), key.rateLimit->requests},
                                {QStringLiteral("per_seconds"), key.rateLimit->perSeconds}};
    QJsonValue revokedBy;
    if (!key.revokedById.isEmpty())
        revokedBy =
            QJsonObject{{QStringLiteral("id"), key.revokedById}, {QStringLiteral("name"), key.revokedByName}};
    return QJsonObject{
        {QStringLiteral("id"), key.id},
        {QStringLiteral("name"), key.name},
        {QStringLiteral("description"), textOrNull(key.description)},
        {QStringLiteral("type"), keyTypeWireName(key.type)},
        {QStringLiteral("customer_id"), textOrNull(key.customerId)},
        {QStringLiteral("prefix"), key.prefix},
        {QStringLiteral("last4"), key.last4},
        {QStringLiteral("status"), keyStatusWireName(key.statusAt(now))},
        {QStringLiteral("created_at"), toRfc3339(key.createdAt)},
        {QStringLiteral("created_by"), QJsonObject{{QStringLiteral("id"), key.createdById},
                                                   {QStringLiteral("name"), key.createdByName},
                                                   {QStringLiteral("removed"), key.createdByRemoved}}},
        {QStringLiteral("custodian"), QJsonObject{{QStringLiteral("id"), key.custodian.id},
                                                  {QStringLiteral("name"), key.custodian.name},
                                                  {QStringLiteral("removed"), key.custodian.removed}}},
        {QStringLiteral("last_used_at"), timeOrNull(key.lastUsedAt)},
        {QStringLiteral("expires_at"), timeOrNull(key.expiresAt)},
        {QStringLiteral("revoked_at"), timeOrNull(key.revokedAt)},
        {QStringLiteral("revoked_by"), revokedBy},
        {QStringLiteral("replaced_by"), textOrNull(key.replacedBy)},
        {QStringLiteral("replaces"), textOrNull(key.replaces)},
        {QStringLiteral("rate_limit"), rateLimit},
    };
}

QByteArray secretHash(QByteArrayView secret) {
    // OpenSSL's own SHA-256 (the processor's SHA instructions where it has them), called
    // directly: in OpenSSL 3.0 each EVP_DigestInit_ex allocates, and each next one frees and
    // wipes, the provider's context, and with the provider's calls around them that was more
    // work than hashing a key's 44 bytes. These calls are deprecated, not going away in 3.x.
    SHA256_CTX context;
    QByteArray out(SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    SHA256_Init(&context);
    SHA256_Update(&context, secret.data(), static_cast<size_t>(secret.size()));
    SHA256_Final(reinterpret_cast<unsigned char *>(out.data()), &context);
    OPENSSL_cleanse(&context, sizeof context); // held the secret's last block
    return out;
}

std::optional<StoredKey> find(const QSqlDatabase &db, const QString &partnerId, const QString &id) {
    QSqlQuery q = prepare(db, selectKeys + QStringLiteral("WHERE k.id = ? AND k.partner_id = ?"));
    q.addBindValue(id);
    q.addBindValue(partnerId);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return keyFrom(q);
}

std::optional<StoredKey> findBySecretHash(const QSqlDatabase &db, const QByteArray &hash) {
    QSqlQuery q = prepare(db, selectKeys + QStringLiteral("WHERE k.secret_hash = ?"));
    q.addBindValue(hash);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return keyFrom(q);
}

QList<StoredKey> changedSince(const QSqlDatabase &db, const QString &partnerId, qint64 since, int limit) {
    QSqlQuery q = prepare(db, selectKeys + QStringLiteral("WHERE k.partner_id = ? AND k.change_seq > ?"
                                                          " ORDER BY k.change_seq LIMIT ?"));
    q.addBindValue(partnerId);
    q.addBindValue(since);
    q.addBindValue(limit);
    QList<StoredKey> keys;
    if (!exec(q))
        return keys;
    while (q.next())
        keys.append(keyFrom(q));
    return keys;
}

bool stampExpiries(const Store &store, const QString &partnerId, qint64 now) {
    // A revoked key stays revoked when its expiry passes: no change to show.
    const QString pending =
        QStringLiteral("SELECT id FROM api_keys WHERE partner_id = ? AND expiry_stamped = 0"
                       " AND expires_at IS NOT NULL AND expires_at <= ?"
                       " AND revoked_at IS NULL ORDER BY expires_at, id");
    {
        QSqlQuery q = prepare(store.connection(), pending + QStringLiteral(" LIMIT 1"));
        q.addBindValue(partnerId);
        q.addBindValue(now);
        if (!exec(q))
            return false;
        if (!q.next())
            return true; // the common case: nothing to stamp, no write lock taken
    }
    return store.write([&](QSqlDatabase &db) {
        QSqlQuery q = prepare(db, pending);
        q.addBindValue(partnerId);
        q.addBindValue(now);
        if (!exec(q))
            return false;
        QStringList ids;
        while (q.next())
            ids.append(q.value(0).toString());
        QSqlQuery stamp = prepare(db, QStringLiteral("UPDATE api_keys SET change_seq = ?, expiry_stamped = 1"
                                                     " WHERE id = ?"));
        // One change number each: paging by change number must never split a tie.
        for (const QString &id : std::as_const(ids)) {
            const qint64 sequence = nextChangeSequence(db, partnerId);
            if (sequence == 0)
                return false;
            stamp.addBindValue(sequence);
            stamp.addBindValue(id);
            if (!exec(stamp))
                return false;
        }
        return true;
    });
}

bool customerBelongsTo(const QSqlDatabase &db, const QString &customerId, const QString &partnerId) {
    QSqlQuery q = prepare(db, QStringLiteral("SELECT 1 FROM customers WHERE id = ? AND partner_id = ?"));
    q.addBindValue(customerId);
    q.addBindValue(partnerId);
    return exec(q) && q.next();
}

} // namespace knotie::gateway::apikeys
