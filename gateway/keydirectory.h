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
// judged on every request against the clock.
//
// A change of a cached row (KeyService: revoke, rotate, edit) is applied, never just
// evicted: the row is read again after its commit and replaces the cached one with a
// newer version, on this instance at once (refresh) and on every other through the
// change log (gateway/changefollower.h: beginChange, then apply). A read begun before a
// change carries an older version and cannot replace what the change put there, and a
// revoked row stays revoked here for good (revocation is final), so once this instance
// has refused a key for its revocation it never accepts it again.
class KeyDirectory {
public:
    explicit KeyDirectory(Store &store);

    // The key if `secret` is well-formed, has the right checksum, exists, and is neither
    // revoked nor expired at `now`. Shape and checksum are checked before any lookup.
    // When the secret is a revoked or expired key's, that key goes into `refused` (if
    // given): its latest requests show the refusal (API.md v1.1).
    std::optional<KeyPrincipal> authenticate(QByteArrayView secret, qint64 now,
                                             KeyPrincipal *refused = nullptr) {
        return authenticate(lookup(secret), now, refused);
    }

    // A key row as read from the database, for apply().
    struct Row {
        QByteArray secretHash;
        KeyPrincipal key;
        std::optional<qint64> expiresAt;
        bool revoked = false;
    };

    // A secret's shape check and hash, worked out once for findCached() and authenticate()
    // both: they were a tenth of the gateway's work on a whoami when each did them.
    struct Lookup {
        bool wellFormed = false;
        QByteArray hash;           // of a well-formed secret
        std::optional<Row> cached; // what findCached() found, for authenticate()
    };
    static Lookup lookup(QByteArrayView secret);
    // Takes the lookup's strings rather than copying them: a string's count of owners is
    // shared by every serving thread, so each copy and release is a cache line they pass around.
    std::optional<KeyPrincipal> authenticate(Lookup secret, qint64 now, KeyPrincipal *refused = nullptr);

    // After a commit that changed the key's row: reads it again and applies it.
    void refresh(const QString &keyId);

    // The columns, in order, that rowAt() reads (after `firstColumn` others).
    static QString rowColumns(const QString &table = {});
    static std::optional<Row> rowAt(const QSqlQuery &query, int firstColumn);

    // Another instance's changes: take a version before reading the changed rows, then
    // apply each row read with it.
    quint64 beginChange();
    void apply(const Row &row, quint64 version);
    // Reads every cached key again (a follower that cannot tell what it missed).
    void refreshAll();

    // Whether `secret` is a key already read (valid or not), which it then keeps in `secret`:
    // authenticate() answers it without the database or a second look.
    bool findCached(Lookup &secret) const;

private:
    struct Entry {
        Row row;
        quint64 version = 0; // the directory's version when the row was read
    };
    std::optional<Row> load(const QString &where, const QVariant &value) const;
    // Stores `row` read at `version` unless a newer one is there (`authoritative`: a
    // change's own read, which wins a tie); returns what the directory now holds.
    Row store(const Row &row, quint64 version, bool authoritative);

    Store &m_store;
    mutable std::shared_mutex m_mutex;
    QHash<QByteArray, Entry> m_cache;
    // Bumped by each change before its rows are read again.
    std::atomic<quint64> m_version{0};
};

} // namespace knotie::gateway
