#pragma once

#include <QSqlDatabase>
#include <QString>

#include "models/sqlite/sqlitedb.h"

#include <functional>
#include <optional>

namespace knotie::gateway {

// Where the gateway keeps its data, from --database: the SQLite file in --data (the
// default), or a PostgreSQL database several gateway processes may share.
struct DatabaseLocation {
    enum class Engine { SQLite, PostgreSQL };
    Engine engine = Engine::SQLite;
    QString hosts;   // libpq's comma-separated host list
    int port = 5432; // one port for every host
    QString name;    // the database
    QString user;
    QString password; // never logged: describe() leaves it out
    QString options;  // libpq keywords from the URI's query, `key=value;...` as QPSQL wants them

    // `sqlite`, or `postgresql://USER[:PASSWORD]@HOST[:PORT][,HOST[:PORT]...]/DBNAME[?key=value&...]`.
    static std::optional<DatabaseLocation> parse(const QString &text, QString *error);
    // For logs and errors: the URI without its password.
    QString describe() const;
};

// Every way the two engines' SQL differs, kept here (docs/architecture.md "One store, two
// engines"). Statements elsewhere are written once, in SQL both engines accept.
namespace sqldialect {

// The Qt Sql driver for the engine.
QString driverName(DatabaseLocation::Engine engine);

// A schema statement of gateway/migrations.cpp (written in SQLite's words) as the engine
// runs it; empty when the engine has nothing to do (SQLite's PRAGMAs on PostgreSQL, and
// PostgreSQL's own statements on SQLite).
QString schemaStatement(DatabaseLocation::Engine engine, const QString &statement);

// Marks a migration statement that only PostgreSQL runs, written in its own words and run
// untranslated (partitioning: SQLite has no such thing).
QString postgresOnly(const QString &statement);

// Runs `work` in a write transaction that excludes every other writer on every instance
// until it ends, and commits when it returns true: SQLite's `BEGIN IMMEDIATE`; on
// PostgreSQL a READ COMMITTED transaction that first takes the one write lock (a
// transaction-scoped advisory lock), so both engines run writers one at a time.
sqlite::WriteOutcome writeTransaction(DatabaseLocation::Engine engine, QSqlDatabase &db,
                                      const std::function<bool(QSqlDatabase &)> &work);

// The driver's connect options: on PostgreSQL the URI's libpq keywords, plus bounds on how
// long connecting and a dead peer may hold a thread (connect_timeout, tcp_user_timeout,
// keepalives) unless the URI sets them itself, so no request waits long on a database that
// went away.
QString connectOptions(const DatabaseLocation &location);

// Whether an open connection still reaches its server: on PostgreSQL false once libpq has
// seen it break; with `readPending`, an idle connection also reads what the server sent
// meanwhile without waiting (a restarted server's goodbye). SQLite's always does.
bool stillConnected(DatabaseLocation::Engine engine, const QSqlDatabase &db, bool readPending);

// Run once on each new connection: SQLite's pragmas, PostgreSQL's lock wait.
bool configureConnection(DatabaseLocation::Engine engine, QSqlDatabase &db, int lockWaitMs);

// The schema version written by the migrations, -1 when it cannot be read; PostgreSQL
// keeps it in a table (`schema_version`), SQLite in PRAGMA user_version.
int schemaVersion(DatabaseLocation::Engine engine, QSqlDatabase &db);

// Brings the schema from its version to steps.size(), refusing a newer one. On
// PostgreSQL it runs under an advisory lock in one transaction, reading the version
// under the lock, so instances starting at once migrate once.
bool migrate(DatabaseLocation::Engine engine, QSqlDatabase &db, const QList<QStringList> &steps,
             QString *error);

// The advisory lock keys (PostgreSQL): one for writes, one for migrations at start-up.
constexpr qint64 writeLockKey = 0x6b6e6f7469650001; // "knotie" + 1
constexpr qint64 migrationLockKey = 0x6b6e6f7469650002;

} // namespace sqldialect
} // namespace knotie::gateway
