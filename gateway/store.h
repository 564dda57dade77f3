#pragma once

#include "gateway/sqldialect.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <atomic>
#include <functional>

namespace knotie::gateway {

// The gateway's database: the SQLite file in the data folder, or a PostgreSQL database
// shared by several instances (gateway/sqldialect.h keeps every difference). Each thread
// that touches it gets its own named connection (Qt Sql connections must not cross
// threads), opened on first use and removed when the thread ends. Readers run beside the
// one writer; writes go through write(), which takes the one write lock first (SQLite's
// `BEGIN IMMEDIATE`, PostgreSQL's advisory lock), so writers on every instance run one at a
// time and never deadlock.
class Store {
public:
    explicit Store(QString dataDirectory, DatabaseLocation location = {});
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Creates the folder and the database, checks WAL and runs the migrations.
    // Refuses a database newer than this program.
    bool open(QString *error);

    // The SQLite file (also when the data is in PostgreSQL: it is where it would be).
    QString databasePath() const;
    const DatabaseLocation &location() const { return m_location; }
    const QString &dataDirectory() const { return m_directory; }
    // This thread's connection, opened on first use and opened again when it was closed or
    // found broken (a restarted or unreachable server): each thread reconnects by itself.
    QSqlDatabase connection() const;
    // A connection of its own under `name` (the caller removes it), for work that holds one
    // open, such as the change follower's LISTEN; `applicationName` names it to PostgreSQL
    // (pg_stat_activity).
    QSqlDatabase openConnection(const QString &name, const QString &applicationName = {}) const;
    // This process's random id, written as the origin of its change log entries.
    const QString &instanceId() const { return m_instanceId; }

    // Whether this thread's connection broke (or never opened): a failed request then
    // answers 503 `unavailable`, not 500. Opens nothing.
    bool connectionLost() const;

    // Told when the database is reachable again after an outage: every thread checks its
    // idle connection for the server's goodbye before its next use and reopens it, so no
    // request fails on a connection a restart ended while it sat unused.
    void recheckConnections() { ++m_connectionGeneration; }

    // How a write ended; converts to true when it committed.
    struct WriteResult {
        enum class Outcome { Committed, RolledBack, Busy } outcome = Outcome::RolledBack;
        operator bool() const { return outcome == Outcome::Committed; }
        // Another writer held the write lock past busyTimeoutMs: worth a 503 and a retry.
        bool busy() const { return outcome == Outcome::Busy; }
    };

    // How long a write waits for another writer before it gives up (busy()).
    static constexpr int busyTimeoutMs = 5000;

    // Runs `work` in one write transaction (the write lock taken first); commits if it
    // returns true.
    WriteResult write(const std::function<bool(QSqlDatabase &)> &work) const;

    // Whether the last write on this thread gave up on a lock another writer held, since
    // the last call; clears it. Lets one place turn any route's storage failure into a 503.
    static bool takeBusy();

    static int schemaVersion();

    // Told, after each COMMIT, which partners' keys or audit log the write changed
    // (gateway/changes.h). Set once, before any request is served.
    void setChangeListener(std::function<void(const QSet<QString> &partners)> listener);

private:
    QString threadConnectionName() const;
    // A connection named `name`, set up for this store's database but not opened.
    QSqlDatabase addConnection(const QString &name, const QString &applicationName) const;
    // Opens `db` and configures it; logs why not at `failureLevel` (never the password).
    bool tryOpen(QSqlDatabase &db, QtMsgType failureLevel) const;

    QString m_directory;
    DatabaseLocation m_location;
    QString m_instanceId;
    QString m_connectionPrefix;
    std::atomic<int> m_connectionGeneration{0};
    std::function<void(const QSet<QString> &)> m_changeListener;
};

// A prepared query on the calling thread's connection; `exec` logs failures with the
// statement (never bound values, which may include hashes of secrets).
QSqlQuery prepare(const QSqlDatabase &db, const QString &sql);
// The same for reading many rows once, in order: Qt's SQLite driver otherwise keeps a
// copy of every row it has read.
QSqlQuery prepareForwardOnly(const QSqlDatabase &db, const QString &sql);
bool exec(QSqlQuery &query);

} // namespace knotie::gateway
