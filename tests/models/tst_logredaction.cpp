#include "models/domain/keyformat.h"
#include "models/logging.h"
#include "models/network/keyjobs.h"
#include "models/network/sessionjobs.h"
#include "models/secrets/secretstore.h"
#include "models/session/session.h"
#include "tests/models/jobrunner.h"
#include "tests/support/gatewayprocess.h"

#include <QMutex>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace knotie;
using namespace knotie::test;

namespace {
QMutex logMutex;
QByteArray captured;
QtMessageHandler previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    {
        QMutexLocker lock(&logMutex);
        captured += QByteArray(context.category ? context.category : "") + ": " + message.toUtf8() + '\n';
    }
    if (previous)
        previous(type, context, message);
}

const QString password = QStringLiteral("knotie-demo");
const QString wrongPassword = QStringLiteral("Tr0ub4dor&3-wrong");
} // namespace

// Every log category on, a whole flow through the client, and not one secret in the
// output: no password, no session token, no API key secret.
class TestLogRedaction : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QLoggingCategory::setFilterRules(QStringLiteral("knotie.*=true"));
        previous = qInstallMessageHandler(capture);
        QVERIFY(m_gateway.start());
    }
    void cleanupTestCase() { qInstallMessageHandler(previous); }

    void signInCreateRotate_everyCategoryOn_logsNoSecret() {
        QNetworkAccessManager network;
        SecretStore secrets(QStringLiteral("knotie-portal-test"));

        // A failed sign-in, then a real one with "keep me signed in".
        SignInJob wrong(GatewayConnection(&network, m_gateway.baseUrl()), QStringLiteral("owner@demo.test"),
                        wrongPassword, false);
        QCOMPARE(runJob(wrong).errorCode, QStringLiteral("invalid_credentials"));
        SignInFlow flow(&network);
        QSignalSpy signedIn(&flow, &SignInFlow::succeeded);
        flow.signIn(m_gateway.baseUrl().toString(), QStringLiteral("owner@demo.test"), password, true);
        QVERIFY(signedIn.wait(20000));
        const SignedInSession s = signedIn.at(0).at(0).value<SignedInSession>();
        QVERIFY(!s.token.isEmpty());
        Session session(&network, &secrets);
        QSignalSpy kept(&session, &Session::notice);
        session.begin(s);

        // Create and rotate through the client: both answers carry a secret.
        CreateKeyJob create(
            session.connection(),
            KeyDraft{QStringLiteral("N8N Production"), {}, KeyType::ReadOnly, {}, 0, std::nullopt});
        QVERIFY(runJob(create).ok());
        const QByteArray created = create.takeSecret();
        QCOMPARE(keyformat::verify(created), keyformat::Verdict::Ok);
        RotateKeyJob rotate(session.connection(), create.created().key.id);
        QVERIFY(runJob(rotate).ok());
        const QByteArray rotated = rotate.takeSecret();
        QCOMPARE(keyformat::verify(rotated), keyformat::Verdict::Ok);
        QVERIFY(rotate.takeSecret().isEmpty()); // handed over once
        CheckKeyJob check(session.connection(), rotated);
        QVERIFY(runJob(check).ok());

        QVERIFY(QTest::qWaitFor([&] { return kept.size() > 0 || keptToken(secrets, s) == s.token; }, 20000));
        session.signOut();
        QTest::qWait(0);

        QMutexLocker lock(&logMutex);
        QVERIFY2(captured.contains("knotie.network"), "the network category logged nothing");
        QVERIFY2(captured.contains("request"), captured.constData());
        for (const QByteArray &forbidden : {password.toUtf8(), wrongPassword.toUtf8(), s.token, created,
                                            rotated, created.mid(6, 32), rotated.mid(6, 32)})
            QVERIFY2(!captured.contains(forbidden), qPrintable(QStringLiteral("a secret reached the log")));
    }

    void redact_headersInAnyCase_andSecretFieldsInBodies() {
        QCOMPARE(redactHeader("AUTHORIZATION", "Bearer abc"), QByteArray("[redacted]"));
        QCOMPARE(redactHeader("x-Api-KEY", "kn_pk_x"), QByteArray("[redacted]"));
        QCOMPARE(redactHeader("Accept", "application/json"), QByteArray("application/json"));
        const QByteArray body =
            "{\"password\":\"p\\\"w\",\"token\":\"t0k\",\"secret\":\"s\",\"name\":\"N8N\"}";
        const QByteArray redacted = redactBody(body);
        QVERIFY(!redacted.contains("p\\\"w") && !redacted.contains("t0k") && !redacted.contains("\"s\""));
        QVERIFY(redacted.contains("N8N"));
        // The password change's body (POST /v1/me/password).
        const QByteArray change = redactBody("{\"current\":\"old-pass-1\",\"new\":\"new-pass-22\"}");
        QVERIFY2(!change.contains("old-pass-1") && !change.contains("new-pass-22"), change.constData());
        QVERIFY(!redactBody("see kn_pk_0123456789ABCDEFGHIJabcdefghijKL3okxLg here").contains("0123456789"));
    }

private:
    QByteArray keptToken(SecretStore &secrets, const SignedInSession &s) {
        std::optional<SecretStore::Result> result;
        secrets.read(Session::tokenKey(s.gateway, s.account.user.email), this,
                     [&result](const SecretStore::Result &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            return {};
        return result->value;
    }

    GatewayProcess m_gateway;
};

QTEST_GUILESS_MAIN(TestLogRedaction)
#include "tst_logredaction.moc"
