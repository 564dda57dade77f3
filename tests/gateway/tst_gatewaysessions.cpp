#include "tests/support/gatewayprocess.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace knotie::test;

class TestGatewaySessions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
    }

    void healthz_identifiesTheGateway() {
        const HttpReply r = m_gateway.get(QStringLiteral("/healthz"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("service")).toString(), QStringLiteral("knotie-gateway"));
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    }

    void signIn_ownerGetsTokenAndEveryPermission() {
        const HttpReply r = m_gateway.postJson(QStringLiteral("/v1/sessions"),
                                               {{QStringLiteral("email"), QStringLiteral("owner@demo.test")},
                                                {QStringLiteral("password"), QStringLiteral("knotie-demo")}});
        QCOMPARE(r.status, 201);
        const QJsonObject user = r.json().value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("owner"));
        QCOMPARE(user.value(QStringLiteral("permissions")).toArray().size(), 4);
        QVERIFY(!r.json().value(QStringLiteral("token")).toString().isEmpty());
        QVERIFY(!r.json().value(QStringLiteral("expires_at")).toString().isEmpty());
    }

    void signIn_emailIsCaseInsensitive() {
        QVERIFY(!m_gateway.signIn(QStringLiteral("Admin@Demo.TEST")).isEmpty());
    }

    void signIn_wrongPasswordIsInvalidCredentials() {
        const HttpReply r =
            m_gateway.postJson(QStringLiteral("/v1/sessions"),
                               {{QStringLiteral("email"), QStringLiteral("owner@demo.test")},
                                {QStringLiteral("password"), QStringLiteral("not-the-password")}});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_credentials"));
        QVERIFY(!r.body.contains("token"));
    }

    void signIn_unknownEmailLooksLikeWrongPassword() {
        const HttpReply r = m_gateway.postJson(QStringLiteral("/v1/sessions"),
                                               {{QStringLiteral("email"), QStringLiteral("nobody@demo.test")},
                                                {QStringLiteral("password"), QStringLiteral("knotie-demo")}});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_credentials"));
    }

    void me_namesTheOwnerForAMember() {
        const QByteArray token = m_gateway.signIn(QStringLiteral("member@demo.test"));
        QVERIFY(!token.isEmpty());
        const HttpReply r = m_gateway.get(QStringLiteral("/v1/me"), GatewayProcess::bearer(token));
        QCOMPARE(r.status, 200);
        const QJsonObject partner = r.json().value(QStringLiteral("partner")).toObject();
        QCOMPARE(partner.value(QStringLiteral("name")).toString(), QStringLiteral("Demo Agency"));
        QCOMPARE(partner.value(QStringLiteral("owner")).toObject().value(QStringLiteral("email")).toString(),
                 QStringLiteral("owner@demo.test"));
        const QJsonArray permissions =
            r.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("permissions")).toArray();
        QVERIFY(!permissions.contains(QStringLiteral("settings.manage")));
    }

    void signOut_tokenStopsWorkingAtOnce() {
        const QByteArray token = m_gateway.signIn(QStringLiteral("admin@demo.test"));
        QCOMPARE(
            m_gateway
                .request("DELETE", QStringLiteral("/v1/sessions/current"), {}, GatewayProcess::bearer(token))
                .status,
            204);
        const HttpReply r = m_gateway.get(QStringLiteral("/v1/me"), GatewayProcess::bearer(token));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_session"));
    }

    void body_overOneMebibyteIsRefusedFromContentLength() {
        const HttpReply r =
            m_gateway.request("POST", QStringLiteral("/v1/sessions"), QByteArray(2 * 1024 * 1024, 'x'));
        QCOMPARE(r.status, 413);
        QCOMPARE(r.errorCode(), QStringLiteral("too_large"));
        QCOMPARE(m_gateway.get(QStringLiteral("/healthz")).status, 200);
    }

    void body_notJsonIsInvalidJson() {
        const HttpReply r = m_gateway.request("POST", QStringLiteral("/v1/sessions"), "{not json");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_json"));
    }

    void sigterm_stopsCleanly() {
        GatewayProcess other;
        QVERIFY(other.start());
        other.stop();
        QCOMPARE(other.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(other.process().exitCode(), 0);
    }

private:
    GatewayProcess m_gateway;
};

QTEST_GUILESS_MAIN(TestGatewaySessions)
#include "tst_gatewaysessions.moc"
