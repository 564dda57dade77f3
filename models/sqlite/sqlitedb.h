#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

// SQLite as both the portal's cache and the gateway's store use it, written once: each
// opens its own connections and keeps its own schema; these are the steps they share.
namespace knotie::sqlite {

// Switches the database to write-ahead logging (readers beside the one writer) and reads
// the mode back: SQLite silently keeps the old mode where WAL is impossible.
bool enableWriteAheadLog(QSqlDatabase &db);

// How much a commit waits for the disk. Normal (in WAL mode) survives a crash of the
// process but may lose the last commits on power loss; Full syncs the log on every commit,
// so a commit that returned survives power loss too.
enum class Durability { Normal, Full };
bool setDurability(QSqlDatabase &db, Durability durability);

// The schema version (PRAGMA user_version), or -1 when it cannot be read.
int schemaVersion(QSqlDatabase &db);

// Runs `steps[from]` up to `steps[to - 1]`, each step in its own immediate transaction
// together with the new user_version, so a failed step leaves the previous version whole.
// On failure `*error` names the step and SQLite's reason.
bool migrate(QSqlDatabase &db, const QList<QStringList> &steps, int from, int to, QString *error);

// How a write transaction ended.
enum class WriteOutcome {
    Committed,
    RolledBack, // `work` returned false or COMMIT failed
    Busy,       // another writer held the lock past the busy timeout: nothing was run
};

// Runs `work` inside `BEGIN IMMEDIATE` (the write lock taken first, so two writers never
// deadlock on an upgrade) and commits when it returns true.
WriteOutcome writeTransaction(QSqlDatabase &db, const std::function<bool(QSqlDatabase &)> &work);

// Executes one statement; on failure sets `*error` (when given) to SQLite's reason.
bool run(QSqlDatabase &db, const QString &sql, QString *error = nullptr);

} // namespace knotie::sqlite
