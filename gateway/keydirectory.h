#pragma once

#include "gateway/requestcontext.h"
#include "gateway/store.h"

#include <QByteArrayView>
#include <QHash>

#include <atomic>
#include <optional>
#include <shared_mutex>

namespace knotie::gateway {

// Finds the key behind an X-API-Key secret. Rows are cached by the SHA-256 of the
// secret so a verified request costs no database read; validity (revoked, expired) is
// judged on every request against the clock. Whatever changes a key row's revocation,
// expiry, rate limit or replacement (KeyService: revoke, rotate, edit) must call invalidate(keyId)
// after its transaction commits, so the key fails on its very next request.
class KeyDirectory {
public:
    explicit KeyDirectory(Store &store);

    // The key if `secret` is well-formed, has the right checksum, exists, and is neither
    // revoked nor expired at `now`. Shape and checksum are checked before any lookup.
    // When the secret is a revoked or expired key's, that key goes into `refused` (if
    // given): its latest requests show the refusal (API.md v1.1).
    std::optional<KeyPrincipal> authenticate(QByteArrayView secret, qint64 now,
                                             KeyPrincipal *refused = nullptr);

    void invalidate(const QString &keyId);

    // Whether `secret` is a key already read (valid or not): authenticate() would answer it
    // without the database.
    bool isCached(QByteArrayView secret) const;

private:
    struct Entry {
        KeyPrincipal key;
        std::optional<qint64> expiresAt;
        bool revoked = false;
    };
    std::optional<Entry> load(const QByteArray &hash) const;

    Store &m_store;
    mutable std::shared_mutex m_mutex;
    QHash<QByteArray, Entry> m_cache;
    // Bumped by invalidate(): a row read before an invalidation is not cached after it.
    std::atomic<quint64> m_generation{0};
};

} // namespace knotie::gateway
