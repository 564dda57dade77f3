// Several gateway processes on one PostgreSQL database (API.md v1.1 "Running many
// gateways"): what one instance writes, every other reads, and writers on different
// instances never undo each other's work.
#include "tests/gateway/portalcalls.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/testdatabase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace knotie::test;
using namespace knotie::test::portal;

namespace {
// The status of a request sent at the same moment as `other`'s, both awaited.
QPair<int, int> atOnce(const GatewayProcess &first, const QByteArray &firstMethod, const QString &firstPath,
                       const GatewayProcess &second, const QByteArray &secondMethod,
                       const QString &secondPath, const QByteArray &token) {
    QNetworkAccessManager nam;
    const auto send = [&](const GatewayProcess &gateway, const QByteArray &method, const QString &path) {
        QNetworkRequest request(gateway.baseUrl().resolved(QUrl(path)));
        request.setRawHeader("Authorization", "Bearer " + token);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        return nam.sendCustomRequest(request, method, method == "POST" ? QByteArray("{}") : QByteArray());
    };
    QNetworkReply *a = send(first, firstMethod, firstPath);
    QNetworkReply *b = send(second, secondMethod, secondPath);
    QEventLoop loop;
    int open = 2;
    for (QNetworkReply *reply : {a, b})
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&] {
            if (--open == 0)
                loop.quit();
        });
    loop.exec();
    const QPair<int, int> statuses{a->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                                   b->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()};
    delete a;
    delete b;
    return statuses;
}

QStringList auditActions(const GatewayProcess &gateway, const QByteArray &token, const QString &keyId) {
    QStringList actions;
    const HttpReply r = call(gateway, token, "GET", QStringLiteral("/v1/audit?key_id=") + keyId);
    for (const QJsonValue &v : r.json().value(QStringLiteral("events")).toArray())
        actions.append(v.toObject().value(QStringLiteral("action")).toString());
    return actions;
}
} // namespace

class TestGatewayCluster : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(sharedPostgres());
        // Two instances on one seeded database, each with its own --data folder.
        const QString database = newPostgresDatabase(true);
        QVERIFY(!database.isEmpty());
        for (auto *gateway : {&m_a, &m_b}) {
            GatewayProcess::Options options;
            options.database = database;
            *gateway = std::make_unique<GatewayProcess>(options);
            QVERIFY((*gateway)->start());
        }
        m_ownerOnA = m_a->signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_ownerOnA.isEmpty());
    }

    // A session made on one instance works on the other (sessions are in the database).
    void session_madeOnOneWorksOnTheOther() {
        QCOMPARE(call(*m_b, m_ownerOnA, "GET", QStringLiteral("/v1/keys")).status, 200);
    }

    // The change sequence is the database's: a key created on A is in the next sync
    // from a cursor B gave out before, and a cursor from A works on B.
    void keys_createdOnOneAreInTheOthersNextSync() {
        const Sync start = sync(*m_b);
        QVERIFY(!start.cursor.isEmpty());
        const QString id = idOf(keyOf(createKey(*m_a, m_ownerOnA, QStringLiteral("Made on A"))));
        QVERIFY(!id.isEmpty());
        const Sync afterCreate = sync(*m_b, start.cursor);
        QCOMPARE(afterCreate.ids, QStringList{id});
        QCOMPARE(sync(*m_a, start.cursor).ids, QStringList{id});
        QCOMPARE(call(*m_b, m_ownerOnA, "DELETE", QStringLiteral("/v1/keys/") + id).status, 200);
        QCOMPARE(sync(*m_a, afterCreate.cursor).ids, QStringList{id});
        QCOMPARE(sync(*m_b, afterCreate.cursor).ids, QStringList{id});
    }

    // Revoke on A and rotate on B of one key at the same moment, many times: each key ends
    // in one of the two orders the contract allows, never both half-applied (a rotation
    // of a key already revoked, a revoke lost under a rotation).
    void revokeAndRotateAtOnce_endInOneOrderOrTheOther() {
        int rotatedFirst = 0;
        int revokedFirst = 0;
        for (int trial = 0; trial < 12; ++trial) {
            const QString id = idOf(keyOf(createKey(*m_a, m_ownerOnA, QStringLiteral("Race %1").arg(trial))));
            QVERIFY(!id.isEmpty());
            const auto [revoke, rotate] =
                atOnce(*m_a, "DELETE", QStringLiteral("/v1/keys/") + id, *m_b, "POST",
                       QStringLiteral("/v1/keys/%1/rotate").arg(id), m_ownerOnA);
            QCOMPARE(revoke, 200);
            const QStringList actions = auditActions(*m_a, m_ownerOnA, id);
            if (rotate == 201) {
                ++rotatedFirst;
                QCOMPARE(actions, (QStringList{QStringLiteral("key.created"), QStringLiteral("key.rotated"),
                                               QStringLiteral("key.revoked")}));
            } else {
                ++revokedFirst;
                QVERIFY2(rotate == 409 || rotate == 404 || rotate == 422,
                         qPrintable(QString::number(rotate)));
                QCOMPARE(actions,
                         (QStringList{QStringLiteral("key.created"), QStringLiteral("key.revoked")}));
            }
            const HttpReply key = call(*m_b, m_ownerOnA, "GET", QStringLiteral("/v1/keys?limit=200"));
            for (const QJsonValue &v : key.json().value(QStringLiteral("keys")).toArray())
                if (idOf(v.toObject()) == id)
                    QCOMPARE(v.toObject().value(QStringLiteral("status")).toString(),
                             QStringLiteral("revoked"));
        }
        qInfo("rotation first %d times, revocation first %d times", rotatedFirst, revokedFirst);
    }

    // Failed sign-ins are counted in the database: five spread over both instances lock
    // the email on both.
    void lockout_isCountedAcrossInstances() {
        const auto attempt = [](const GatewayProcess &gateway, const QString &password) {
            return gateway
                .postJson(QStringLiteral("/v1/sessions"),
                          {{QStringLiteral("email"), QStringLiteral("admin@demo.test")},
                           {QStringLiteral("password"), password}})
                .status;
        };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(attempt(i % 2 ? *m_b : *m_a, QStringLiteral("wrong %1").arg(i)), 401);
        QCOMPARE(attempt(*m_a, QStringLiteral("knotie-demo")), 429);
        QCOMPARE(attempt(*m_b, QStringLiteral("knotie-demo")), 429);
    }

    // Three instances started at once on one empty database: each migrates or waits for
    // the one that does, one seeds the demo, the others find it seeded; all serve.
    void demo_threeInstancesAtOnceSeedOnce() {
        PostgresProcess *postgres = sharedPostgres();
        const QString database = postgres->createDatabase();
        QVERIFY(!database.isEmpty());
        std::unique_ptr<GatewayProcess> instances[3];
        QElapsedTimer timer;
        timer.start();
        for (auto &instance : instances) {
            GatewayProcess::Options options;
            options.database = postgres->uri(database);
            options.startTimeoutMs = 300000;
            instance = std::make_unique<GatewayProcess>(options);
            QVERIFY(instance->launch());
        }
        for (auto &instance : instances)
            QVERIFY(instance->waitUntilListening());
        qInfo("three instances seeded and listening in %lld ms", timer.elapsed());
        QCOMPARE(postgres->psql(database, QStringLiteral("SELECT count(*) FROM partners")).trimmed(), "2");
        QCOMPARE(postgres->psql(database, QStringLiteral("SELECT count(*) FROM users")).trimmed(), "4");
        const QByteArray seededKeys =
            postgres->psql(database, QStringLiteral("SELECT count(*) FROM api_keys")).trimmed();
        QVERIFY(seededKeys.toInt() > 0);
        const QByteArray duplicatedKeys = postgres->psql(
            database,
            QStringLiteral("SELECT count(*) FROM (SELECT name FROM api_keys GROUP BY partner_id, name,"
                           " created_at HAVING count(*) > 1) d"));
        QCOMPARE(duplicatedKeys.trimmed(), "0");
        for (auto &instance : instances)
            QVERIFY(!instance->signIn(QStringLiteral("member@demo.test")).isEmpty());
    }

private:
    struct Sync {
        QStringList ids;
        QString cursor;
    };
    // Every page of GET /v1/keys from `since` (the whole list without).
    Sync sync(const GatewayProcess &gateway, QString since = {}) const {
        Sync result;
        for (int page = 0; page < 100; ++page) {
            const HttpReply r = call(gateway, m_ownerOnA, "GET",
                                     QStringLiteral("/v1/keys") +
                                         (since.isEmpty() ? QString() : QStringLiteral("?since=") + since));
            if (r.status != 200)
                break;
            result.ids += idsIn(r.json().value(QStringLiteral("keys")).toArray());
            since = result.cursor = r.json().value(QStringLiteral("cursor")).toString();
            if (!r.json().value(QStringLiteral("has_more")).toBool())
                break;
        }
        return result;
    }

    std::unique_ptr<GatewayProcess> m_a;
    std::unique_ptr<GatewayProcess> m_b;
    QByteArray m_ownerOnA;
};

QTEST_GUILESS_MAIN(TestGatewayCluster)
#include "tst_gatewaycluster.moc"
