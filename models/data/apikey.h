#pragma once

#include "models/data/sharedoptional.h"
#include "models/domain/keylimits.h"
#include "models/domain/keystatus.h"
#include "models/domain/keytype.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace knotie {

// Times are whole seconds since the Unix epoch, UTC, as API.md writes them; 0 means "not
// set" (the wire's null). Integers rather than QDateTime keep 100,000 rows cheap to
// parse, store and sort.
using UnixTime = qint64;

struct PersonRef {
    QString id;
    QString name;
    bool operator==(const PersonRef &) const = default;
};

// An API key as the gateway describes it: never its secret.
struct ApiKey {
    // The order keeps the struct free of padding: 100,000 keys are a list of them.
    QString id;
    QString name;
    QString description;
    KeyType type = KeyType::ReadOnly;
    KeyStatus status = KeyStatus::Active;
    QString customerId; // customer keys only
    QString prefix;     // `kn_rk_`
    QString last4;
    UnixTime createdAt = 0;
    PersonRef createdBy;
    UnixTime lastUsedAt = 0;
    UnixTime expiresAt = 0;
    UnixTime revokedAt = 0;
    SharedOptional<PersonRef> revokedBy;
    QString replacedBy; // the successor of a rotated key
    QString replaces;   // the key this one rotated
    // Who answers for the key (API.md v1.1 custody), when not its creator: kept only then,
    // since most keys never change hands. Read it through custodianOf().
    SharedOptional<PersonRef> custodian;
    std::optional<RateLimit> rateLimit;

    // What a person recognises a key by without its secret: `kn_rk_…Ab3d`.
    QString maskedSecret() const;
    // Revoked and expired keys no longer work; the key list hides them by default.
    bool isRetired() const { return status == KeyStatus::Revoked || status == KeyStatus::Expired; }

    bool operator==(const ApiKey &) const = default;
};

// The person answerable for a key: its creator until it is handed to someone else.
inline const PersonRef &custodianOf(const ApiKey &k) {
    return k.custodian ? *k.custodian : k.createdBy;
}

// How every dialog, message and tooltip names a key: `N8N Production (kn_pk_…Ab3d)`. Names
// need not be unique; the last four characters tell two keys of one name apart.
QString keyLabel(const ApiKey &key);

struct Customer {
    QString id;
    QString name;
    UnixTime createdAt = 0;
    bool operator==(const Customer &) const = default;
};

// A member of the partner's team (API.md's `User`).
struct TeamMember {
    QString id;
    QString email;
    QString name;
    QString role;            // wire name: owner, admin, member
    QStringList permissions; // wire names, the effective list
    bool operator==(const TeamMember &) const = default;
};

struct AuditEvent {
    QString id;
    UnixTime at = 0;
    PersonRef actor;
    QString action; // `key.created`, ...
    QString keyId;
    QString details; // compact JSON as the gateway sent it
    bool operator==(const AuditEvent &) const = default;
};

enum class BucketSize { Hour, Day };
QString bucketWireName(BucketSize size);

struct UsageBucket {
    UnixTime start = 0;
    qint64 requests = 0;
    qint64 ok = 0;
    qint64 clientErrors = 0;
    qint64 serverErrors = 0;
    std::optional<int> p95Ms; // none for an empty bucket
    bool operator==(const UsageBucket &) const = default;
};

struct UsageSeries {
    BucketSize bucket = BucketSize::Day;
    QList<UsageBucket> buckets;
};

struct EndpointUsage {
    QString method;
    QString route;
    qint64 requests = 0;
    qint64 errors = 0;
};

// One key's totals and per-bucket counts: the sparkline of the key table.
struct KeyUsage {
    QString keyId;
    qint64 requests = 0;
    qint64 errors = 0;
    QList<qint64> series;
    qint64 rateLimited = 0; // 429 rate_limited answers in the range (API.md v1.1)
};

} // namespace knotie

Q_DECLARE_METATYPE(knotie::ApiKey)
