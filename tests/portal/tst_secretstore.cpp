#include "models/secrets/secretstore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace knotie;

// Round trips through the real Secret Service: the test command runs every test inside
// dbus-run-session with an unlocked gnome-keyring-daemon.
class TestSecretStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void writeReadRemove_roundTripsThroughTheKeychain() {
        SecretStore store(QStringLiteral("knotie-portal-test"));
        const QString key = SecretStore::scopedKey(QUrl(QStringLiteral("http://127.0.0.1:8787")),
                                                   QStringLiteral("owner@demo.test"),
                                                   QUuid::createUuid().toString(QUuid::Id128));
        const QByteArray secret = "kn_rk_0123456789ABCDEFGHIJabcdefghijKLxxxxxx";

        const SecretStore::Result written =
            call([&](SecretStore::Callback done) { store.write(key, secret, this, done); });
        QVERIFY2(written.ok, qPrintable(written.error));

        const SecretStore::Result read =
            call([&](SecretStore::Callback done) { store.read(key, this, done); });
        QVERIFY2(read.ok, qPrintable(read.error));
        QCOMPARE(read.value, secret);

        const SecretStore::Result removed =
            call([&](SecretStore::Callback done) { store.remove(key, this, done); });
        QVERIFY2(removed.ok, qPrintable(removed.error));

        const SecretStore::Result gone =
            call([&](SecretStore::Callback done) { store.read(key, this, done); });
        QVERIFY(gone.ok); // not found is an empty value, not an error
        QVERIFY(gone.value.isEmpty());
    }

    void scopedKey_separatesGatewaysAndAccounts() {
        const QUrl a(QStringLiteral("https://gw.example.com/"));
        const QUrl b(QStringLiteral("https://other.example.com"));
        QVERIFY(SecretStore::scopedKey(a, QStringLiteral("x@y.z"), QStringLiteral("t")) !=
                SecretStore::scopedKey(b, QStringLiteral("x@y.z"), QStringLiteral("t")));
        QVERIFY(SecretStore::scopedKey(a, QStringLiteral("x@y.z"), QStringLiteral("t")) !=
                SecretStore::scopedKey(a, QStringLiteral("w@y.z"), QStringLiteral("t")));
    }

private:
    SecretStore::Result call(const std::function<void(SecretStore::Callback)> &start) {
        std::optional<SecretStore::Result> result;
        start([&result](const SecretStore::Result &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            return SecretStore::Result{false, {}, QStringLiteral("no answer")};
        return *result;
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
