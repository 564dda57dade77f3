#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace knotie::test {

// A throwaway PostgreSQL 15 cluster (Debian's postgresql-15): initdb into a temporary
// folder in /tmp, postgres on a free loopback port with its unix socket in that folder, trust
// authentication for the one role `knotie`, and no fsync (a test's data need not
// survive a power cut). initdb and postgres refuse to run as root, so under root (CI)
// both run as the `postgres` system user through runuser, on a folder chowned to it.
// The cluster is stopped and its folder removed when this object goes away.
class PostgresProcess {
public:
    PostgresProcess();
    ~PostgresProcess();
    PostgresProcess(const PostgresProcess &) = delete;
    PostgresProcess &operator=(const PostgresProcess &) = delete;

    // initdb (the first time) and start, waiting until it accepts connections; false
    // (and a QWARN saying why) on failure. After stop() it starts again on the same port.
    bool start();
    // "fast" (orderly: sessions are ended) or "immediate" (as a crash).
    void stop(const QString &mode = QStringLiteral("fast"));
    bool isRunning() const { return m_running; }

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString socketDirectory() const { return m_folder.path(); }
    static QString user() { return QStringLiteral("knotie"); }

    // A new database with a name no other test used, empty or a copy of `copyOf` (which
    // nobody may be connected to); empty on failure.
    QString createDatabase(const QString &copyOf = {});
    // The libpq URI of a database, the gateway's --database form.
    QString uri(const QString &database) const;
    // Runs SQL with psql on a database and returns its unaligned output (empty and a QWARN on failure).
    QByteArray psql(const QString &database, const QString &sql) const;
    QByteArray log() const; // the server's log file

    static QString binDirectory() { return QStringLiteral("/usr/lib/postgresql/15/bin"); }

private:
    // Runs one of PostgreSQL's programs, as the postgres user when we are root.
    bool run(const QString &program, const QStringList &arguments, QByteArray *output = nullptr) const;
    bool initialize();
    bool startOnPort();

    QTemporaryDir m_folder;
    bool m_initialized = false;
    bool m_running = false;
    bool m_watched = false;
    int m_port = 0;
    int m_databases = 0;
};

} // namespace knotie::test
