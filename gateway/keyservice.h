#pragma once

#include "gateway/apikeys.h"
#include "gateway/requestcontext.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <variant>

namespace knotie::gateway {

class KeyDirectory;
class Store;

// Why a key change was refused; the routes turn each into API.md's answer.
enum class KeyRefusal {
    NotFound,         // no such key in the caller's partner
    Revoked,          // rotate: a revoked key cannot be rotated
    NotActive,        // rotate, a limit or custody change: only an active key (models/domain/keystatus.h)
    InvalidCustodian, // the new custodian is not a current member of the key's team
    Busy,             // another writer held the database too long: try again
    Storage,          // the database failed
};

template <typename T> using KeyResult = std::variant<T, KeyRefusal>;

// What a new key is made of (POST /v1/keys), checked already.
struct KeyDraft {
    QString name;
    QString description;
    KeyType type = KeyType::ReadOnly;
    QString customerId; // customer keys only
    std::optional<qint64> expiresAt;
    std::optional<RateLimit> rateLimit;
};

// The fields one PATCH sets; absent ones keep what the key holds when the change is made.
struct KeyEdit {
    std::optional<QString> name;
    std::optional<QString> description;
    // Version 1.1, an active key's only. Absent: unchanged; present but empty: none.
    std::optional<std::optional<RateLimit>> rateLimit;
    std::optional<std::optional<qint64>> expiresAt;

    bool changesLimits() const { return rateLimit.has_value() || expiresAt.has_value(); }
    std::optional<QString> custodianId; // a current team member's user id
};

// A key just made: its secret is shown once and never stored.
struct IssuedKey {
    apikeys::StoredKey key;
    QByteArray secret;
    std::optional<apikeys::StoredKey> previous; // rotate: the key it replaces, now expiring
};

// The one place that changes a key: each operation reads the key again inside its write
// transaction (so concurrent changes of one key serialise instead of overwriting each
// other), records its audit event and its change log entry in the same transaction
// (gateway/changes.h: every instance follows the log), and refreshes this instance's
// verification cache once committed, so the change holds on the key's very next request.
// Storage goes through Store::write and portable SQL only: no SQLite specifics here.
class KeyService {
public:
    KeyService(Store &store, KeyDirectory &directory);

    std::optional<apikeys::StoredKey> find(const QString &partnerId, const QString &keyId) const;

    KeyResult<IssuedKey> create(const Principal &by, const KeyDraft &draft, qint64 now);
    KeyResult<apikeys::StoredKey> edit(const Principal &by, const QString &keyId, const KeyEdit &edit,
                                       qint64 now);
    // The successor keeps name, description, type, customer and rate limit; its expiry is
    // `expiresAt`. The predecessor ends `graceSeconds` from now (or at its own expiry).
    KeyResult<IssuedKey> rotate(const Principal &by, const QString &keyId, qint64 graceSeconds,
                                std::optional<qint64> expiresAt, qint64 now);
    // Revoking twice changes nothing: no new change number, no second event.
    KeyResult<apikeys::StoredKey> revoke(const Principal &by, const QString &keyId, qint64 now);

private:
    Store &m_store;
    KeyDirectory &m_directory;
};

} // namespace knotie::gateway
