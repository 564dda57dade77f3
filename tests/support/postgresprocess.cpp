#include "tests/support/postgresprocess.h"

#include "tests/support/loopbackport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QtDebug>

#include <pwd.h>
#include <unistd.h>

namespace knotie::test {

namespace {

bool runningAsRoot() {
    return geteuid() == 0;
}

QString dataDirectory(const QTemporaryDir &folder) {
    return folder.path() + QStringLiteral("/data");
}

} // namespace

// In /tmp whatever TMPDIR says: the postgres user must be able to reach the folder, and
// the socket's path in it must stay within a unix socket's 107 bytes.
PostgresProcess::PostgresProcess()
    : m_folder(QStringLiteral("/tmp/knotie-postgres-XXXXXX")) {}

PostgresProcess::~PostgresProcess() {
    stop(QStringLiteral("immediate"));
}

bool PostgresProcess::run(const QString &program, const QStringList &arguments, QByteArray *output) const {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // postgres's own user may not enter our working folder; the cluster's folder is its own.
    process.setWorkingDirectory(m_folder.path());
    const QString path = binDirectory() + u'/' + program;
    if (runningAsRoot())
        process.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                                             QStringLiteral("--"), path} +
                                                     arguments);
    else
        process.start(path, arguments);
    const bool finished = process.waitForFinished(60000);
    const QByteArray printed = process.readAll();
    if (output)
        *output = printed;
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    qWarning("%s failed: %s %s", qPrintable(program), qPrintable(process.errorString()), printed.constData());
    return false;
}

bool PostgresProcess::initialize() {
    if (!QFileInfo(binDirectory() + QStringLiteral("/initdb")).isExecutable()) {
        qWarning("PostgreSQL 15 is missing: installer/install-build-deps.sh test installs postgresql");
        return false;
    }
    if (!m_folder.isValid())
        return false;
    if (runningAsRoot()) {
        const passwd *postgres = getpwnam("postgres");
        if (!postgres ||
            chown(QFile::encodeName(m_folder.path()).constData(), postgres->pw_uid, postgres->pw_gid) != 0) {
            qWarning("cannot give %s to the postgres user", qPrintable(m_folder.path()));
            return false;
        }
    }
    if (!run(QStringLiteral("initdb"),
             {QStringLiteral("--pgdata"), dataDirectory(m_folder), QStringLiteral("--username"), user(),
              QStringLiteral("--auth"), QStringLiteral("trust"), QStringLiteral("--encoding"),
              QStringLiteral("UTF8"), QStringLiteral("--locale"), QStringLiteral("C.UTF-8"),
              QStringLiteral("--no-sync"), QStringLiteral("--no-instructions")}))
        return false;
    // Appending keeps the file's owner (postgres) even when we are root.
    QFile settings(dataDirectory(m_folder) + QStringLiteral("/postgresql.conf"));
    if (!settings.open(QIODevice::Append | QIODevice::Text))
        return false;
    settings.write(QStringLiteral("\n# A throwaway test cluster: fast, loopback only.\n"
                                  "listen_addresses = '%1'\n"
                                  "unix_socket_directories = '%2'\n"
                                  "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                                  "max_connections = 50\nshared_buffers = 16MB\n")
                       .arg(host(), socketDirectory())
                       .toUtf8());
    m_initialized = true;
    return true;
}

bool PostgresProcess::start() {
    if (m_running)
        return true;
    if (!m_initialized && !initialize())
        return false;
    return startOnLoopbackPort(m_port, [this] { return startOnPort(); });
}

bool PostgresProcess::startOnPort() {
    // pg_ctl -w returns once the server accepts connections (or has failed to start).
    m_running = run(QStringLiteral("pg_ctl"),
                    {QStringLiteral("start"), QStringLiteral("--wait"), QStringLiteral("--timeout"),
                     QStringLiteral("30"), QStringLiteral("--pgdata"), dataDirectory(m_folder),
                     QStringLiteral("--log"), m_folder.path() + QStringLiteral("/server.log"),
                     QStringLiteral("--options"), QStringLiteral("-p %1").arg(m_port)});
    if (!m_running) {
        qWarning("postgres on port %d: %s", m_port, log().constData());
        return false;
    }
    // A test that aborts (qFatal, a crash) never runs this object's destructor: a small
    // watcher stops the cluster and removes its folder once this process is gone.
    if (!m_watched) {
        const QString stop = QStringLiteral("%1/pg_ctl stop --mode immediate --pgdata '%2' >/dev/null 2>&1")
                                 .arg(binDirectory(), dataDirectory(m_folder));
        QProcess watcher;
        watcher.setProgram(QStringLiteral("sh"));
        watcher.setArguments(
            {QStringLiteral("-c"),
             QStringLiteral("while kill -0 %1 2>/dev/null; do sleep 1; done; %2 %3; rm -rf '%4'")
                 .arg(QCoreApplication::applicationPid())
                 .arg(runningAsRoot() ? QStringLiteral("runuser -u postgres --") : QString(), stop,
                      m_folder.path())});
        // Not holding the test's output open: ctest waits for that to close.
        watcher.setStandardInputFile(QProcess::nullDevice());
        watcher.setStandardOutputFile(QProcess::nullDevice());
        watcher.setStandardErrorFile(QProcess::nullDevice());
        watcher.startDetached();
        m_watched = true;
    }
    return true;
}

void PostgresProcess::stop(const QString &mode) {
    if (!m_running)
        return;
    run(QStringLiteral("pg_ctl"), {QStringLiteral("stop"), QStringLiteral("--wait"), QStringLiteral("--mode"),
                                   mode, QStringLiteral("--pgdata"), dataDirectory(m_folder)});
    m_running = false;
}

QString PostgresProcess::createDatabase(const QString &copyOf) {
    const QString name = QStringLiteral("test_%1").arg(++m_databases);
    QStringList arguments{QStringLiteral("--host"),
                          socketDirectory(),
                          QStringLiteral("--port"),
                          QString::number(m_port),
                          QStringLiteral("--username"),
                          user(),
                          name};
    if (!copyOf.isEmpty())
        arguments << QStringLiteral("--template") << copyOf;
    if (!run(QStringLiteral("createdb"), arguments))
        return {};
    return name;
}

QString PostgresProcess::uri(const QString &database) const {
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user(), host()).arg(m_port).arg(database);
}

QByteArray PostgresProcess::psql(const QString &database, const QString &sql) const {
    QByteArray output;
    if (!run(QStringLiteral("psql"),
             {QStringLiteral("--host"), socketDirectory(), QStringLiteral("--port"), QString::number(m_port),
              QStringLiteral("--username"), user(), QStringLiteral("--dbname"), database,
              QStringLiteral("--no-psqlrc"), QStringLiteral("--no-align"), QStringLiteral("--tuples-only"),
              QStringLiteral("--set"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("--command"), sql},
             &output))
        return {};
    return output;
}

QByteArray PostgresProcess::log() const {
    QFile file(m_folder.path() + QStringLiteral("/server.log"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace knotie::test
