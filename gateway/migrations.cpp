#include "migrations.h"

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
        },
    };
    return all;
}

} // namespace knotie::gateway
