#include "tests/gateway/portalcalls.h"
#include "tests/gateway/rawhttp.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/testdatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace knotie::test;
using namespace knotie::test::portal;

// API.md, Sessions: 5 failures for one email within a sliding 15 minutes lock it out;
// the gateway's test clock ends the lockout without waiting. Each test uses its own
// email, so the windows of different tests never overlap.
class TestGatewayLockout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
        // The demo's log already has sign-ins: the tests count from here on.
        const HttpReply log = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?limit=1000"));
        QCOMPARE(log.status, 200);
        m_logStart = log.json().value(QStringLiteral("cursor")).toString();
    }

    void fiveFailures_lockEvenTheRightPasswordUntilTheWindowEnds() {
        QElapsedTimer sinceFirstFailure;
        sinceFirstFailure.start();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(attempt(QStringLiteral("member@demo.test"), QStringLiteral("wrong")).status, 401);
        // Any letter case is the same email; the right password does not help.
        HttpReply r = attempt(QStringLiteral("MEMBER@Demo.Test"), QStringLiteral("knotie-demo"));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.errorCode(), QStringLiteral("too_many_attempts"));
        QVERIFY(!r.body.contains("token"));
        // The lock ends 15 minutes after the first of the five failures.
        QVERIFY2(retryAfterWithin(r, 900, sinceFirstFailure), r.header("Retry-After").constData());
        const qint64 retryAfter = r.header("Retry-After").toLongLong();

        // Refused attempts are not failures: many of them do not push the end back.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(attempt(QStringLiteral("member@demo.test"), QStringLiteral("wrong")).status, 429);
        QVERIFY(m_gateway.advanceClock(retryAfter - 60));
        QCOMPARE(attempt(QStringLiteral("member@demo.test"), QStringLiteral("knotie-demo")).status, 429);
        QVERIFY(m_gateway.advanceClock(60));
        r = attempt(QStringLiteral("member@demo.test"), QStringLiteral("knotie-demo"));
        QCOMPARE(r.status, 201);
        QVERIFY(!r.json().value(QStringLiteral("token")).toString().isEmpty());
    }

    void unknownEmail_isCountedTheSameWay() {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(attempt(QStringLiteral("nobody@demo.test"), QStringLiteral("guess")).status, 401);
        const HttpReply r = attempt(QStringLiteral("Nobody@Demo.test"), QStringLiteral("guess"));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.errorCode(), QStringLiteral("too_many_attempts"));
        QVERIFY(r.header("Retry-After").toLongLong() > 0);
        // Another email is not affected.
        QCOMPARE(attempt(QStringLiteral("somebody-else@demo.test"), QStringLiteral("guess")).status, 401);
    }

    void success_clearsTheFailures() {
        for (int i = 0; i < 4; ++i)
            QCOMPARE(attempt(QStringLiteral("admin@demo.test"), QStringLiteral("wrong")).status, 401);
        QCOMPARE(attempt(QStringLiteral("admin@demo.test"), QStringLiteral("knotie-demo")).status, 201);
        // Had the four stayed, the second of these would be the sixth attempt: 429.
        QCOMPARE(attempt(QStringLiteral("admin@demo.test"), QStringLiteral("wrong")).status, 401);
        QCOMPARE(attempt(QStringLiteral("admin@demo.test"), QStringLiteral("wrong")).status, 401);
    }

    void window_slidesOverFifteenMinutes() {
        const QString email = QStringLiteral("slider@demo.test");
        QElapsedTimer sinceFirstFailure;
        sinceFirstFailure.start();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(attempt(email, QStringLiteral("x")).status, 401);
        // The three are seconds apart on the gateway's clock, which runs with real time.
        const qint64 firstThreeSpread = sinceFirstFailure.elapsed() / 1000 + 1;
        QVERIFY(m_gateway.advanceClock(600));
        for (int i = 0; i < 2; ++i)
            QCOMPARE(attempt(email, QStringLiteral("x")).status, 401);
        // Five within 15 minutes: locked until the first three are 15 minutes old.
        const HttpReply r = attempt(email, QStringLiteral("x"));
        QCOMPARE(r.status, 429);
        QVERIFY2(retryAfterWithin(r, 300, sinceFirstFailure), r.header("Retry-After").constData());
        // Once all three have left the window (the last two have not), three more
        // failures make five again.
        QVERIFY(m_gateway.advanceClock(r.header("Retry-After").toLongLong() + firstThreeSpread));
        QCOMPARE(attempt(email, QStringLiteral("x")).status, 401);
        QCOMPARE(attempt(email, QStringLiteral("x")).status, 401);
        QCOMPARE(attempt(email, QStringLiteral("x")).status, 401);
        QCOMPARE(attempt(email, QStringLiteral("x")).status, 429);
    }

    void parallelGuesses_cannotSlipPastTheLimit() {
        // Ten wrong passwords sent at once: each password check takes ~0.1 s, so all ten
        // are in flight together. Only five may be judged; the rest are refused. Those the
        // sign-in budget turns away (503 busy: one address may hold only a share of the
        // queue) are not attempts: they are sent again, at once, until none is.
        QList<QByteArray> bodies;
        for (int i = 0; i < 10; ++i)
            bodies.append(compact({{QStringLiteral("email"), QStringLiteral("burst@demo.test")},
                                   {QStringLiteral("password"), QStringLiteral("guess %1").arg(i)}}));
        int judged = 0;
        int refused = 0;
        for (int round = 0; !bodies.isEmpty() && round < 100; ++round) {
            const QList<HttpReply> replies = postAtOnce(m_gateway, QStringLiteral("/v1/sessions"), bodies);
            QList<QByteArray> busy;
            for (qsizetype i = 0; i < replies.size(); ++i) {
                judged += replies.at(i).status == 401;
                refused += replies.at(i).status == 429;
                if (replies.at(i).status == 503)
                    busy.append(bodies.at(i));
            }
            bodies = busy;
        }
        QCOMPARE(judged, 5);
        QCOMPARE(refused, 5);
    }

    void auditLog_recordsFailuresOfKnownPeopleOnly() {
        const HttpReply r =
            call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?limit=1000&since=") + m_logStart);
        QCOMPARE(r.status, 200);
        int memberFailures = 0;
        int memberSignIns = 0;
        for (const QJsonValue &v : r.json().value(QStringLiteral("events")).toArray()) {
            const QJsonObject e = v.toObject();
            const QString action = e.value(QStringLiteral("action")).toString();
            const QString actor =
                e.value(QStringLiteral("actor")).toObject().value(QStringLiteral("id")).toString();
            QVERIFY2(!actor.isEmpty(), "every event names a known person");
            if (actor == QLatin1String("usr_priya") && action == QLatin1String("session.failed"))
                ++memberFailures;
            if (actor == QLatin1String("usr_priya") && action == QLatin1String("session.created"))
                ++memberSignIns;
        }
        QCOMPARE(memberFailures, 5); // the refused (429) attempts are not failures
        QCOMPARE(memberSignIns, 1);
        QVERIFY(!r.body.contains("nobody@demo.test"));
        QVERIFY(!r.body.contains("knotie-demo"));
        QVERIFY(!r.body.contains("\"wrong\""));
    }

    // API.md v1.1: failures count per email and client address. Someone who knows the
    // owner's email cannot lock the owner out from elsewhere.
    void lockout_isPerAddress() {
        const quint16 port = static_cast<quint16>(m_gateway.baseUrl().port());
        const QByteArray wrong =
            raw::signInRequest(QStringLiteral("owner@demo.test"), QStringLiteral("wrong"));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(raw::exchange("127.0.0.5", port, wrong).status, 401);
        const raw::Reply locked = raw::exchange("127.0.0.5", port, wrong);
        QCOMPARE(locked.status, 429);
        QVERIFY(locked.header("Retry-After").toInt() > 0);
        // The owner, from another address, signs in; the attacker's address stays locked.
        const QByteArray right =
            raw::signInRequest(QStringLiteral("Owner@Demo.test"), QStringLiteral("knotie-demo"));
        QCOMPARE(raw::exchange("127.0.0.6", port, right).status, 201);
        QCOMPARE(raw::exchange("127.0.0.5", port, right).status, 429);
    }

    // What was typed as an email is kept only as a keyed hash (HMAC-SHA256), never as text.
    void failedEmails_areNeverStoredInTheClear() {
        const QString typed = QStringLiteral("Typed-Secret-Email@Example.Test");
        for (int i = 0; i < 3; ++i)
            QCOMPARE(attempt(typed, QStringLiteral("x")).status, 401);
        const QDir data(m_gateway.dataDirectory());
        for (const QString &file : data.entryList({QStringLiteral("gateway.sqlite*")}, QDir::Files)) {
            QFile f(data.filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll().toLower();
            QVERIFY2(!bytes.contains("typed-secret-email"), qPrintable(file));
        }
        if (!m_gateway.database().isEmpty())
            QVERIFY(!postgresRows(m_gateway.database()).toLower().contains("typed-secret-email"));
    }

    // Each attempt reads only its own failures and prunes old ones through an index,
    // inside the write lock: never a scan of the whole table.
    void failures_areIndexedAndPruned() {
        for (int i = 0; i < 2; ++i)
            QCOMPARE(attempt(QStringLiteral("prune@demo.test"), QStringLiteral("x")).status, 401);
        QVERIFY(m_gateway.advanceClock(16 * 60));
        QCOMPARE(attempt(QStringLiteral("fresh@demo.test"), QStringLiteral("x")).status, 401);

        TestDatabaseConnection database(gatewayDatabase(m_gateway));
        // Everything older than the window went with that attempt: one row is left.
        QCOMPARE(database.value(QStringLiteral("SELECT count(*) FROM sign_in_failures")).toInt(), 1);
        // The plans: SQLite's. PostgreSQL's planner scans a table this small whatever its
        // indexes, which are the same migration's.
        if (database.isPostgres())
            return;
        QSqlQuery q(database.db());
        for (const QString &statement :
             {QStringLiteral("DELETE FROM sign_in_failures WHERE at <= 5"),
              QStringLiteral("SELECT at FROM sign_in_failures WHERE email_hash = x'00' AND address = 'a'"
                             " ORDER BY at DESC LIMIT 1 OFFSET 4")}) {
            QVERIFY(q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + statement));
            QString plan;
            while (q.next())
                plan += q.value(3).toString() + QLatin1Char(';');
            QVERIFY2(plan.contains(QLatin1String("USING")) && !plan.contains(QLatin1String("SCAN")),
                     qPrintable(statement + QLatin1String(": ") + plan));
        }
    }

private:
    // Retry-After counts from the failure that ends the lock; the gateway's clock runs on
    // with real time, so it is `full` minus the seconds that really passed since then.
    static bool retryAfterWithin(const HttpReply &reply, qint64 full, const QElapsedTimer &since) {
        bool ok = false;
        const qint64 value = reply.header("Retry-After").toLongLong(&ok);
        return ok && value <= full && value >= full - since.elapsed() / 1000 - 1;
    }

    HttpReply attempt(const QString &email, const QString &password) const {
        return m_gateway.postJson(QStringLiteral("/v1/sessions"),
                                  {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    }

    GatewayProcess m_gateway;
    QByteArray m_owner;
    QString m_logStart;
};

QTEST_GUILESS_MAIN(TestGatewayLockout)
#include "tst_gatewaylockout.moc"
