#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace knotie::test {

// A throwaway Redis 7 (Debian's redis-server) on a free loopback port, nothing saved
// (--save '' --appendonly no), its working folder a temporary one. Stopped and removed
// when this object goes away. A restart after stop() or kill() keeps the port, so
// clients can reconnect to the same address, as they would to a restarted server.
class RedisProcess {
public:
    RedisProcess();
    ~RedisProcess();
    RedisProcess(const RedisProcess &) = delete;
    RedisProcess &operator=(const RedisProcess &) = delete;

    // Starts and waits until it accepts connections; false (and a QWARN saying why) on failure.
    bool start();
    void stop(); // SIGTERM, as an orderly shutdown
    void kill(); // SIGKILL, as a crash
    // SIGSTOP and SIGCONT: a server that accepts connections but never answers, for a while.
    void pause();
    void resume();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString url() const; // redis://127.0.0.1:PORT, the gateway's --redis form
    QByteArray log();    // what the server printed since it started

    static QString program() { return QStringLiteral("/usr/bin/redis-server"); }

private:
    bool startOnPort();

    QTemporaryDir m_folder;
    QProcess m_process;
    QByteArray m_log;
    int m_port = 0;
};

} // namespace knotie::test
