#include "gateway/keydirectory.h"

#include "gateway/apikeys.h"

#include "models/domain/keyformat.h"

#include <QSqlQuery>

#include <openssl/evp.h>

#include <mutex>

namespace knotie::gateway {

KeyDirectory::KeyDirectory(Store &store)
    : m_store(store) {}

std::optional<KeyPrincipal> KeyDirectory::authenticate(QByteArrayView secret, qint64 now,
                                                       KeyPrincipal *refused) {
    if (keyformat::verify(secret) != keyformat::Verdict::Ok)
        return std::nullopt;
    const QByteArray hash = apikeys::secretHash(secret);
    std::optional<Entry> entry;
    {
        std::shared_lock lock(m_mutex);
        const auto it = m_cache.constFind(hash);
        if (it != m_cache.constEnd())
            entry = *it;
    }
    if (!entry) {
        const quint64 generation = m_generation.load();
        entry = load(hash);
        if (!entry)
            return std::nullopt;
        std::unique_lock lock(m_mutex);
        if (generation == m_generation.load())
            m_cache.insert(hash, *entry);
    }
    if (entry->revoked || (entry->expiresAt && *entry->expiresAt <= now)) {
        if (refused)
            *refused = entry->key;
        return std::nullopt;
    }
    return entry->key;
}

bool KeyDirectory::isCached(QByteArrayView secret) const {
    if (keyformat::verify(secret) != keyformat::Verdict::Ok)
        return true; // refused on its shape alone
    const QByteArray hash = apikeys::secretHash(secret);
    std::shared_lock lock(m_mutex);
    return m_cache.contains(hash);
}

void KeyDirectory::invalidate(const QString &keyId) {
    std::unique_lock lock(m_mutex);
    ++m_generation;
    m_cache.removeIf([&](const auto &it) { return it.value().key.keyId == keyId; });
}

std::optional<KeyDirectory::Entry> KeyDirectory::load(const QByteArray &hash) const {
    QSqlQuery q = prepare(m_store.connection(),
                          QStringLiteral("SELECT id, partner_id, type, customer_id, expires_at, revoked_at,"
                                         " rate_limit_requests, rate_limit_seconds"
                                         " FROM api_keys WHERE secret_hash = ?"));
    q.addBindValue(hash);
    if (!exec(q) || !q.next())
        return std::nullopt;
    const auto type = keyTypeFromWireName(q.value(2).toString());
    if (!type)
        return std::nullopt;
    Entry e;
    e.key.keyId = q.value(0).toString();
    e.key.partnerId = q.value(1).toString();
    e.key.type = *type;
    e.key.customerId = q.value(3).toString();
    if (!q.value(4).isNull())
        e.expiresAt = q.value(4).toLongLong();
    e.key.expiresAt = e.expiresAt;
    e.revoked = !q.value(5).isNull();
    if (!q.value(6).isNull() && !q.value(7).isNull())
        e.key.rateLimit = RateLimit{q.value(6).toInt(), q.value(7).toInt()};
    return e;
}

} // namespace knotie::gateway
