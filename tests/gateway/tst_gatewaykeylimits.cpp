#include "tests/gateway/portalcalls.h"
#include "tests/support/gatewayprocess.h"

#include <QLocale>
#include <QStandardPaths>
#include <QTest>

using namespace knotie;
using namespace knotie::test;
using namespace knotie::test::portal;

// API.md v1.1 "Keys: limits, expiry and custody after creation" and the Sunset header of
// "What a key's callers see", against a real gateway process over real sockets: each
// change holds on the key's very next request, even one whose verification is cached.
class TestGatewayKeyLimits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
    }

    void patch_loweredLimitRefusesTheNextRequest() {
        const auto [id, secret] =
            newKey(QStringLiteral("Limits lowered"), {{QStringLiteral("rate_limit"), limit(100, 3600)}});
        QCOMPARE(whoami(secret).status, 200); // verified and cached
        QCOMPARE(whoami(secret).status, 200);

        const HttpReply patched = patch(id, {{QStringLiteral("rate_limit"), limit(2, 3600)}});
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json().value(QStringLiteral("rate_limit")).toObject(), limit(2, 3600));
        const HttpReply refused = whoami(secret);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.errorCode(), QStringLiteral("rate_limited"));

        // null: no limit at all, again on the next request.
        QCOMPARE(patch(id, {{QStringLiteral("rate_limit"), QJsonValue()}}).status, 200);
        QCOMPARE(whoami(secret).status, 200);
        QVERIFY(listed(id).value(QStringLiteral("rate_limit")).isNull());
    }

    void patch_raisedLimitAdmitsTheNextRequest() {
        const auto [id, secret] =
            newKey(QStringLiteral("Limits raised"), {{QStringLiteral("rate_limit"), limit(1, 3600)}});
        QCOMPARE(whoami(secret).status, 200);
        QCOMPARE(whoami(secret).status, 429);
        QCOMPARE(patch(id, {{QStringLiteral("rate_limit"), limit(5, 3600)}}).status, 200);
        QCOMPARE(whoami(secret).status, 200);
    }

    void patch_earlierExpiryHoldsOnTheNextRequest() {
        const auto [id, secret] = newKey(QStringLiteral("Expiry moved"));
        QCOMPARE(whoami(secret).status, 200); // cached as a key that never expires
        const QString soon = at(m_gateway.now() + 600);
        const HttpReply patched = patch(id, {{QStringLiteral("expires_at"), soon}});
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json().value(QStringLiteral("expires_at")).toString(), soon);
        QCOMPARE(patched.json().value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(whoami(secret).status, 200);
        QVERIFY(m_gateway.advanceClock(601));
        QCOMPARE(whoami(secret).status, 401);
        QCOMPARE(listed(id).value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
    }

    void patch_expiryBackToNeverKeepsTheKeyAlive() {
        const auto [id, secret] = newKey(QStringLiteral("Expiry cleared"),
                                         {{QStringLiteral("expires_at"), at(m_gateway.now() + 600)}});
        QCOMPARE(whoami(secret).status, 200);
        QCOMPARE(patch(id, {{QStringLiteral("expires_at"), QJsonValue()}}).status, 200);
        QVERIFY(m_gateway.advanceClock(601));
        QCOMPARE(whoami(secret).status, 200);
        QVERIFY(listed(id).value(QStringLiteral("expires_at")).isNull());
    }

    void patch_badValuesAre422WithTheirField_data() {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString past = at(QDateTime::currentSecsSinceEpoch() - 60);
        QTest::newRow("expiry in the past")
            << QJsonObject{{QStringLiteral("expires_at"), past}} << QStringLiteral("invalid_expiry")
            << QStringLiteral("expires_at");
        QTest::newRow("expiry not a time")
            << QJsonObject{{QStringLiteral("expires_at"), QStringLiteral("soon")}}
            << QStringLiteral("invalid_expiry") << QStringLiteral("expires_at");
        QTest::newRow("zero requests")
            << QJsonObject{{QStringLiteral("rate_limit"), limit(0, 60)}}
            << QStringLiteral("invalid_rate_limit") << QStringLiteral("rate_limit");
        QTest::newRow("window too long")
            << QJsonObject{{QStringLiteral("rate_limit"), limit(10, 86401)}}
            << QStringLiteral("invalid_rate_limit") << QStringLiteral("rate_limit");
        QTest::newRow("limit of wrong type")
            << QJsonObject{{QStringLiteral("rate_limit"), 60}} << QStringLiteral("invalid_field")
            << QStringLiteral("rate_limit");
    }
    void patch_badValuesAre422WithTheirField() {
        QFETCH(QJsonObject, body);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const auto [id, secret] = newKey(QStringLiteral("Bad values"));
        const HttpReply r = patch(id, body);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), code);
        QCOMPARE(fieldOf(r), field);
        // Nothing changed: the key still answers and still has no limit or expiry.
        QCOMPARE(whoami(secret).status, 200);
        const QJsonObject key = listed(id);
        QVERIFY(key.value(QStringLiteral("rate_limit")).isNull());
        QVERIFY(key.value(QStringLiteral("expires_at")).isNull());
    }

    void patch_onlyAnActiveKeysLimitsChange() {
        const auto [rotatedId, rotatedSecret] = newKey(QStringLiteral("Rotated"));
        QCOMPARE(call(m_gateway, m_owner, "POST", QStringLiteral("/v1/keys/%1/rotate").arg(rotatedId),
                      {{QStringLiteral("grace_seconds"), 3600}})
                     .status,
                 201);
        const auto [revokedId, revokedSecret] = newKey(QStringLiteral("Revoked"));
        QCOMPARE(call(m_gateway, m_owner, "DELETE", QStringLiteral("/v1/keys/%1").arg(revokedId)).status,
                 200);
        for (const QString &id : {rotatedId, revokedId}) {
            const HttpReply limited = patch(id, {{QStringLiteral("rate_limit"), limit(5, 60)}});
            QCOMPARE(limited.status, 409);
            QCOMPARE(limited.errorCode(), QStringLiteral("key_not_active"));
            QCOMPARE(patch(id, {{QStringLiteral("expires_at"), QJsonValue()}}).status, 409);
            // A rename is not a limit change: v1 still allows it.
            QCOMPARE(patch(id, {{QStringLiteral("name"), QStringLiteral("Renamed later")}}).status, 200);
        }
        QVERIFY(listed(rotatedId).value(QStringLiteral("rate_limit")).isNull());
        // Validation comes before the state conflict (API.md's order of checks).
        QCOMPARE(patch(revokedId, {{QStringLiteral("rate_limit"), limit(0, 60)}}).status, 422);
    }

    void patch_recordsLimitsChangedWithOldAndNew() {
        const auto [id, secret] =
            newKey(QStringLiteral("Audited"), {{QStringLiteral("rate_limit"), limit(60, 60)}});
        const QString expiry = at(m_gateway.now() + 86400);
        QCOMPARE(
            patch(id, {{QStringLiteral("rate_limit"), limit(30, 60)}, {QStringLiteral("expires_at"), expiry}})
                .status,
            200);
        // The same values again change nothing and record nothing.
        QCOMPARE(patch(id, {{QStringLiteral("rate_limit"), limit(30, 60)}}).status, 200);
        const HttpReply audit =
            call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?key_id=%1").arg(id));
        QCOMPARE(audit.status, 200);
        QList<QJsonObject> changes;
        for (const QJsonValue &event : audit.json().value(QStringLiteral("events")).toArray())
            if (event.toObject().value(QStringLiteral("action")).toString() ==
                QLatin1String("key.limits_changed"))
                changes.append(event.toObject());
        QCOMPARE(changes.size(), 1);
        const QJsonObject details = changes.first().value(QStringLiteral("details")).toObject();
        const QJsonObject rate = details.value(QStringLiteral("rate_limit")).toObject();
        QCOMPARE(rate.value(QStringLiteral("old")).toObject(), limit(60, 60));
        QCOMPARE(rate.value(QStringLiteral("new")).toObject(), limit(30, 60));
        const QJsonObject expires = details.value(QStringLiteral("expires_at")).toObject();
        QVERIFY(expires.value(QStringLiteral("old")).isNull());
        QCOMPARE(expires.value(QStringLiteral("new")).toString(), expiry);
        QCOMPARE(changes.first()
                     .value(QStringLiteral("actor"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("Maya Lindqvist"));
    }

    // RFC 8594 on every answer to a key within 30 days of its end; the edge is checked with
    // the gateway's test clock (two minutes' margin for the test's own run time).
    void sunset_presentWithinThirtyDaysAbsentBeyond() {
        const qint64 expiresAt = m_gateway.now() + 30 * 86400 + 120;
        const auto [id, secret] =
            newKey(QStringLiteral("Sunset edge"), {{QStringLiteral("expires_at"), at(expiresAt)}});
        QVERIFY(whoami(secret).header("Sunset").isEmpty());
        QVERIFY(m_gateway.advanceClock(121));
        const HttpReply ok = whoami(secret);
        QCOMPARE(ok.status, 200);
        QCOMPARE(sunsetTime(ok), expiresAt);
        // Every answer, refusals included.
        const HttpReply refused =
            m_gateway.request("DELETE", QStringLiteral("/api/v1/customers"), {}, {{"X-API-Key", secret}});
        QCOMPARE(refused.status, 403);
        QCOMPARE(sunsetTime(refused), expiresAt);
        const HttpReply unknown =
            m_gateway.get(QStringLiteral("/api/v1/nothing-here"), {{"X-API-Key", secret}});
        QCOMPARE(unknown.status, 404);
        QCOMPARE(sunsetTime(unknown), expiresAt);
        // Never on the Portal API.
        QVERIFY(call(m_gateway, m_owner, "GET", QStringLiteral("/v1/keys")).header("Sunset").isEmpty());
    }

    void sunset_followsAnExpiryChangeAndARotationGrace() {
        const auto [id, secret] = newKey(QStringLiteral("Sunset moved"));
        QVERIFY(whoami(secret).header("Sunset").isEmpty());
        const qint64 soon = m_gateway.now() + 7 * 86400;
        QCOMPARE(patch(id, {{QStringLiteral("expires_at"), at(soon)}}).status, 200);
        QCOMPARE(sunsetTime(whoami(secret)), soon);

        const auto [graceId, graceSecret] = newKey(QStringLiteral("Sunset grace"));
        QVERIFY(whoami(graceSecret).header("Sunset").isEmpty());
        const HttpReply rotated =
            call(m_gateway, m_owner, "POST", QStringLiteral("/v1/keys/%1/rotate").arg(graceId),
                 {{QStringLiteral("grace_seconds"), 3600}});
        QCOMPARE(rotated.status, 201);
        const QString graceEnd = rotated.json()
                                     .value(QStringLiteral("previous"))
                                     .toObject()
                                     .value(QStringLiteral("expires_at"))
                                     .toString();
        QCOMPARE(sunsetTime(whoami(graceSecret)),
                 QDateTime::fromString(graceEnd, Qt::ISODate).toSecsSinceEpoch());
        // The successor has no expiry: no Sunset.
        const QByteArray successor = rotated.json().value(QStringLiteral("secret")).toString().toLatin1();
        QVERIFY(whoami(successor).header("Sunset").isEmpty());
    }

private:
    static QJsonObject limit(int requests, int perSeconds) {
        return {{QStringLiteral("requests"), requests}, {QStringLiteral("per_seconds"), perSeconds}};
    }
    static QString at(qint64 secondsSinceEpoch) {
        return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC).toString(Qt::ISODate);
    }
    // The Sunset header read as RFC 9110's IMF-fixdate (English names, GMT), or -1.
    static qint64 sunsetTime(const HttpReply &reply) {
        const QString value = QString::fromLatin1(reply.header("Sunset"));
        if (!value.endsWith(QLatin1String(" GMT")))
            return -1;
        QDateTime parsed =
            QLocale::c().toDateTime(value.chopped(4), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
        parsed.setTimeSpec(Qt::UTC);
        return parsed.isValid() ? parsed.toSecsSinceEpoch() : -1;
    }

    std::pair<QString, QByteArray> newKey(const QString &name, const QJsonObject &extra = {}) const {
        const HttpReply r = createKey(m_gateway, m_owner, name, QStringLiteral("read_only"), extra);
        if (r.status != 201)
            qWarning() << "create failed" << r.status << r.body;
        return {idOf(keyOf(r)), r.json().value(QStringLiteral("secret")).toString().toLatin1()};
    }
    HttpReply patch(const QString &id, const QJsonObject &body) const {
        return call(m_gateway, m_owner, "PATCH", QStringLiteral("/v1/keys/%1").arg(id), body);
    }
    HttpReply whoami(const QByteArray &secret) const {
        return m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", secret}});
    }
    QJsonObject listed(const QString &id) const {
        const HttpReply list = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/keys"));
        for (const QJsonValue &key : list.json().value(QStringLiteral("keys")).toArray())
            if (idOf(key.toObject()) == id)
                return key.toObject();
        return {};
    }

    GatewayProcess m_gateway;
    QByteArray m_owner;
};

QTEST_GUILESS_MAIN(TestGatewayKeyLimits)
#include "tst_gatewaykeylimits.moc"
