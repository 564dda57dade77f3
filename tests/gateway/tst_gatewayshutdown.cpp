#include "tests/gateway/rawhttp.h"
#include "tests/support/gatewayprocess.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <csignal>
#include <vector>

using namespace knotie::test;

// SIGTERM while password checks are queued and running: the gateway stops in order
// (stop accepting, drop queued checks, finish running ones, write usage, destroy) and
// exits 0, every time. And it never leaves a core file holding passwords.
class TestGatewayShutdown : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sigtermDuringASignInFlood_exitsCleanlyEveryTime() {
        for (int trial = 0; trial < 5; ++trial) {
            GatewayProcess gateway(GatewayProcess::Options{false, false, {}, {}});
            QVERIFY(gateway.start());
            const auto port = static_cast<quint16>(gateway.baseUrl().port());
            // Sign-ins from many addresses, so the budget admits as many as it may.
            std::vector<int> flood;
            for (int i = 0; i < 40; ++i) {
                const QByteArray source = "127.0.4." + QByteArray::number(i + 1);
                const int fd = raw::connectFrom(source.constData(), port);
                QVERIFY(fd >= 0);
                QVERIFY(raw::sendAll(fd, raw::signInRequest(QStringLiteral("someone%1@example.test").arg(i),
                                                            QStringLiteral("secret password %1").arg(i))));
                flood.push_back(fd);
            }
            // The first answer that is not a refusal means checks have run and others wait.
            std::vector<pollfd> waiting;
            for (const int fd : flood)
                waiting.push_back(pollfd{fd, POLLIN, 0});
            QVERIFY(::poll(waiting.data(), waiting.size(), 20000) > 0);

            gateway.process().terminate();
            QVERIFY2(gateway.process().waitForFinished(15000), "the gateway hung on SIGTERM");
            QCOMPARE(gateway.process().exitStatus(), QProcess::NormalExit);
            QCOMPARE(gateway.process().exitCode(), 0);
            for (const int fd : flood)
                ::close(fd);
        }
    }

    void aCrash_leavesNoCoreFile() {
        QFile pattern(QStringLiteral("/proc/sys/kernel/core_pattern"));
        QVERIFY(pattern.open(QIODevice::ReadOnly));
        if (pattern.readAll().startsWith('|'))
            QSKIP("core dumps go to a program here, not to a file this test can look for");
        // AddressSanitizer turns core dumps off in the process itself (its shadow memory
        // would make them terabytes), so the "with profiling allowed" half cannot hold.
        if (qEnvironmentVariableIsSet("ASAN_OPTIONS"))
            QSKIP("under AddressSanitizer no process leaves a core file");
        // Core files allowed as far as this process may (the gateway inherits it).
        rlimit limit{};
        getrlimit(RLIMIT_CORE, &limit);
        limit.rlim_cur = limit.rlim_max;
        QVERIFY(setrlimit(RLIMIT_CORE, &limit) == 0);
        if (limit.rlim_cur == 0)
            QSKIP("core files are not allowed for this user");

        // With profiling allowed the crash leaves a core: the check below can see one.
        QVERIFY(crashLeavesCore({QStringLiteral("--allow-core-dumps")}));
        // By default it does not: the process is not dumpable.
        QVERIFY(!crashLeavesCore({}));
    }

private:
    static bool crashLeavesCore(const QStringList &arguments) {
        QTemporaryDir workingDirectory;
        GatewayProcess gateway(GatewayProcess::Options{false, false, arguments, {}});
        gateway.process().setWorkingDirectory(workingDirectory.path());
        if (!gateway.start())
            return false;
        ::kill(static_cast<pid_t>(gateway.process().processId()), SIGABRT);
        gateway.process().waitForFinished(30000);
        const QStringList cores =
            QDir(workingDirectory.path()).entryList({QStringLiteral("core*")}, QDir::Files);
        qInfo("%s: %s", arguments.isEmpty() ? "default" : qPrintable(arguments.join(QLatin1Char(' '))),
              cores.isEmpty() ? "no core file" : qPrintable(cores.join(QLatin1Char(' '))));
        return !cores.isEmpty();
    }
};

QTEST_GUILESS_MAIN(TestGatewayShutdown)
#include "tst_gatewayshutdown.moc"
