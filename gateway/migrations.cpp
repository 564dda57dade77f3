#include "gateway/migrations.h"

#include "gateway/usagepartitions.h"

namespace knotie::gateway {

const QList<QStringList> &migrations() {
    // Times are seconds since the Unix epoch (UTC). Secrets and session tokens are
    // stored only as SHA-256 hashes; passwords only as slow salted hashes.
    static const QList<QStringList> all{
        // 1: accounts, people and sign-in
        {
            QStringLiteral(
                "CREATE TABLE partners ("
                " id TEXT PRIMARY KEY, name TEXT NOT NULL, credit_balance INTEGER NOT NULL DEFAULT 0,"
                " created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE users ("
                           " id TEXT PRIMARY KEY, partner_id TEXT NOT NULL REFERENCES partners(id),"
                           " email TEXT NOT NULL, email_key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
                           " role TEXT NOT NULL CHECK (role IN ('owner','admin','member')),"
                           " granted TEXT NOT NULL DEFAULT '', password_hash TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL)"),
            QStringLiteral(
                "CREATE UNIQUE INDEX one_owner_per_partner ON users(partner_id) WHERE role = 'owner'"),
            QStringLiteral("CREATE TABLE sessions ("
                           " token_hash BLOB PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),"
                           " created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE customers ("
                           " id TEXT PRIMARY KEY, partner_id TEXT NOT NULL REFERENCES partners(id),"
                           " name TEXT NOT NULL, created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX customers_by_partner ON customers(partner_id)"),
            // The status (active, expiring, revoked, expired) is derived from these times
            // and `replaced_by` when read, so it can never disagree with the clock.
            QStringLiteral("CREATE TABLE api_keys ("
                           " id TEXT PRIMARY KEY, partner_id TEXT NOT NULL REFERENCES partners(id),"
                           " name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',"
                           " type TEXT NOT NULL CHECK (type IN ('partner','customer','read_only','webhook')),"
                           " customer_id TEXT REFERENCES customers(id),"
                           " prefix TEXT NOT NULL, last4 TEXT NOT NULL, secret_hash BLOB NOT NULL UNIQUE,"
                           " created_at INTEGER NOT NULL, created_by TEXT NOT NULL REFERENCES users(id),"
                           " last_used_at INTEGER, expires_at INTEGER,"
                           " revoked_at INTEGER, revoked_by TEXT REFERENCES users(id),"
                           " replaced_by TEXT, replaces TEXT,"
                           " rate_limit_requests INTEGER, rate_limit_seconds INTEGER,"
                           " change_seq INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX api_keys_by_partner_change ON api_keys(partner_id, change_seq)"),
            QStringLiteral("CREATE TABLE change_sequence (value INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO change_sequence (value) VALUES (0)"),
            // Platform API usage, rolled up per key and UTC hour as it is recorded (raw
            // requests are never kept), so queries cost the same however long the history.
            // `latency` is a histogram of 5%-wide buckets (see LatencyHistogram).
            QStringLiteral(
                "CREATE TABLE usage_hours ("
                " key_id TEXT NOT NULL, hour INTEGER NOT NULL, requests INTEGER NOT NULL,"
                " ok INTEGER NOT NULL, client_errors INTEGER NOT NULL, server_errors INTEGER NOT NULL,"
                " latency BLOB NOT NULL, PRIMARY KEY (key_id, hour)) WITHOUT ROWID"),
            // The same per partner: the unfiltered charts read one row an hour.
            QStringLiteral(
                "CREATE TABLE usage_partner_hours ("
                " partner_id TEXT NOT NULL, hour INTEGER NOT NULL, requests INTEGER NOT NULL,"
                " ok INTEGER NOT NULL, client_errors INTEGER NOT NULL, server_errors INTEGER NOT NULL,"
                " latency BLOB NOT NULL, PRIMARY KEY (partner_id, hour)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE usage_routes ("
                           " key_id TEXT NOT NULL, hour INTEGER NOT NULL, method TEXT NOT NULL,"
                           " route TEXT NOT NULL, requests INTEGER NOT NULL, errors INTEGER NOT NULL,"
                           " PRIMARY KEY (key_id, hour, method, route)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE webhook_events ("
                           " id TEXT PRIMARY KEY, partner_id TEXT NOT NULL REFERENCES partners(id),"
                           " source TEXT NOT NULL, received_at INTEGER NOT NULL, key_id TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE INDEX webhook_events_by_partner ON webhook_events(partner_id, received_at)"),
            QStringLiteral("CREATE TABLE automation_runs ("
                           " id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id),"
                           " automation TEXT NOT NULL, key_id TEXT NOT NULL, created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE credit_grants ("
                           " id TEXT PRIMARY KEY, partner_id TEXT NOT NULL REFERENCES partners(id),"
                           " customer_id TEXT NOT NULL REFERENCES customers(id), amount INTEGER NOT NULL,"
                           " key_id TEXT NOT NULL, created_at INTEGER NOT NULL)"),
        },
        // 2: the portal's audit log, sign-in lockout, sync cursors
        {
            // Set once a key's expiry (a change made by time, not by a write) has been
            // given its own change_seq, so a sync shows it exactly once.
            QStringLiteral("ALTER TABLE api_keys ADD COLUMN expiry_stamped INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE INDEX api_keys_pending_expiry ON api_keys(partner_id, expires_at)"
                           " WHERE expiry_stamped = 0 AND expires_at IS NOT NULL"),
            QStringLiteral("CREATE TABLE audit_events ("
                           " id TEXT PRIMARY KEY, partner_id TEXT NOT NULL REFERENCES partners(id),"
                           " change_seq INTEGER NOT NULL, at INTEGER NOT NULL,"
                           " actor_id TEXT NOT NULL REFERENCES users(id), actor_name TEXT NOT NULL,"
                           " action TEXT NOT NULL, key_id TEXT, details TEXT)"),
            QStringLiteral("CREATE INDEX audit_by_partner_change ON audit_events(partner_id, change_seq)"),
            // Failed sign-ins by case-folded email, known or not: the lockout's sliding window.
            QStringLiteral("CREATE TABLE sign_in_failures (email_key TEXT NOT NULL, at INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX sign_in_failures_by_email ON sign_in_failures(email_key, at)"),
            // A random id per database, never sent out: sync cursors are sealed with a key
            // derived from it, so one from another database (a reset demo, another
            // server) is refused instead of silently skipping changes.
            QStringLiteral("CREATE TABLE gateway_instance (id TEXT NOT NULL)"),
            QStringLiteral("INSERT INTO gateway_instance (id) VALUES (lower(hex(randomblob(16))))"),
        },
        // 3: lockout per email and address, keyed; sessions people can see and end; removal
        {
            // Failed sign-ins were kept by the typed email in the clear: dropped (they only
            // matter for 15 minutes) and counted from now on by an HMAC-SHA256 of the
            // case-folded email under a random key kept here, so every instance sharing
            // the database counts alike. `address` is the client's (IPv6: its /64).
            // secure_delete zeroes the freed pages, so the typed emails leave the file too
            // (Debian's SQLite does so by default; other builds may not).
            QStringLiteral("PRAGMA secure_delete = ON"),
            QStringLiteral("DROP TABLE sign_in_failures"),
            QStringLiteral("CREATE TABLE sign_in_key (key BLOB NOT NULL)"),
            QStringLiteral("INSERT INTO sign_in_key (key) VALUES (randomblob(32))"),
            QStringLiteral("CREATE TABLE sign_in_failures ("
                           " email_hash BLOB NOT NULL, address TEXT NOT NULL, at INTEGER NOT NULL)"),
            // One lookup per attempt reads only its own email and address; pruning by time
            // reads only what it deletes.
            QStringLiteral(
                "CREATE INDEX sign_in_failures_by_subject ON sign_in_failures(email_hash, address, at)"),
            QStringLiteral("CREATE INDEX sign_in_failures_by_time ON sign_in_failures(at)"),
            // Sessions get a public id (the token's hash never leaves the database), the
            // last time they were used (at most once a minute) and the client that made them.
            QStringLiteral("ALTER TABLE sessions ADD COLUMN id TEXT"),
            QStringLiteral("UPDATE sessions SET id = 'ses_' || lower(hex(randomblob(10)))"),
            QStringLiteral("CREATE UNIQUE INDEX sessions_by_id ON sessions(id)"),
            QStringLiteral("CREATE INDEX sessions_by_user ON sessions(user_id)"),
            QStringLiteral("ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER"),
            QStringLiteral("UPDATE sessions SET last_seen_at = created_at"),
            QStringLiteral("ALTER TABLE sessions ADD COLUMN user_agent TEXT"),
            // A removed person stays (keys and the audit log name them) but cannot sign in.
            QStringLiteral("ALTER TABLE users ADD COLUMN removed_at INTEGER"),
        },
        // 4: 429 answers per key and hour (/v1/usage/keys' rate_limited); the usage spool's
        // watermark: per instance and boot, the highest sequence counted in the rollups,
        // written in the same transaction as the counts (gateway/usagespool.h).
        {
            QStringLiteral("ALTER TABLE usage_hours ADD COLUMN rate_limited INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral(
                "ALTER TABLE usage_partner_hours ADD COLUMN rate_limited INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE TABLE usage_spool_counted (instance TEXT NOT NULL, boot INTEGER NOT NULL,"
                           " sequence INTEGER NOT NULL, PRIMARY KEY (instance, boot))"),
        },
        // 5: what a key's callers see (API.md v1.1): errors per key, hour, status and code
        // (GET /v1/usage/errors), and each key's latest requests (GET /v1/keys/{id}/requests),
        // pruned as they are written (gateway/keyrequests.h). Written with the rollups, in
        // the same transaction as the spool's watermark, so each is counted exactly once.
        {
            QStringLiteral("CREATE TABLE usage_errors (key_id TEXT NOT NULL, hour INTEGER NOT NULL,"
                           " status INTEGER NOT NULL, code TEXT NOT NULL, requests INTEGER NOT NULL,"
                           " PRIMARY KEY (key_id, hour, status, code))"),
            QStringLiteral("CREATE TABLE key_requests (id INTEGER PRIMARY KEY, key_id TEXT NOT NULL,"
                           " at INTEGER NOT NULL, method TEXT NOT NULL, route TEXT NOT NULL,"
                           " status INTEGER NOT NULL, error_code TEXT, latency_us INTEGER NOT NULL)"),
            // Newest first per key, and the pruning's range deletes, read one index.
            QStringLiteral("CREATE INDEX key_requests_by_key ON key_requests(key_id, at, id)"),
        },
        // 6: the person answerable for a key (API.md v1.1 custody); NULL: its creator.
        {
            QStringLiteral("ALTER TABLE api_keys ADD COLUMN custodian_id TEXT"),
        },
        // 7: each key's latest requests as one row per key and usage batch, packed
        // (gateway/keyrequests.h): a row per request made the database the largest cost
        // of a verified request. The per-request rows of 5 go: they are diagnostics of
        // the last days, written since this version's own migration 5.
        {
            QStringLiteral("CREATE TABLE key_request_batches (id INTEGER PRIMARY KEY, key_id TEXT NOT NULL,"
                           " count INTEGER NOT NULL, oldest_at INTEGER NOT NULL, newest_at INTEGER NOT NULL,"
                           " records BLOB NOT NULL)"),
            QStringLiteral("CREATE INDEX key_request_batches_by_key ON key_request_batches(key_id, id)"),
            QStringLiteral("DROP TABLE key_requests"),
        },
        // 8: the change log other instances follow (gateway/changes.h, issue #17): one row
        // per partner and changed key of each write, pruned by age.
        {
            QStringLiteral("CREATE TABLE change_log (position INTEGER PRIMARY KEY, partner_id TEXT NOT NULL,"
                           " key_id TEXT, origin TEXT NOT NULL, changed_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX change_log_by_time ON change_log(changed_at)"),
        },
        // 9: on PostgreSQL, the usage rollups partitioned by month (gateway/usagepartitions.h);
        // nothing on SQLite.
        usagepartitions::migration(),
    };
    return all;
}

} // namespace knotie::gateway
