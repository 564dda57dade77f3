#include "tests/gateway/portalcalls.h"
#include "tests/gateway/rawhttp.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/slowdown.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

#include <chrono>
#include <vector>

using namespace knotie::test;
using namespace knotie::test::portal;
using Clock = std::chrono::steady_clock;

namespace {
QByteArray getRequest(const QString &pathAndQuery, const QByteArray &token) {
    return "GET " + pathAndQuery.toLatin1() + " HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + token +
           "\r\nConnection: close\r\n\r\n";
}

// A request sent on its own connection whose answer is read later.
int sendHeld(quint16 port, const QString &pathAndQuery, const QByteArray &token) {
    const int fd = raw::connectFrom("127.0.0.1", port);
    if (fd >= 0 && !raw::sendAll(fd, getRequest(pathAndQuery, token))) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool answered(int fd, int withinMs) {
    pollfd readable{fd, POLLIN, 0};
    return ::poll(&readable, 1, withinMs) > 0;
}

QJsonObject bodyOf(const raw::Reply &reply) {
    return QJsonDocument::fromJson(reply.body).object();
}

qint64 msSince(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}
} // namespace

// API.md v1.1 "Changes as they happen": GET /v1/keys and /v1/audit with `wait` hold an
// empty answer until a change of the partner commits, over real sockets.
class TestGatewayChangeWaits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        m_admin = m_gateway.signIn(QStringLiteral("admin@demo.test"));
        QVERIFY(!m_owner.isEmpty() && !m_admin.isEmpty());
    }

    void keyWait_wokenByAChangeOnAnotherConnection() {
        const QString cursor = keysCursor(m_owner);
        const int held = sendHeld(port(), QStringLiteral("/v1/keys?since=%1&wait=30").arg(cursor), m_owner);
        QVERIFY(held >= 0);
        QVERIFY2(!answered(held, 300), "answered although nothing changed");

        // Another person, another connection: the change is sent raw so the clock starts
        // before its commit and the held answer is timed as it arrives.
        const int change = raw::connectFrom("127.0.0.1", port());
        const QByteArray body = compact({{QStringLiteral("name"), QStringLiteral("Woken by this")},
                                         {QStringLiteral("type"), QStringLiteral("read_only")}});
        const auto sent = Clock::now();
        QVERIFY(raw::sendAll(
            change, raw::postRequest("/v1/keys", body, "Authorization: Bearer " + m_admin + "\r\n")));
        QVERIFY(answered(held, 10000));
        const qint64 delay = msSince(sent);
        qInfo("held answer arrived %lld ms after the change was sent (contract: 200 ms after its commit)",
              static_cast<long long>(delay));
        const raw::Reply created = raw::readReply(change);
        ::close(change);
        QCOMPARE(created.status, 201);
        const raw::Reply reply = raw::readReply(held);
        ::close(held);
        QCOMPARE(reply.status, 200);
        const QJsonArray keys = bodyOf(reply).value(QStringLiteral("keys")).toArray();
        QCOMPARE(keys.size(), 1);
        QCOMPARE(keys.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Woken by this"));
        QVERIFY(bodyOf(reply).value(QStringLiteral("cursor")).toString() != cursor);
        QVERIFY2(delay < 1000, "the held answer came long after the change");
    }

    // A customer made through the Platform API is an audit event, and wakes the audit wait.
    void auditWait_wokenByACustomerCreatedWithAnApiKey() {
        const HttpReply issued =
            createKey(m_gateway, m_owner, QStringLiteral("Script"), QStringLiteral("partner"));
        QCOMPARE(issued.status, 201);
        const QByteArray secret = issued.json().value(QStringLiteral("secret")).toString().toLatin1();
        const QString cursor = auditCursor(m_owner);
        const int held = sendHeld(port(), QStringLiteral("/v1/audit?since=%1&wait=30").arg(cursor), m_owner);
        QVERIFY(!answered(held, 300));
        const HttpReply customer =
            m_gateway.request("POST", QStringLiteral("/api/v1/customers"),
                              compact({{QStringLiteral("name"), QStringLiteral("Made by a script")}}),
                              {{"X-API-Key", secret}, {"Content-Type", "application/json"}});
        QCOMPARE(customer.status, 201);
        const QString customerId = customer.json().value(QStringLiteral("id")).toString();
        QVERIFY(answered(held, 5000));
        const raw::Reply reply = raw::readReply(held);
        ::close(held);
        const QJsonArray events = bodyOf(reply).value(QStringLiteral("events")).toArray();
        QCOMPARE(events.size(), 1);
        const QJsonObject event = events.at(0).toObject();
        QCOMPARE(event.value(QStringLiteral("action")).toString(), QStringLiteral("customer.created"));
        const QJsonObject details = event.value(QStringLiteral("details")).toObject();
        QCOMPARE(details.value(QStringLiteral("customer")).toObject(),
                 (QJsonObject{{QStringLiteral("id"), customerId},
                              {QStringLiteral("name"), QStringLiteral("Made by a script")}}));
        // The actor is the person the key answers to; the key that acted is the event's key.
        QCOMPARE(event.value(QStringLiteral("actor")).toObject().value(QStringLiteral("name")).toString(),
                 keyOf(issued)
                     .value(QStringLiteral("created_by"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString());
        QCOMPARE(event.value(QStringLiteral("key_id")).toString(), idOf(keyOf(issued)));

        // A rename is one too; a "rename" to the same name is not.
        const QString after = bodyOf(reply).value(QStringLiteral("cursor")).toString();
        for (const QString &name :
             {QStringLiteral("Renamed by a script"), QStringLiteral("Renamed by a script")})
            QCOMPARE(m_gateway
                         .request("PATCH", QStringLiteral("/api/v1/customers/") + customerId,
                                  compact({{QStringLiteral("name"), name}}),
                                  {{"X-API-Key", secret}, {"Content-Type", "application/json"}})
                         .status,
                     200);
        const QJsonArray renamed = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?since=") + after)
                                       .json()
                                       .value(QStringLiteral("events"))
                                       .toArray();
        QCOMPARE(renamed.size(), 1);
        QCOMPARE(renamed.at(0).toObject().value(QStringLiteral("action")).toString(),
                 QStringLiteral("customer.renamed"));
    }

    void waitOutOfRange_is422() {
        const QString cursor = keysCursor(m_owner);
        for (const QString &wait : {QStringLiteral("61"), QStringLiteral("-1"), QStringLiteral("soon")}) {
            for (const QString &list : {QStringLiteral("keys"), QStringLiteral("audit")}) {
                const HttpReply r =
                    call(m_gateway, m_owner, "GET", QStringLiteral("/v1/%1?wait=%2").arg(list, wait));
                QCOMPARE(r.status, 422);
                QCOMPARE(r.errorCode(), QStringLiteral("invalid_wait"));
                QCOMPARE(fieldOf(r), QStringLiteral("wait"));
            }
        }
        // wait=0 answers at once, as without it.
        QCOMPARE(call(m_gateway, m_owner, "GET", QStringLiteral("/v1/keys?wait=0&since=") + cursor).status,
                 200);
    }

    // Four held per session; the fifth is answered at once, empty; one change wakes all four.
    void fifthWaitOfASession_answeredAtOnceAndOneChangeWakesEveryWaiter() {
        const QByteArray session = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        // Settle first: a last-used stamp still being written by earlier requests is a change
        // too, and would rightly wake a waiter before the fifth one is asked.
        QString cursor = keysCursor(session);
        for (int i = 0; i < 10; ++i) {
            const HttpReply r =
                call(m_gateway, session, "GET", QStringLiteral("/v1/keys?wait=1&since=") + cursor);
            if (r.json().value(QStringLiteral("keys")).toArray().isEmpty())
                break;
            cursor = r.json().value(QStringLiteral("cursor")).toString();
        }
        const QString path = QStringLiteral("/v1/keys?since=%1&wait=30").arg(cursor);
        std::vector<int> held;
        for (int i = 0; i < 4; ++i)
            held.push_back(sendHeld(port(), path, session));
        for (const int fd : held)
            QVERIFY2(!answered(fd, 200), "one of the first four was not held");
        const auto started = Clock::now();
        const int fifth = sendHeld(port(), path, session);
        QVERIFY(answered(fifth, 5000));
        qInfo("fifth wait answered after %lld ms", static_cast<long long>(msSince(started)));
        const raw::Reply refused = raw::readReply(fifth);
        ::close(fifth);
        QCOMPARE(refused.status, 200);
        QCOMPARE(bodyOf(refused).value(QStringLiteral("keys")).toArray().size(), 0);
        QCOMPARE(bodyOf(refused).value(QStringLiteral("cursor")).toString(), cursor);
        for (const int fd : held)
            QVERIFY2(!answered(fd, 0), "the fifth wait released an earlier one");

        QCOMPARE(createKey(m_gateway, m_admin, QStringLiteral("Wakes four")).status, 201);
        for (const int fd : held) {
            QVERIFY(answered(fd, 5000));
            const raw::Reply reply = raw::readReply(fd);
            ::close(fd);
            QCOMPARE(bodyOf(reply).value(QStringLiteral("keys")).toArray().size(), 1);
        }
    }

    // Held answers take no database thread: with ten held (more than the gateway's six
    // database threads), ordinary requests are still answered at once.
    void heldWaits_leaveTheDatabaseThreadsFree() {
        std::vector<int> held;
        std::vector<QByteArray> sessions;
        for (int s = 0; s < 3; ++s)
            sessions.push_back(m_gateway.signIn(QStringLiteral("admin@demo.test")));
        for (int i = 0; i < 10; ++i) {
            const QByteArray &session = sessions[static_cast<std::size_t>(i % 3)];
            held.push_back(sendHeld(
                port(), QStringLiteral("/v1/audit?since=%1&wait=60").arg(auditCursor(session)), session));
        }
        for (const int fd : held)
            QVERIFY(!answered(fd, 50));
        const auto started = Clock::now();
        for (int i = 0; i < 12; ++i) {
            const raw::Reply r = raw::exchange(
                "127.0.0.1", port(), getRequest(QStringLiteral("/v1/me"), m_owner), std::chrono::seconds(20));
            QCOMPARE(r.status, 200);
        }
        qInfo("12 requests beside 10 held waits took %lld ms", static_cast<long long>(msSince(started)));
        for (const int fd : held) {
            QVERIFY2(!answered(fd, 0), "a held answer ended early");
            ::close(fd);
        }
    }

    // Expiry: the empty answer with the cursor sent, and a held answer outlives the
    // request deadline and the idle timeout (both 1 s here).
    void waitExpires_emptyWithTheSameCursor_pastTheRequestDeadline() {
        // The deadline must still let a sign-in through: a password check takes seconds under
        // the sanitizers, so both times grow there, the wait staying three times the deadline.
        const int deadlineMs = 1000 * sanitizerSlowdown();
        const int waitSeconds = 3 * sanitizerSlowdown();
        GatewayProcess gateway(
            GatewayProcess::Options{true,
                                    false,
                                    {QStringLiteral("--request-deadline-ms"), QString::number(deadlineMs),
                                     QStringLiteral("--idle-timeout-ms"), QString::number(deadlineMs)},
                                    {}});
        QVERIFY(gateway.start());
        const QByteArray token = gateway.signIn(QStringLiteral("owner@demo.test"));
        for (const QString &list : {QStringLiteral("keys"), QStringLiteral("audit")}) {
            const QString cursor = call(gateway, token, "GET", QStringLiteral("/v1/") + list)
                                       .json()
                                       .value(QStringLiteral("cursor"))
                                       .toString();
            const auto started = Clock::now();
            const raw::Reply reply = raw::exchange(
                "127.0.0.1", static_cast<quint16>(gateway.baseUrl().port()),
                getRequest(QStringLiteral("/v1/%1?since=%2&wait=%3").arg(list, cursor).arg(waitSeconds),
                           token),
                std::chrono::seconds(20 + waitSeconds));
            const qint64 waited = msSince(started);
            qInfo("%s: empty answer after %lld ms (wait=%d)", qPrintable(list),
                  static_cast<long long>(waited), waitSeconds);
            QCOMPARE(reply.status, 200);
            const QJsonObject body = bodyOf(reply);
            QCOMPARE(
                body.value(list == QLatin1String("keys") ? QStringLiteral("keys") : QStringLiteral("events"))
                    .toArray()
                    .size(),
                0);
            QCOMPARE(body.value(QStringLiteral("cursor")).toString(), cursor);
            QCOMPARE(body.value(QStringLiteral("has_more")).toBool(), false);
            QVERIFY(waited >= waitSeconds * 1000 - 100);
        }
    }

    // SIGTERM with held answers: each gets its empty answer and the gateway exits 0 promptly.
    void stopWithHeldAnswers_answersThemEmptyAndExitsCleanly() {
        GatewayProcess gateway(GatewayProcess::Options{true, false, {}, {}});
        QVERIFY(gateway.start());
        const QByteArray token = gateway.signIn(QStringLiteral("owner@demo.test"));
        const QString cursor = call(gateway, token, "GET", QStringLiteral("/v1/keys"))
                                   .json()
                                   .value(QStringLiteral("cursor"))
                                   .toString();
        std::vector<int> held;
        for (int i = 0; i < 3; ++i)
            held.push_back(sendHeld(static_cast<quint16>(gateway.baseUrl().port()),
                                    QStringLiteral("/v1/keys?since=%1&wait=60").arg(cursor), token));
        for (const int fd : held)
            QVERIFY(!answered(fd, 200));
        const auto started = Clock::now();
        gateway.process().terminate();
        QVERIFY2(gateway.process().waitForFinished(10000), "the gateway hung on SIGTERM with held answers");
        qInfo("stopped %lld ms after SIGTERM", static_cast<long long>(msSince(started)));
        QCOMPARE(gateway.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(gateway.process().exitCode(), 0);
        for (const int fd : held) {
            const raw::Reply reply = raw::readReply(fd, std::chrono::seconds(1));
            ::close(fd);
            QCOMPARE(reply.status, 200);
            QCOMPARE(bodyOf(reply).value(QStringLiteral("keys")).toArray().size(), 0);
            QCOMPARE(bodyOf(reply).value(QStringLiteral("cursor")).toString(), cursor);
        }
        QVERIFY2(msSince(started) < 5000, "stopping took long");
    }

private:
    quint16 port() const { return static_cast<quint16>(m_gateway.baseUrl().port()); }
    QString keysCursor(const QByteArray &token) const {
        return call(m_gateway, token, "GET", QStringLiteral("/v1/keys"))
            .json()
            .value(QStringLiteral("cursor"))
            .toString();
    }
    QString auditCursor(const QByteArray &token) const {
        QString cursor;
        HttpReply page;
        QString path = QStringLiteral("/v1/audit");
        do {
            page = call(m_gateway, token, "GET", path);
            cursor = page.json().value(QStringLiteral("cursor")).toString();
            path = QStringLiteral("/v1/audit?since=") + cursor;
        } while (page.json().value(QStringLiteral("has_more")).toBool());
        return cursor;
    }

    GatewayProcess m_gateway;
    QByteArray m_owner;
    QByteArray m_admin;
};

QTEST_GUILESS_MAIN(TestGatewayChangeWaits)
#include "tst_gatewaychangewaits.moc"
