#include "tests/support/redisprocess.h"

#include "tests/support/loopbackport.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QtDebug>

#include <csignal>

#include <sys/prctl.h>

namespace knotie::test {

RedisProcess::RedisProcess() = default;

RedisProcess::~RedisProcess() {
    kill();
}

QString RedisProcess::url() const {
    return QStringLiteral("redis://%1:%2").arg(host()).arg(m_port);
}

QByteArray RedisProcess::log() {
    m_log += m_process.readAllStandardOutput();
    return m_log;
}

bool RedisProcess::start() {
    if (!QFileInfo(program()).isExecutable()) {
        qWarning("%s is missing: installer/install-build-deps.sh test installs redis-server",
                 qPrintable(program()));
        return false;
    }
    if (!m_folder.isValid())
        return false;
    return startOnLoopbackPort(m_port, [this] { return startOnPort(); });
}

bool RedisProcess::startOnPort() {
    m_log.clear();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setWorkingDirectory(m_folder.path());
    // A test that crashes never runs our destructor: the kernel ends its Redis then.
    m_process.setChildProcessModifier([] { prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process.start(program(), {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                                host(), QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                                QStringLiteral("no"), QStringLiteral("--dir"), m_folder.path(),
                                QStringLiteral("--daemonize"), QStringLiteral("no")});
    if (!m_process.waitForStarted(10000)) {
        qWarning("redis-server did not start: %s", qPrintable(m_process.errorString()));
        return false;
    }
    // Redis says when it listens; reading its log waits exactly that long.
    QDeadlineTimer deadline(20000);
    while (!m_log.contains("Ready to accept connections") && !deadline.hasExpired()) {
        if (!m_process.waitForReadyRead(static_cast<int>(qMax<qint64>(1, deadline.remainingTime()))))
            break;
        m_log += m_process.readAllStandardOutput();
    }
    if (m_log.contains("Ready to accept connections"))
        return true;
    qWarning("redis-server on port %d did not become ready: %s", m_port, m_log.constData());
    kill();
    return false;
}

void RedisProcess::stop() {
    if (!isRunning())
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000))
        kill();
    m_log += m_process.readAllStandardOutput();
}

void RedisProcess::pause() {
    if (isRunning())
        ::kill(static_cast<pid_t>(m_process.processId()), SIGSTOP);
}

void RedisProcess::resume() {
    if (isRunning())
        ::kill(static_cast<pid_t>(m_process.processId()), SIGCONT);
}

void RedisProcess::kill() {
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished(10000);
    m_log += m_process.readAllStandardOutput();
}

} // namespace knotie::test
