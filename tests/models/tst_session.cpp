#include "models/network/datajobs.h"
#include "models/network/sessionjobs.h"
#include "models/secrets/secretstore.h"
#include "models/session/session.h"
#include "tests/models/jobrunner.h"
#include "tests/support/gatewayprocess.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace knotie;
using namespace knotie::test;

// Against a real gateway process and the real Secret Service (the test command runs
// ctest inside dbus-run-session with an unlocked gnome-keyring-daemon).
class TestSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
    }

    void keepMeSignedIn_tokenKeptInKeychain_restoredNextTime() {
        const SignedInSession signedIn = signIn(QStringLiteral("owner@demo.test"), true);
        QVERIFY(!signedIn.token.isEmpty());
        {
            Session session(&m_network, &m_secrets);
            QSignalSpy notices(&session, &Session::notice);
            session.begin(signedIn);
            QVERIFY(session.isSignedIn());
            // The keychain write is asynchronous: wait until the entry is there.
            QVERIFY(QTest::qWaitFor([&] { return readKept(signedIn.account.user.email) == signedIn.token; },
                                    20000));
            QCOMPARE(notices.size(), 0);
        }
        Session next(&m_network, &m_secrets);
        QSignalSpy restored(&next, &Session::signedIn);
        next.restore(m_gateway.baseUrl(), QStringLiteral("owner@demo.test"));
        QVERIFY(restored.wait(20000));
        QCOMPARE(next.account().user.id, signedIn.account.user.id);
        QCOMPARE(next.account().role, Role::Owner);

        QSignalSpy out(&next, &Session::signedOut);
        next.signOut();
        QCOMPARE(out.size(), 1);
        QVERIFY(
            QTest::qWaitFor([&] { return readKept(QStringLiteral("owner@demo.test")).isEmpty(); }, 20000));
        // Signing out ended the token at the gateway too.
        QVERIFY(QTest::qWaitFor(
            [&] {
                MeJob me(GatewayConnection(&m_network, m_gateway.baseUrl(), signedIn.token));
                return runJob(me).errorCode == QLatin1String("invalid_session");
            },
            20000));
    }

    void keptSession_gatewayUnreachable_signedInOfflineAsBefore() {
        GatewayProcess gateway;
        QVERIFY(gateway.start());
        SignInFlow flow(&m_network);
        QSignalSpy ok(&flow, &SignInFlow::succeeded);
        flow.signIn(gateway.baseUrl().toString(), QStringLiteral("member@demo.test"),
                    QStringLiteral("knotie-demo"), true);
        QVERIFY(ok.wait(20000));
        const SignedInSession signedIn = ok.at(0).at(0).value<SignedInSession>();
        {
            Session session(&m_network, &m_secrets);
            session.begin(signedIn);
            QVERIFY(QTest::qWaitFor(
                [&] {
                    return !readKey(
                                Session::accountKey(gateway.baseUrl(), QStringLiteral("member@demo.test")))
                                .isEmpty();
                },
                20000));
        }
        gateway.stop();
        Session offline(&m_network, &m_secrets);
        QSignalSpy restored(&offline, &Session::signedIn);
        offline.restore(gateway.baseUrl(), QStringLiteral("member@demo.test"));
        QVERIFY(restored.wait(30000));
        QVERIFY(offline.isOffline());
        QCOMPARE(offline.account().user.id, signedIn.account.user.id);
        QCOMPARE(offline.account().owner.name, QStringLiteral("Maya Lindqvist"));
        QCOMPARE(offline.account().permissions, signedIn.account.permissions);
        QVERIFY(offline.maySee(Page::Analytics));
        QVERIFY(!offline.maySee(Page::ApiKeys));
    }

    void withoutKeepMeSignedIn_nothingIsKept() {
        Session session(&m_network, &m_secrets);
        session.begin(signIn(QStringLiteral("admin@demo.test"), false));
        Session next(&m_network, &m_secrets);
        QSignalSpy failed(&next, &Session::restoreFailed);
        next.restore(m_gateway.baseUrl(), QStringLiteral("admin@demo.test"));
        QVERIFY(failed.wait(20000));
        QVERIFY(!next.isSignedIn());
    }

    void permissionDenied_readsPermissionsAgain() {
        Session session(&m_network, &m_secrets);
        session.begin(signIn(QStringLiteral("member@demo.test"), false));
        QVERIFY(!session.maySee(Page::Team));
        QVERIFY(session.maySee(Page::Analytics));
        QVERIFY(!(session.syncParts() & SyncPart::Keys));
        QVERIFY(session.syncParts() & SyncPart::Customers);
        // As if a page was still showing from before the permissions changed.
        TeamJob job(session.connection());
        session.watch(&job);
        QSignalSpy refreshed(&session, &Session::accountRefreshed);
        const GatewayResult r = runJob(job);
        QVERIFY(r.isPermissionDenied());
        QVERIFY2(r.message.contains(QStringLiteral("Maya Lindqvist")), qPrintable(r.message));
        QVERIFY(refreshed.wait(20000));
        QCOMPARE(session.account().user.email, QStringLiteral("member@demo.test"));
    }

    void keychainCallThatOutlivesTheWatchdog_answersOnce() {
        SecretStore store(QStringLiteral("knotie-portal-test"));
        store.setWatchdogInterval(0); // gives up before any D-Bus round trip can answer
        int calls = 0;
        SecretStore::Result first;
        store.write(Session::tokenKey(m_gateway.baseUrl(), QStringLiteral("watchdog@demo.test")), "value",
                    this, [&](const SecretStore::Result &r) {
                        ++calls;
                        first = r;
                    });
        QVERIFY(QTest::qWaitFor([&] { return calls > 0; }, 20000));
        QVERIFY(!first.ok);
        QVERIFY(first.error.contains(QStringLiteral("did not answer")));
        // The late answer of the first job comes before this read's (one queue): once
        // the read is back, the first job has finished, and its callback stayed silent.
        store.setWatchdogInterval(20000);
        bool readBack = false;
        store.read(Session::tokenKey(m_gateway.baseUrl(), QStringLiteral("watchdog@demo.test")), this,
                   [&](const SecretStore::Result &) { readBack = true; });
        QVERIFY(QTest::qWaitFor([&] { return readBack; }, 20000));
        QCOMPARE(calls, 1);
    }

private:
    SignedInSession signIn(const QString &email, bool remember) {
        SignInFlow flow(&m_network);
        QSignalSpy ok(&flow, &SignInFlow::succeeded);
        flow.signIn(m_gateway.baseUrl().toString(), email, QStringLiteral("knotie-demo"), remember);
        if (!ok.wait(20000))
            return {};
        return ok.at(0).at(0).value<SignedInSession>();
    }
    QByteArray readKept(const QString &email) {
        return readKey(Session::tokenKey(m_gateway.baseUrl(), email));
    }
    QByteArray readKey(const QString &key) {
        std::optional<SecretStore::Result> result;
        m_secrets.read(key, this, [&result](const SecretStore::Result &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            return "no answer";
        return result ? result->value : QByteArray("no answer");
    }

    GatewayProcess m_gateway;
    QNetworkAccessManager m_network;
    SecretStore m_secrets{QStringLiteral("knotie-portal-test")};
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
