#include "tests/gateway/portalcalls.h"
#include "tests/gateway/rawhttp.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/slowdown.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTest>

#include <vector>

using namespace knotie::test;
using namespace knotie::test::portal;

// API.md v1.1: sign-in is work the gateway budgets. Anyone can ask for a password
// check without a credential, so a flood must neither cost unbounded CPU nor keep a
// real person from signing in. Each loopback address 127.0.0.x is a distinct client.
class TestGatewaySignInBudget : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        m_port = static_cast<quint16>(m_gateway.baseUrl().port());
    }

    void flood_aRealSignInFromAnotherAddressGetsThrough() {
        const qint64 pid = m_gateway.process().processId();
        const double cpuBefore = raw::cpuSeconds(pid);
        // 300 sign-ins from one address, each for another email (so the lockout, which
        // is per email, never spares the gateway the work), all sent before any answer.
        std::vector<int> flood;
        for (int i = 0; i < 300; ++i) {
            const int fd = raw::connectFrom("127.0.0.2", m_port);
            QVERIFY(fd >= 0);
            QVERIFY(raw::sendAll(fd, raw::signInRequest(QStringLiteral("flood%1@example.test").arg(i),
                                                        QStringLiteral("guess"))));
            flood.push_back(fd);
        }

        // Meanwhile the owner signs in from elsewhere. On a machine so loaded that the
        // 2-second budget leaves a single place, the flood may hold it: then the owner is
        // told to come back (503 busy), and does, after Retry-After, as a client should.
        QElapsedTimer realSignIn;
        realSignIn.start();
        raw::Reply real;
        int busyTurns = 0;
        for (; busyTurns < 10; ++busyTurns) {
            real = raw::exchange(
                "127.0.0.1", m_port,
                raw::signInRequest(QStringLiteral("owner@demo.test"), QStringLiteral("knotie-demo")));
            if (real.status != 503)
                break;
            QTest::qWait(1000 * qMax(1, real.header("Retry-After").toInt()));
        }
        const qint64 realMs = realSignIn.elapsed();
        QCOMPARE(real.status, 201);

        int busy = 0;
        int judged = 0;
        QByteArray retryAfter;
        for (const int fd : flood) {
            const raw::Reply r = raw::readReply(fd);
            ::close(fd);
            judged += r.status == 401;
            if (r.status == 503) {
                ++busy;
                QCOMPARE(r.errorCode(), QStringLiteral("busy"));
                retryAfter = r.header("Retry-After");
                QVERIFY2(retryAfter.toInt() >= 1, r.head.constData());
            }
        }
        const double cpu = raw::cpuSeconds(pid) - cpuBefore;
        qInfo("flood of 300 sign-ins: %d checked (401), %d refused at once (503 busy, Retry-After %s s); "
              "a real sign-in from another address took %lld ms (told to retry %d times); the gateway spent "
              "%.2f CPU-seconds",
              judged, busy, retryAfter.constData(), realMs, busyTurns, cpu);
        QVERIFY(busy > 0);
        QCOMPARE(judged + busy, 300);
        // Generous: a handful of password checks; before the budget it waited behind
        // the whole flood (19 s on the red team's machine).
        QVERIFY2(realMs < 10000 * sanitizerSlowdown(), qPrintable(QString::number(realMs)));
    }

    void busyAnswer_comesAtOnceWithRetryAfter() {
        // Fill this address's share of the queue, then one more: refused at once.
        std::vector<int> held;
        raw::Reply refused;
        qint64 refusedMs = 0;
        for (int i = 0; i < 200 && refused.status != 503; ++i) {
            const int fd = raw::connectFrom("127.0.0.3", m_port);
            QVERIFY(fd >= 0);
            QVERIFY(raw::sendAll(fd, raw::signInRequest(QStringLiteral("share%1@example.test").arg(i),
                                                        QStringLiteral("guess"))));
            // A refusal comes before any password check ends; an admitted attempt does not.
            QElapsedTimer answered;
            answered.start();
            const raw::Reply r = raw::readReply(fd, std::chrono::milliseconds(50));
            if (r.status == 503) {
                refused = r;
                refusedMs = answered.elapsed();
                ::close(fd);
            } else {
                held.push_back(fd);
            }
        }
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.errorCode(), QStringLiteral("busy"));
        QVERIFY(refused.header("Retry-After").toInt() >= 1);
        qInfo("503 busy after %zu admitted attempts from one address, in %lld ms, Retry-After %s",
              held.size(), refusedMs, refused.header("Retry-After").constData());
        for (const int fd : held) {
            raw::readReply(fd);
            ::close(fd);
        }
    }

    void attemptsWhoseClientLeft_areDroppedUnchecked() {
        const QString cursor = call(m_gateway, token(), "GET", QStringLiteral("/v1/audit?limit=1000"))
                                   .json()
                                   .value(QStringLiteral("cursor"))
                                   .toString();
        // Busy workers first (unknown emails: no audit event), so what follows has to wait.
        std::vector<int> busyWorkers;
        for (int i = 0; i < 8; ++i) {
            const QByteArray source = "127.0.3." + QByteArray::number(i + 1);
            const int fd = raw::connectFrom(source.constData(), m_port);
            QVERIFY(fd >= 0);
            QVERIFY(raw::sendAll(fd, raw::signInRequest(QStringLiteral("worker%1@example.test").arg(i),
                                                        QStringLiteral("guess"))));
            busyWorkers.push_back(fd);
        }
        // Twenty clients, one address each, ask to check a known person's password and
        // hang up at once. Each check that ran would be in the log as session.failed.
        for (int i = 0; i < 20; ++i) {
            const QByteArray source = "127.0.1." + QByteArray::number(i + 1);
            const int fd = raw::connectFrom(source.constData(), m_port);
            QVERIFY(fd >= 0);
            QVERIFY(raw::sendAll(
                fd, raw::signInRequest(QStringLiteral("member@demo.test"), QStringLiteral("no"))));
            ::close(fd);
        }
        // A later address is served after every address queued before it (one turn
        // each), so once it is answered, every attempt before it was checked or dropped.
        // While the queue is full it is refused at once, and tries again.
        int status = 503;
        for (int tries = 0; status == 503 && tries < 400; ++tries) {
            if (tries > 0)
                QTest::qWait(25);
            status =
                raw::exchange("127.0.2.1", m_port,
                              raw::signInRequest(QStringLiteral("later@example.test"), QStringLiteral("x")))
                    .status;
        }
        QCOMPARE(status, 401);
        for (const int fd : busyWorkers) {
            raw::readReply(fd);
            ::close(fd);
        }
        const HttpReply log =
            call(m_gateway, token(), "GET", QStringLiteral("/v1/audit?limit=1000&since=") + cursor);
        int checked = 0;
        for (const QJsonValue &value : log.json().value(QStringLiteral("events")).toArray()) {
            const QJsonObject event = value.toObject();
            checked +=
                event.value(QStringLiteral("action")).toString() == QLatin1String("session.failed") &&
                event.value(QStringLiteral("actor")).toObject().value(QStringLiteral("id")).toString() ==
                    QLatin1String("usr_priya");
        }
        qInfo("of 20 sign-ins whose clients hung up while the workers were busy, %d were checked", checked);
        QCOMPARE(checked, 0);
    }

private:
    QByteArray token() {
        if (m_owner.isEmpty())
            m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        return m_owner;
    }

    GatewayProcess m_gateway;
    quint16 m_port = 0;
    QByteArray m_owner;
};

QTEST_GUILESS_MAIN(TestGatewaySignInBudget)
#include "tst_gatewaysigninbudget.moc"
