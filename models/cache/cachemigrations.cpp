#include "models/cache/cachemigrations.h"

namespace knotie {

const QList<QStringList> &cacheMigrations() {
    static const QList<QStringList> all{
        // 1: keys (never secrets), customers, team, audit, usage buckets, sync cursors.
        {
            QStringLiteral("CREATE TABLE keys ("
                           " id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL,"
                           " type TEXT NOT NULL, customer_id TEXT, prefix TEXT NOT NULL, last4 TEXT NOT NULL,"
                           " status TEXT NOT NULL, created_at INTEGER NOT NULL,"
                           " created_by_id TEXT NOT NULL, created_by_name TEXT NOT NULL,"
                           " last_used_at INTEGER, expires_at INTEGER, revoked_at INTEGER,"
                           " revoked_by_id TEXT, revoked_by_name TEXT, replaced_by TEXT, replaces TEXT,"
                           " rate_limit_requests INTEGER, rate_limit_seconds INTEGER)"),
            QStringLiteral("CREATE TABLE customers (id TEXT PRIMARY KEY, name TEXT NOT NULL,"
                           " created_at INTEGER)"),
            QStringLiteral("CREATE TABLE team (id TEXT PRIMARY KEY, email TEXT NOT NULL, name TEXT NOT NULL,"
                           " role TEXT NOT NULL, permissions TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE audit_events (id TEXT PRIMARY KEY, at INTEGER NOT NULL,"
                           " actor_id TEXT, actor_name TEXT, action TEXT NOT NULL, key_id TEXT,"
                           " details TEXT)"),
            QStringLiteral("CREATE INDEX audit_events_by_time ON audit_events(at)"),
            // `scope` names what the series is about: `all`, `key:<id>`, `customer:<id>`.
            QStringLiteral("CREATE TABLE usage_buckets (scope TEXT NOT NULL, bucket TEXT NOT NULL,"
                           " start INTEGER NOT NULL, requests INTEGER NOT NULL, ok INTEGER NOT NULL,"
                           " client_errors INTEGER NOT NULL, server_errors INTEGER NOT NULL, p95_ms INTEGER,"
                           " PRIMARY KEY (scope, bucket, start)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE sync_state (name TEXT PRIMARY KEY, cursor TEXT,"
                           " synced_at INTEGER)"),
        },
        // 2: the newest keys without sorting them all: the first screenful of a large account.
        {
            QStringLiteral("CREATE INDEX keys_by_created ON keys(created_at, id)"),
        },
        // 3: the cache becomes the charts' source: which buckets are final (older ones are
        // not known to be, so they are fetched once more), and the last answer of each usage
        // detail call for the tables beside the chart.
        {
            QStringLiteral("ALTER TABLE usage_buckets ADD COLUMN settled INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE TABLE usage_answers (slot TEXT PRIMARY KEY, range_from INTEGER NOT NULL,"
                           " range_to INTEGER NOT NULL, fetched_at INTEGER NOT NULL, body TEXT NOT NULL)"
                           " WITHOUT ROWID"),
        },
        // 4: who answers for a key, when not its creator (API.md v1.1 custody).
        {
            QStringLiteral("ALTER TABLE keys ADD COLUMN custodian_id TEXT"),
            QStringLiteral("ALTER TABLE keys ADD COLUMN custodian_name TEXT"),
        },
    };
    return all;
}

} // namespace knotie
