#include "models/domain/keyformat.h"
#include "models/keys/keytest.h"
#include "models/session/session.h"
#include "models/session/signinflow.h"
#include "tests/support/gatewayprocess.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace knotie;
using namespace knotie::test;

// "Test a key" against a real gateway: each outcome API.md names, with keys made through
// the gateway's own key routes.
class TestKeyTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
        SignInFlow flow(&m_network);
        QSignalSpy ok(&flow, &SignInFlow::succeeded);
        flow.signIn(m_gateway.baseUrl().toString(), QStringLiteral("admin@demo.test"),
                    QStringLiteral("knotie-demo"), false);
        QVERIFY(ok.wait(20000));
        m_session.begin(ok.at(0).at(0).value<SignedInSession>());
        QVERIFY(m_session.isSignedIn());
    }

    // Signed in, then the gateway went away: the key's own checks still tell something, and the
    // address that worked a moment ago is not blamed.
    void gatewayAway_saysTheKeyIsWellFormedAndDoesNotBlameTheAddress() {
        GatewayProcess gateway;
        QVERIFY(gateway.start());
        SignInFlow flow(&m_network);
        QSignalSpy ok(&flow, &SignInFlow::succeeded);
        flow.signIn(gateway.baseUrl().toString(), QStringLiteral("admin@demo.test"),
                    QStringLiteral("knotie-demo"), false);
        QVERIFY(ok.wait(20000));
        Session session(&m_network, nullptr);
        session.begin(ok.at(0).at(0).value<SignedInSession>());
        gateway.stop();

        KeyTest test(&session);
        QSignalSpy checked(&test, &KeyTest::checked);
        test.test(keyformat::generate(KeyType::Webhook));
        QVERIFY(checked.wait(30000));
        const KeyTest::Result r = result(checked);
        QCOMPARE(r.verdict, KeyTest::Verdict::Failed);
        QVERIFY2(!r.failure.contains(QStringLiteral("address")), qPrintable(r.failure));
        QVERIFY2(r.failure.contains(QStringLiteral("well-formed")), qPrintable(r.failure));
        QVERIFY2(r.failure.contains(QStringLiteral("Webhook")), qPrintable(r.failure));
    }

    void malformed_isAnsweredLocallyBeforeReturning() {
        KeyTest test(&m_session);
        QSignalSpy checked(&test, &KeyTest::checked);
        test.test("sk_live_1234");
        // Answered before test() returned: no network call could have finished yet.
        QCOMPARE(checked.count(), 1);
        QCOMPARE(result(checked).verdict, KeyTest::Verdict::Malformed);
        QVERIFY(!test.isRunning());
    }

    void badChecksum_isAnsweredLocallyWithTheType() {
        QByteArray secret = keyformat::generate(KeyType::Webhook);
        secret[20] = secret[20] == 'a' ? 'b' : 'a';
        KeyTest test(&m_session);
        QSignalSpy checked(&test, &KeyTest::checked);
        test.test("  " + secret + "\n");
        QCOMPARE(checked.count(), 1);
        QCOMPARE(result(checked).verdict, KeyTest::Verdict::BadChecksum);
        QCOMPARE(result(checked).type, KeyType::Webhook);
    }

    void unknown_wellFormedKeyNobodyIssued() {
        const KeyTest::Result r = run(keyformat::generate(KeyType::Partner));
        QCOMPARE(r.verdict, KeyTest::Verdict::Unknown);
        QVERIFY(!r.key);
        QCOMPARE(r.type, KeyType::Partner);
    }

    void revoked_saysWhenAndByWhom() {
        const auto [id, secret] = createKey(QStringLiteral("read_only"));
        QCOMPARE(
            m_gateway.request("DELETE", QStringLiteral("/v1/keys/") + id, {}, GatewayProcess::bearer(m_owner))
                .status,
            200);
        const KeyTest::Result r = run(secret);
        QCOMPARE(r.verdict, KeyTest::Verdict::Revoked);
        QVERIFY(r.key);
        QCOMPARE(r.key->id, id);
        QVERIFY(r.key->revokedAt > 0);
        QVERIFY(r.key->revokedBy);
        QCOMPARE(r.key->revokedBy->name, QStringLiteral("Maya Lindqvist"));
    }

    void expired_afterRotationWithoutGrace() {
        const auto [id, secret] = createKey(QStringLiteral("partner"));
        const HttpReply rotated =
            m_gateway.postJson(QStringLiteral("/v1/keys/%1/rotate").arg(id),
                               {{QStringLiteral("grace_seconds"), 0}}, GatewayProcess::bearer(m_owner));
        QCOMPARE(rotated.status, 201);
        const KeyTest::Result r = run(secret);
        QCOMPARE(r.verdict, KeyTest::Verdict::Expired);
        QVERIFY(r.key);
        QVERIFY(r.key->expiresAt > 0);
    }

    void valid_eachTypeWithItsLiveCall_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("expected");
        QTest::newRow("partner") << QStringLiteral("partner") << int(KeyType::Partner);
        QTest::newRow("customer") << QStringLiteral("customer") << int(KeyType::Customer);
        QTest::newRow("read_only") << QStringLiteral("read_only") << int(KeyType::ReadOnly);
        QTest::newRow("webhook") << QStringLiteral("webhook") << int(KeyType::Webhook);
    }
    void valid_eachTypeWithItsLiveCall() {
        QFETCH(QString, type);
        QFETCH(int, expected);
        const auto [id, secret] = createKey(type);
        KeyTest test(&m_session);
        QSignalSpy checked(&test, &KeyTest::checked);
        QSignalSpy live(&test, &KeyTest::liveCallFinished);
        test.test(secret);
        QVERIFY(checked.wait(20000));
        QCOMPARE(result(checked).verdict, KeyTest::Verdict::Valid);
        QCOMPARE(int(result(checked).key->type), expected);
        QCOMPARE(result(checked).key->id, id);
        QVERIFY(live.count() == 1 || live.wait(20000));
        const auto call = live.at(0).at(0).value<KeyTest::LiveCall>();
        QVERIFY(call.ok);
        QCOMPARE(call.httpStatus, 200);
        QCOMPARE(call.keyId, id);
        QCOMPARE(call.keyType, type);
        QCOMPARE(call.customerId,
                 type == QLatin1String("customer") ? QStringLiteral("cus_brightside") : QString());
    }

    void secret_neverReachesTheLogEvenWithNetworkDebugOn() {
        const auto [id, secret] = createKey(QStringLiteral("partner"));
        QLoggingCategory::setFilterRules(QStringLiteral("knotie.*=true"));
        s_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &, const QString &message) { s_log.append(message); });
        KeyTest test(&m_session);
        QSignalSpy live(&test, &KeyTest::liveCallFinished);
        test.test(secret);
        const bool answered = live.wait(20000);
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(answered);
        QVERIFY(live.at(0).at(0).value<KeyTest::LiveCall>().ok);
        // Both calls were logged (so the check below looked at something) ...
        QVERIFY(s_log.join(u'\n').contains(QStringLiteral("/v1/keys/check")));
        QVERIFY(s_log.join(u'\n').contains(QStringLiteral("/api/v1/whoami")));
        // ... and neither the secret nor its random part appears anywhere.
        QVERIFY(!s_log.join(u'\n').contains(QString::fromLatin1(secret.mid(6, 32))));
    }

    void anotherPartnersKey_isUnknown() {
        const QByteArray other = m_gateway.signIn(QStringLiteral("other@demo.test"));
        const HttpReply created = m_gateway.postJson(QStringLiteral("/v1/keys"),
                                                     {{QStringLiteral("name"), QStringLiteral("Theirs")},
                                                      {QStringLiteral("type"), QStringLiteral("partner")}},
                                                     GatewayProcess::bearer(other));
        QCOMPARE(created.status, 201);
        const KeyTest::Result r = run(created.json().value(QStringLiteral("secret")).toString().toLatin1());
        QCOMPARE(r.verdict, KeyTest::Verdict::Unknown);
        QVERIFY(!r.key);
    }

private:
    static inline QStringList s_log;

    static KeyTest::Result result(const QSignalSpy &spy) { return spy.at(0).at(0).value<KeyTest::Result>(); }

    KeyTest::Result run(const QByteArray &secret) {
        KeyTest test(&m_session);
        QSignalSpy checked(&test, &KeyTest::checked);
        test.test(secret);
        if (!checked.wait(20000))
            return {};
        return result(checked);
    }

    std::pair<QString, QByteArray> createKey(const QString &type) {
        QJsonObject body{{QStringLiteral("name"), QStringLiteral("Test %1").arg(type)},
                         {QStringLiteral("type"), type}};
        if (type == QLatin1String("customer"))
            body.insert(QStringLiteral("customer_id"), QStringLiteral("cus_brightside"));
        const HttpReply created =
            m_gateway.postJson(QStringLiteral("/v1/keys"), body, GatewayProcess::bearer(m_owner));
        if (created.status != 201)
            qWarning() << "create failed" << created.status << created.body;
        return {created.json().value(QStringLiteral("key")).toObject().value(QStringLiteral("id")).toString(),
                created.json().value(QStringLiteral("secret")).toString().toLatin1()};
    }

    GatewayProcess m_gateway;
    QNetworkAccessManager m_network;
    Session m_session{&m_network, nullptr};
    QByteArray m_owner;
};

QTEST_MAIN(TestKeyTest)
#include "tst_keytest.moc"
