#include "tests/gateway/rawhttp.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/slowdown.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <vector>

using namespace knotie::test;

// Issue 16 item 4, over real sockets against a real gateway: the connection cap closes
// the oldest idle connection first, running out of file descriptors does not spin,
// trickled bytes do not stretch a request's deadline, and keep-alive has an idle timeout.
// The gateway's times are shortened through its hidden options (production defaults in
// docs/architecture.md, "The gateway's limits").
class TestGatewayConnections : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void cap_closesTheOldestIdleConnectionFirst() {
        auto gateway = start({QStringLiteral("--max-connections"), QStringLiteral("3")});
        std::vector<std::unique_ptr<raw::Connection>> idle;
        for (int i = 0; i < 3; ++i) {
            idle.push_back(std::make_unique<raw::Connection>());
            QVERIFY(idle.back()->open(gateway->baseUrl()));
            idle.back()->send(health());
            QCOMPARE(idle.back()->readResponse().status, 200);
        }
        // The gateway counts idleness from when it finished writing, which a client cannot
        // see: the younger two ask once more, so the first is surely the oldest idle one.
        for (int i = 1; i < 3; ++i) {
            idle[i]->send(health());
            QCOMPARE(idle[i]->readResponse().status, 200);
        }
        raw::Connection newcomer;
        QVERIFY(newcomer.open(gateway->baseUrl()));
        newcomer.send(health());
        QCOMPARE(newcomer.readResponse().status, 200);
        QVERIFY2(idle[0]->waitClosed(), "the oldest idle connection was kept");
        // The others keep their keep-alive connection.
        for (int i = 1; i < 3; ++i) {
            idle[i]->send(health());
            QCOMPARE(idle[i]->readResponse().status, 200);
        }
    }

    void cap_connectionsInARequestStay_newcomerGets503() {
        auto gateway = start({QStringLiteral("--max-connections"), QStringLiteral("2")});
        std::vector<std::unique_ptr<raw::Connection>> busy;
        for (int i = 0; i < 2; ++i) {
            busy.push_back(std::make_unique<raw::Connection>());
            QVERIFY(busy.back()->open(gateway->baseUrl()));
            // `100 Continue` proves the gateway is in the middle of this request.
            busy.back()->send("POST /_test/clock HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                              "Expect: 100-continue\r\nContent-Length: 21\r\n\r\n");
            QCOMPARE(busy.back()->readResponse().status, 100);
        }
        raw::Connection newcomer;
        QVERIFY(newcomer.open(gateway->baseUrl()));
        newcomer.send(health());
        const raw::Reply refused = newcomer.readResponse();
        QVERIFY2(refused.status == 503, refused.bytes.constData());
        QCOMPARE(refused.errorCode(), QStringLiteral("busy"));
        for (auto &c : busy) {
            c->send("{\"advance_seconds\":0}");
            QCOMPARE(c->readResponse().status, 200);
        }
    }

    // With no file descriptor left, accepting fails at once, again and again: the gateway
    // must wait instead of spinning, and serve again once descriptors are free.
    void outOfFileDescriptors_acceptBacksOffAndRecovers() {
        // UBSan's vptr check probes memory through a new pipe each time (sanitizer_common's
        // IsAccessibleMemoryRange): in a process out of file descriptors every virtual call
        // then reads as an "invalid vptr", and no suppression can name a type it cannot read.
        if (underSanitizers())
            QSKIP("the sanitizers need a free file descriptor themselves; the plain build runs this");
        auto gateway = start({QStringLiteral("--max-connections"), QStringLiteral("1000")});
        QVERIFY(gateway);
        const qint64 pid = gateway->process().processId();
        const auto limit = static_cast<rlim_t>(openFiles(pid) + 8);
        const rlimit lowered{limit, limit};
        QVERIFY2(prlimit(static_cast<pid_t>(pid), RLIMIT_NOFILE, &lowered, nullptr) == 0, "prlimit failed");

        std::vector<std::unique_ptr<raw::Connection>> flood;
        for (int i = 0; i < 40; ++i) {
            flood.push_back(std::make_unique<raw::Connection>());
            QVERIFY(flood.back()->open(gateway->baseUrl()));
        }
        QTRY_VERIFY_WITH_TIMEOUT(openFiles(pid) >= static_cast<qint64>(limit), 10000);
        // The measurement window: CPU time over wall time while the gateway is saturated.
        const double cpuBefore = raw::cpuSeconds(pid);
        QElapsedTimer wall;
        wall.start();
        QTest::qWait(1500);
        const double cpu = raw::cpuSeconds(pid) - cpuBefore;
        const double share = cpu / (static_cast<double>(wall.elapsed()) / 1000.0);
        qInfo("at EMFILE: %.3f CPU seconds in %.2f s (%.0f%% of a core)", cpu, wall.elapsed() / 1000.0,
              share * 100);
        QVERIFY2(share < 0.25, "the accept loop spins while out of file descriptors");

        flood.clear();
        QTRY_VERIFY_WITH_TIMEOUT(answersHealth(*gateway), 10000);
    }

    // A request's deadline runs from its first byte: a byte every 100 ms does not extend it.
    void requestDeadline_trickledBytesDoNotExtendIt() {
        auto gateway = start({QStringLiteral("--request-deadline-ms"), QStringLiteral("1000")});
        raw::Connection c;
        QVERIFY(c.open(gateway->baseUrl()));
        c.send("GET /healthz HTTP/1.1\r\n");
        const qint64 closedAfter = c.trickleUntilClosed("X-A: b\r\n", 100, 10000);
        qInfo("closed after %lld ms of trickling (deadline 1000 ms)", closedAfter);
        QVERIFY2(closedAfter >= 0 && closedAfter < 5000, "trickled bytes kept the request open");
    }

    // After a 413 the gateway drains for a bounded time, however slowly the bytes come.
    // A plain socket: Qt's would report the gateway's half-close as the end.
    void afterARefusal_tricklingDoesNotHoldTheSocket() {
        auto gateway = start({QStringLiteral("--linger-ms"), QStringLiteral("1000")});
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<quint16>(gateway->baseUrl().port()));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        const QByteArray head = "POST /v1/keys HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n";
        QCOMPARE(::send(fd, head.constData(), static_cast<size_t>(head.size()), MSG_NOSIGNAL), head.size());
        QElapsedTimer clock;
        clock.start();
        bool closed = false;
        while (!closed && clock.elapsed() < 10000) {
            // One byte every 100 ms, until the gateway has closed (the send fails).
            pollfd readable{fd, POLLIN, 0};
            if (::poll(&readable, 1, 100) > 0 && (readable.revents & POLLIN)) {
                char discard[4096];
                ::recv(fd, discard, sizeof discard, 0);
            }
            closed = ::send(fd, "a", 1, MSG_NOSIGNAL) < 0;
        }
        ::close(fd);
        qInfo("closed after %lld ms of trickling (linger 1000 ms)", clock.elapsed());
        QVERIFY2(closed && clock.elapsed() < 5000, "trickled bytes kept the refused connection open");
    }

    void keepAlive_closedAfterTheIdleTimeout() {
        auto gateway = start({QStringLiteral("--idle-timeout-ms"), QStringLiteral("500")});
        raw::Connection c;
        QVERIFY(c.open(gateway->baseUrl()));
        c.send(health());
        QCOMPARE(c.readResponse().status, 200);
        QElapsedTimer clock;
        clock.start();
        QVERIFY2(c.waitClosed(5000), "an idle keep-alive connection stayed open");
        qInfo("idle connection closed after %lld ms (timeout 500 ms)", clock.elapsed());
    }

    // A request that arrives while the one before it is still being answered (here a
    // sign-in, whose password check runs on another thread) is read once that answer is
    // written: the connection reads only when the socket may hold bytes, and must not miss
    // bytes that came while nothing was reading.
    void requestArrivingWhileThePreviousIsAnswered_isRead() {
        auto gateway = start({});
        QVERIFY(gateway);
        raw::Connection c;
        QVERIFY(c.open(gateway->baseUrl()));
        const QByteArray signIn = R"({"email":"owner@demo.test","password":"not the password"})";
        c.send("POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
               QByteArray::number(signIn.size()) + "\r\n\r\n" + signIn);
        // Sent only once the gateway has read the sign-in (the kernel holds none of its bytes
        // for it), so the two never come in one read.
        const auto gatewayPort = static_cast<quint16>(gateway->baseUrl().port());
        QTRY_COMPARE_WITH_TIMEOUT(unreadBytes(gatewayPort, c.socket().localPort()), 0, 5000);
        c.send(health());
        QCOMPARE(c.readResponse().status, 401);
        QCOMPARE(c.readResponse().status, 200);
        // And the connection goes on as usual.
        c.send(health());
        QCOMPARE(c.readResponse().status, 200);
    }

    // One serving thread holds many connections; a count that is not one is refused at
    // start with what to give instead.
    void servingThreads_oneServesEveryConnection_andABadCountIsRefused() {
        auto gateway = start({QStringLiteral("--serving-threads"), QStringLiteral("1")});
        QVERIFY(gateway);
        std::vector<std::unique_ptr<raw::Connection>> connections;
        for (int i = 0; i < 16; ++i) {
            connections.push_back(std::make_unique<raw::Connection>());
            QVERIFY(connections.back()->open(gateway->baseUrl()));
            connections.back()->send(health());
        }
        for (auto &c : connections)
            QCOMPARE(c->readResponse().status, 200);

        for (const QString &bad : {QStringLiteral("0"), QStringLiteral("two"), QStringLiteral("257")}) {
            GatewayProcess refused(
                GatewayProcess::Options{true, true, {QStringLiteral("--serving-threads"), bad}, {}});
            QVERIFY(refused.launch());
            QVERIFY(refused.process().waitForFinished(10000));
            QVERIFY(refused.process().exitCode() != 0);
            QVERIFY2(refused.standardError().contains("--serving-threads wants a number from 1 to 256"),
                     refused.standardError().constData());
        }
    }

private:
    static QByteArray health() { return "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"; }

    static std::unique_ptr<GatewayProcess> start(const QStringList &arguments) {
        auto gateway = std::make_unique<GatewayProcess>(GatewayProcess::Options{true, true, arguments, {}});
        if (!gateway->start())
            return nullptr;
        return gateway;
    }

    static bool answersHealth(const GatewayProcess &gateway) {
        raw::Connection c;
        if (!c.open(gateway.baseUrl()))
            return false;
        c.send(health());
        return c.readResponse(1000).status == 200;
    }

    // Bytes the kernel holds for the gateway's end of a loopback connection that it has not
    // read yet (/proc/net/tcp's rx_queue); -1 if there is no such connection.
    static qint64 unreadBytes(quint16 gatewayPort, quint16 clientPort) {
        QFile table(QStringLiteral("/proc/net/tcp"));
        if (!table.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : table.readAll().split('\n')) {
            const QList<QByteArray> f = line.simplified().split(' ');
            if (f.size() < 5 || !f[1].contains(':'))
                continue;
            const auto port = [](const QByteArray &address) {
                return address.split(':').value(1).toUShort(nullptr, 16);
            };
            if (port(f[1]) == gatewayPort && port(f[2]) == clientPort)
                return f[4].split(':').value(1).toLongLong(nullptr, 16);
        }
        return -1;
    }

    static qint64 openFiles(qint64 pid) {
        return QDir(QStringLiteral("/proc/%1/fd").arg(pid))
            .entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)
            .size();
    }
};

QTEST_GUILESS_MAIN(TestGatewayConnections)
#include "tst_gatewayconnections.moc"
