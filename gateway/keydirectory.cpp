#include "gateway/keydirectory.h"

#include "gateway/apikeys.h"

#include "models/domain/keyformat.h"

#include <QSqlQuery>

#include <openssl/evp.h>

#include <mutex>

namespace knotie::gateway {

KeyDirectory::KeyDirectory(Store &store)
    : m_store(store) {}

KeyDirectory::Lookup KeyDirectory::lookup(QByteArrayView secret) {
    if (keyformat::verify(secret) != keyformat::Verdict::Ok)
        return {};
    return {.wellFormed = true, .hash = apikeys::secretHash(secret), .cached = std::nullopt};
}

std::optional<KeyPrincipal> KeyDirectory::authenticate(Lookup secret, qint64 now, KeyPrincipal *refused) {
    if (!secret.wellFormed)
        return std::nullopt;
    const QByteArray &hash = secret.hash;
    std::optional<Row> row = std::move(secret.cached);
    if (!row) {
        std::shared_lock lock(m_mutex);
        const auto it = m_cache.constFind(hash);
        if (it != m_cache.constEnd())
            row = it->row;
    }
    if (!row) {
        const quint64 version = m_version.load();
        row = load(QStringLiteral("secret_hash"), hash);
        if (!row)
            return std::nullopt;
        row = store(*row, version, false);
    }
    if (row->revoked || (row->expiresAt && *row->expiresAt <= now)) {
        if (refused)
            *refused = std::move(row->key);
        return std::nullopt;
    }
    return std::move(row->key);
}

bool KeyDirectory::findCached(Lookup &secret) const {
    if (!secret.wellFormed)
        return true; // refused on its shape alone
    std::shared_lock lock(m_mutex);
    const auto it = m_cache.constFind(secret.hash);
    if (it == m_cache.constEnd())
        return false;
    secret.cached = it->row;
    return true;
}

void KeyDirectory::refresh(const QString &keyId) {
    const quint64 version = beginChange();
    if (const auto row = load(QStringLiteral("id"), keyId))
        apply(*row, version);
}

quint64 KeyDirectory::beginChange() {
    return ++m_version;
}

void KeyDirectory::apply(const Row &row, quint64 version) {
    store(row, version, true);
}

void KeyDirectory::refreshAll() {
    QList<QByteArray> hashes;
    {
        std::shared_lock lock(m_mutex);
        hashes = m_cache.keys();
    }
    const quint64 version = beginChange();
    for (const QByteArray &hash : std::as_const(hashes))
        if (const auto row = load(QStringLiteral("secret_hash"), hash))
            apply(*row, version);
}

KeyDirectory::Row KeyDirectory::store(const Row &row, quint64 version, bool authoritative) {
    std::unique_lock lock(m_mutex);
    auto it = m_cache.find(row.secretHash);
    if (it == m_cache.end()) {
        m_cache.insert(row.secretHash, Entry{row, version});
        return row;
    }
    if (it->version > version || (it->version == version && !authoritative))
        return it->row; // a change applied since this row was read
    const bool wasRevoked = it->row.revoked;
    *it = Entry{row, version};
    it->row.revoked = it->row.revoked || wasRevoked;
    return it->row;
}

QString KeyDirectory::rowColumns(const QString &table) {
    const QString t = table.isEmpty() ? QString() : table + QLatin1Char('.');
    return QStringLiteral(
               "%1secret_hash, %1id, %1partner_id, %1type, %1customer_id, %1expires_at, %1revoked_at,"
               " %1rate_limit_requests, %1rate_limit_seconds")
        .arg(t);
}

std::optional<KeyDirectory::Row> KeyDirectory::rowAt(const QSqlQuery &q, int first) {
    if (q.value(first + 1).isNull())
        return std::nullopt;
    const auto type = keyTypeFromWireName(q.value(first + 3).toString());
    if (!type)
        return std::nullopt;
    Row r;
    r.secretHash = q.value(first).toByteArray();
    r.key.keyId = q.value(first + 1).toString();
    r.key.partnerId = q.value(first + 2).toString();
    r.key.type = *type;
    r.key.customerId = q.value(first + 4).toString();
    if (!q.value(first + 5).isNull())
        r.expiresAt = q.value(first + 5).toLongLong();
    r.key.expiresAt = r.expiresAt;
    r.revoked = !q.value(first + 6).isNull();
    if (!q.value(first + 7).isNull() && !q.value(first + 8).isNull())
        r.key.rateLimit = RateLimit{q.value(first + 7).toInt(), q.value(first + 8).toInt()};
    return r;
}

std::optional<KeyDirectory::Row> KeyDirectory::load(const QString &where, const QVariant &value) const {
    QSqlQuery q = prepare(m_store.connection(),
                          QStringLiteral("SELECT %1 FROM api_keys WHERE %2 = ?").arg(rowColumns(), where));
    q.addBindValue(value);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return rowAt(q, 0);
}

} // namespace knotie::gateway
