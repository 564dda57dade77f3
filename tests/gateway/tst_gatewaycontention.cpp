#include "tests/gateway/portalcalls.h"
#include "tests/gateway/rawhttp.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/testdatabase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

#include <thread>
#include <vector>

using namespace knotie::test;
using namespace knotie::test::portal;

namespace {

struct Call {
    QByteArray name; // for failure messages
    QByteArray request;
};

// Sends every call at once, each on its own connection and thread, and returns the answers
// in the same order.
QList<raw::Reply> allAtOnce(quint16 port, const QList<Call> &calls) {
    QList<raw::Reply> replies(calls.size());
    {
        std::vector<std::jthread> threads;
        for (qsizetype i = 0; i < calls.size(); ++i)
            threads.emplace_back([&, i] { replies[i] = raw::exchange("127.0.0.1", port, calls[i].request); });
    }
    return replies;
}

// A JSON object of string members, as a body. (No raw string literals in this file: moc
// cannot read them next to a Q_OBJECT class.)
QByteArray field(const char *name, const QByteArray &value, const char *name2 = nullptr,
                 const QByteArray &value2 = {}) {
    QJsonObject body{{QLatin1String(name), QString::fromUtf8(value)}};
    if (name2)
        body.insert(QLatin1String(name2), QString::fromUtf8(value2));
    return compact(body);
}

QByteArray bearerHeader(const QByteArray &token) {
    return "Authorization: Bearer " + token + "\r\n";
}

} // namespace

// Writers that meet (issue 16, items 7 and 11): a write lock someone else holds is a 503
// `busy` the client may retry, never a 500; two PATCHes of one key both take effect, and
// the audit log tells the same story as the key.
class TestGatewayContention : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        m_port = static_cast<quint16>(m_gateway.baseUrl().port());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
    }

    void aHeldWriteLock_answers503Busy_neverA500() {
        const QString keyId = idOf(keyOf(createKey(m_gateway, m_owner, QStringLiteral("Locked out"))));
        const HttpReply partnerKey =
            createKey(m_gateway, m_owner, QStringLiteral("Writer"), QStringLiteral("partner"));
        const QByteArray secret = partnerKey.json().value(QStringLiteral("secret")).toString().toLatin1();
        QVERIFY(!keyId.isEmpty() && !secret.isEmpty());

        // Another process (this test) takes the write lock and keeps it.
        TestDatabaseConnection holder(gatewayDatabase(m_gateway));
        QVERIFY(holder.beginWrite());
        const QByteArray session = bearerHeader(m_owner);
        const QByteArray key = "X-API-Key: " + secret + "\r\n";
        const QByteArray path = "/v1/keys/" + keyId.toLatin1();
        const QList<Call> calls{
            {"create key",
             raw::closingRequest("POST", "/v1/keys", field("name", "New", "type", "read_only"), session)},
            {"rename key", raw::closingRequest("PATCH", path, field("name", "Renamed"), session)},
            {"rotate key", raw::closingRequest("POST", path + "/rotate", "{\"grace_seconds\":0}", session)},
            {"revoke key", raw::closingRequest("DELETE", path, {}, session)},
            {"team permissions", raw::closingRequest("PATCH", "/v1/team/usr_priya",
                                                     "{\"permissions\":[\"analytics.view\"]}", session)},
            {"sign in", raw::signInRequest(QStringLiteral("admin@demo.test"), QStringLiteral("knotie-demo"))},
            {"create customer",
             raw::closingRequest("POST", "/api/v1/customers", field("name", "Locked Ltd"), key)},
        };
        QElapsedTimer clock;
        clock.start();
        const QList<raw::Reply> replies = allAtOnce(m_port, calls);
        qInfo("%lld writes against a held lock answered in %lld ms", static_cast<qint64>(calls.size()),
              clock.elapsed());
        for (qsizetype i = 0; i < calls.size(); ++i) {
            const raw::Reply &r = replies[i];
            const QByteArray what = calls[i].name + ": " + r.bytes;
            QVERIFY2(r.status == 503, what.constData());
            QVERIFY2(r.errorCode() == QLatin1String("busy"), what.constData());
            QVERIFY2(r.header("retry-after").toInt() >= 1, what.constData());
        }
        QVERIFY(holder.endWrite(false));
        // Nothing half-done: once the lock is gone the same writes succeed.
        const HttpReply renamed = call(m_gateway, m_owner, "PATCH", QString::fromLatin1(path),
                                       {{QStringLiteral("name"), QStringLiteral("Renamed")}});
        QVERIFY2(renamed.status == 200, renamed.body.constData());
    }

    // Two PATCHes of one key at once, naming different fields and then the same one: neither
    // is silently lost, and the audit log's chain of renames ends in the key's final state.
    void concurrentPatchesOfOneKey_loseNothing() {
        for (int round = 0; round < 12; ++round) {
            const QString keyId = idOf(keyOf(createKey(
                m_gateway, m_owner, QStringLiteral("Race %1").arg(round), QStringLiteral("read_only"),
                {{QStringLiteral("description"), QStringLiteral("before")}})));
            QVERIFY(!keyId.isEmpty());
            const QByteArray path = "/v1/keys/" + keyId.toLatin1();
            const QByteArray session = bearerHeader(m_owner);
            const QByteArray name = "Name " + QByteArray::number(round);
            const QByteArray description = "Description " + QByteArray::number(round);
            // Different fields: both must be in the final state.
            for (const raw::Reply &r : allAtOnce(
                     m_port,
                     {{"name", raw::closingRequest("PATCH", path, field("name", name), session)},
                      {"description",
                       raw::closingRequest("PATCH", path, field("description", description), session)}}))
                QVERIFY2(r.status == 200, r.bytes.constData());
            QJsonObject stored = storedKey(keyId);
            QCOMPARE(stored.value(QStringLiteral("name")).toString(), QString::fromLatin1(name));
            QCOMPARE(stored.value(QStringLiteral("description")).toString(),
                     QString::fromLatin1(description));

            // The same field: one wins, and the audit log shows each rename from what the
            // previous one left, ending in the name the key has.
            for (const raw::Reply &r : allAtOnce(
                     m_port,
                     {{"first", raw::closingRequest("PATCH", path, field("name", "First"), session)},
                      {"second", raw::closingRequest("PATCH", path, field("name", "Second"), session)}}))
                QVERIFY2(r.status == 200, r.bytes.constData());
            stored = storedKey(keyId);
            const QString finalName = stored.value(QStringLiteral("name")).toString();
            QVERIFY2(finalName == QLatin1String("First") || finalName == QLatin1String("Second"),
                     qPrintable(finalName));
            QString chained = QStringLiteral("Race %1").arg(round);
            int renames = 0;
            bool descriptionChanged = false;
            for (const QJsonValue &v : auditOf(keyId)) {
                const QJsonObject event = v.toObject();
                if (event.value(QStringLiteral("action")).toString() != QLatin1String("key.renamed"))
                    continue;
                const QJsonObject details = event.value(QStringLiteral("details")).toObject();
                descriptionChanged |= details.value(QStringLiteral("description_changed")).toBool();
                if (!details.contains(QStringLiteral("name")))
                    continue;
                ++renames;
                QCOMPARE(details.value(QStringLiteral("name_before")).toString(), chained);
                chained = details.value(QStringLiteral("name")).toString();
            }
            QVERIFY(descriptionChanged);
            QCOMPARE(chained, finalName);
            QCOMPARE(renames, 3);
        }
    }

private:
    QJsonObject storedKey(const QString &keyId) const {
        const HttpReply listed = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/keys"));
        for (const QJsonValue &v : listed.json().value(QStringLiteral("keys")).toArray())
            if (v.toObject().value(QStringLiteral("id")).toString() == keyId)
                return v.toObject();
        return {};
    }
    QJsonArray auditOf(const QString &keyId) const {
        return call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?key_id=") + keyId)
            .json()
            .value(QStringLiteral("events"))
            .toArray();
    }

    GatewayProcess m_gateway;
    quint16 m_port = 0;
    QByteArray m_owner;
};

QTEST_GUILESS_MAIN(TestGatewayContention)
#include "tst_gatewaycontention.moc"
