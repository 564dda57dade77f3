#pragma once

#include "gateway/sqldialect.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace knotie::gateway {

// The partner-wide sequence of changes that sync cursors point into. Every write that
// changes what GET /v1/keys (or /v1/audit) returns stamps the row with the next value,
// inside the same BEGIN IMMEDIATE transaction, so numbers are unique and ordered.
// It also notes `partnerId` as changed by the calling thread's open transaction, which
// Store::write announces once it commits (gateway/changewaits.h wakes the waiters).
// Returns 0 on failure.
qint64 nextChangeSequence(QSqlDatabase &db, const QString &partnerId);

// Notes that the calling thread's open transaction changed a key row that verification
// caches (gateway/keydirectory.h): revocation, expiry, rate limit, replacement. Every
// instance re-reads the row once the change is in the change log.
void noteKeyChanged(const QString &partnerId, const QString &keyId);

// What the calling thread's open write transaction changed so far.
struct NotedChanges {
    QSet<QString> partners;
    QHash<QString, QString> keys; // key id → its partner
    bool isEmpty() const { return partners.isEmpty() && keys.isEmpty(); }
};

// The changes noted by the calling thread since the last call; Store::write takes them
// when its transaction ends (announcing them only if it committed).
NotedChanges takeNotedChanges();

// The change log (issue #17, docs/architecture.md "Key changes across instances"): one
// row per partner and changed key of each write, in the write's own transaction, with a
// position that grows in commit order (writers run one at a time under the write lock).
// Other instances follow it (gateway/changefollower.h) to keep their verification cache
// and change waits true.
namespace changelog {

// The PostgreSQL notification channel every committed write with changes notifies.
inline constexpr char channel[] = "knotie_changes";
// Entries older than this are pruned: a follower is never that far behind while
// connected, and one that reconnects later re-reads what it caches.
inline constexpr qint64 retentionSeconds = 3600;

// Appends the calling thread's noted changes (without taking them) to the log, written
// by `origin` (Store::instanceId), and on PostgreSQL notifies `channel`, both inside the
// open write transaction. Now and then prunes entries past the retention.
bool append(QSqlDatabase &db, DatabaseLocation::Engine engine, const QString &origin, qint64 now);

} // namespace changelog

} // namespace knotie::gateway
