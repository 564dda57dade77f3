#include "models/data/wireformat.h"
#include "models/domain/keyformat.h"
#include "models/keys/keyservice.h"
#include "models/session/session.h"
#include "models/sync/synccontroller.h"
#include "tests/support/faultserver.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace knotie;
using namespace knotie::test;
using Response = FaultServer::Response;

namespace {
Account accountWith(QList<Permission> permissions) {
    Account a;
    a.user = {QStringLiteral("usr_1"), QStringLiteral("Jonas Becker"), QStringLiteral("admin@demo.test")};
    a.permissions = std::move(permissions);
    a.owner = {QStringLiteral("usr_0"), QStringLiteral("Maya Lindqvist"), QStringLiteral("owner@demo.test")};
    return a;
}
} // namespace

// The key actions' rules, against a local server playing the gateway's key routes.
class TestKeyService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void create_secretHandedOutOnce_keyStoredAndShown() {
        const QByteArray secret = keyformat::generate(KeyType::Webhook);
        FaultServer server([&secret](const FaultServer::Request &r) {
            if (r.method == "POST" && r.path() == QLatin1String("/v1/keys")) {
                ApiKey k;
                k.id = QStringLiteral("key_new");
                k.name = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("name")).toString();
                k.type = KeyType::Webhook;
                k.prefix = QStringLiteral("kn_wk_");
                k.last4 = QString::fromLatin1(secret.right(4));
                k.createdAt = 1764000000;
                k.createdBy = {QStringLiteral("usr_1"), QStringLiteral("Jonas Becker")};
                return Response::json(
                    201, QJsonDocument(QJsonObject{{QStringLiteral("key"), wire::toJson(k)},
                                                   {QStringLiteral("secret"), QString::fromLatin1(secret)}})
                             .toJson(QJsonDocument::Compact));
            }
            if (r.path() == QLatin1String("/v1/audit"))
                return Response::json(200, R"({"events":[],"cursor":"a0","has_more":false})");
            if (r.path() == QLatin1String("/v1/team"))
                return Response::json(200, R"({"members":[]})");
            if (r.path() == QLatin1String("/v1/customers"))
                return Response::json(200, R"({"customers":[]})");
            return Response::json(200, R"({"keys":[],"cursor":"c0","has_more":false})");
        });
        QVERIFY(server.listen());
        QTemporaryDir dir;
        Session session(&m_network, nullptr);
        session.begin({server.url(), "token", accountWith({Permission::SettingsManage}), false});
        SyncController sync;
        QSignalSpy changed(sync.worker(), &SyncWorker::keysChanged);
        sync.start(dir.filePath(QStringLiteral("c.sqlite")), session.connection(), session.syncParts());
        QVERIFY(QTest::qWaitFor([&] { return sync.state()->lastSyncedAt() != 0; }, 20000));

        KeyService keys(&session, &sync);
        QSignalSpy issued(
            keys.create({QStringLiteral("Zapier hooks"), {}, KeyType::Webhook, {}, 0, std::nullopt}),
            &KeyOperation::finished);
        QVERIFY(issued.wait(20000));
        QCOMPARE(issued.size(), 1);
        const KeyResult result = issued.at(0).at(0).value<KeyResult>();
        QVERIFY(result.ok);
        QCOMPARE(result.secret, secret);
        QCOMPARE(result.key.name, QStringLiteral("Zapier hooks"));
        // The worker stores it and tells the model; the signal may already have arrived
        // while the test waited for the secret.
        const auto storedNewKey = [&] {
            return !changed.isEmpty() &&
                   changed.last().at(0).value<QList<ApiKey>>().value(0).id == QLatin1String("key_new");
        };
        QVERIFY(QTest::qWaitFor(storedNewKey, 20000));
        int creates = 0;
        for (const auto &r : server.requests())
            creates += r.method == "POST";
        QCOMPARE(creates, 1);
    }

    void withoutSettingsPermission_refused_namingTheOwner() {
        FaultServer server;
        QVERIFY(server.listen());
        Session session(&m_network, nullptr);
        session.begin({server.url(), "token", accountWith({Permission::AnalyticsView}), false});
        KeyService keys(&session, nullptr);
        QSignalSpy refused(keys.revoke(QStringLiteral("key_1")), &KeyOperation::finished);
        QVERIFY(refused.wait(5000));
        QCOMPARE(refused.size(), 1);
        const KeyResult result = refused.at(0).at(0).value<KeyResult>();
        QVERIFY(result.refused && !result.ok);
        QVERIFY2(result.error.contains(QStringLiteral("Maya Lindqvist")), qPrintable(result.error));
        QCOMPARE(server.requestCount(), 0);
    }

    void offline_actionsRefusedWithTheReason_nothingSent() {
        FaultServer server([](const FaultServer::Request &) { return Response::reset(); });
        QVERIFY(server.listen());
        QTemporaryDir dir;
        Session session(&m_network, nullptr);
        session.begin({server.url(), "token", accountWith({Permission::SettingsManage}), false});
        SyncController sync;
        sync.setReconnectDelays(60000, 60000);
        GatewayConnection c = session.connection();
        c.retry.maxAttempts = 1;
        sync.start(dir.filePath(QStringLiteral("c.sqlite")), c, session.syncParts());
        QVERIFY(QTest::qWaitFor([&] { return sync.state()->isOffline(); }, 20000));
        const int before = server.requestCount();
        KeyService keys(&session, &sync);
        QSignalSpy rotated(keys.rotate(QStringLiteral("key_1")), &KeyOperation::finished);
        QSignalSpy created(keys.create({QStringLiteral("x"), {}, KeyType::ReadOnly, {}, 0, std::nullopt}),
                           &KeyOperation::finished);
        QVERIFY(QTest::qWaitFor([&] { return rotated.size() == 1 && created.size() == 1; }, 5000));
        for (const QSignalSpy *refused : {&rotated, &created}) {
            const KeyResult result = refused->at(0).at(0).value<KeyResult>();
            QVERIFY(result.refused && !result.ok);
            QVERIFY(result.error.contains(QStringLiteral("cannot be reached")));
        }
        QCOMPARE(server.requestCount(), before);
    }

private:
    QNetworkAccessManager m_network;
};

QTEST_GUILESS_MAIN(TestKeyService)
#include "tst_keyservice.moc"
