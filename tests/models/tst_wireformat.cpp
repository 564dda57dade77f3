#include "models/data/wireformat.h"

#include "models/domain/rfc3339.h"

#include <QTest>

using namespace knotie;

namespace {
const QByteArray keyJson = R"({"id":"key_1","name":"N8N Production","description":"","type":"customer",
 "customer_id":"cus_acme","prefix":"kn_ck_","last4":"Ab3d","status":"expiring",
 "created_at":"2026-11-01T10:00:00Z","created_by":{"id":"usr_1","name":"Maya Lindqvist"},
 "last_used_at":null,"expires_at":"2026-11-02T10:00:00+02:00","revoked_at":null,"revoked_by":null,
 "replaced_by":"key_2","replaces":null,"rate_limit":{"requests":100,"per_seconds":60}})";
}

class TestWireFormat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fromRfc3339_utcAndOffsetsAgree() {
        QCOMPARE(fromRfc3339(u"1970-01-01T00:00:00Z"), UnixTime(0));
        QCOMPARE(fromRfc3339(u"2026-11-02T08:00:00Z"), fromRfc3339(u"2026-11-02T10:00:00+02:00"));
        QCOMPARE(fromRfc3339(u"2000-02-29T12:34:56Z"), UnixTime(951827696));
    }

    void fromRfc3339_garbage_isNothing() {
        QVERIFY(!fromRfc3339(u"yesterday"));
        QVERIFY(!fromRfc3339(u"2026-13-01T00:00:00Z"));
        QVERIFY(!fromRfc3339(u"2026-11-01"));
        QVERIFY(!fromRfc3339(u""));
    }

    void toRfc3339_roundTrips() {
        const UnixTime t = *fromRfc3339(u"2026-11-27T17:20:05Z");
        QCOMPARE(toRfc3339(t), QStringLiteral("2026-11-27T17:20:05Z"));
    }

    void parseApiKey_everyField() {
        const auto key = wire::parseApiKey(*wire::parseObject(keyJson));
        QVERIFY(key);
        QCOMPARE(key->id, QStringLiteral("key_1"));
        QCOMPARE(key->type, KeyType::Customer);
        QCOMPARE(key->status, KeyStatus::Expiring);
        QCOMPARE(key->customerId, QStringLiteral("cus_acme"));
        QCOMPARE(key->createdBy.name, QStringLiteral("Maya Lindqvist"));
        QCOMPARE(key->lastUsedAt, UnixTime(0));
        QCOMPARE(key->expiresAt, *fromRfc3339(u"2026-11-02T08:00:00Z"));
        QVERIFY(!key->revokedBy);
        QCOMPARE(key->replacedBy, QStringLiteral("key_2"));
        QCOMPARE(key->rateLimit, std::optional<RateLimit>(RateLimit{100, 60}));
        QCOMPARE(key->maskedSecret(), QStringLiteral("kn_ck_\u2026Ab3d"));
    }

    void toJson_parsesBackToTheSameKey() {
        const auto key = wire::parseApiKey(*wire::parseObject(keyJson));
        QCOMPARE(wire::parseApiKey(wire::toJson(*key)), key);
    }

    void parseApiKey_unknownTypeOrStatus_isRejected() {
        QJsonObject o = *wire::parseObject(keyJson);
        o.insert(QStringLiteral("type"), QStringLiteral("superuser"));
        QVERIFY(!wire::parseApiKey(o));
        o = *wire::parseObject(keyJson);
        o.insert(QStringLiteral("status"), QStringLiteral("zombie"));
        QVERIFY(!wire::parseApiKey(o));
        o = *wire::parseObject(keyJson);
        o.insert(QStringLiteral("rate_limit"), QStringLiteral("lots"));
        QVERIFY(!wire::parseApiKey(o));
        o = *wire::parseObject(keyJson);
        o.remove(QStringLiteral("id"));
        QVERIFY(!wire::parseApiKey(o));
    }

    void parseKeyPage_readsCursorAndHasMore() {
        const QByteArray page = R"({"keys":[)" + keyJson + R"(],"cursor":"c_42","has_more":true})";
        const auto parsed = wire::parseKeyPage(page);
        QVERIFY(parsed);
        QCOMPARE(parsed->keys.size(), 1);
        QCOMPARE(parsed->cursor, QStringLiteral("c_42"));
        QVERIFY(parsed->hasMore);
    }

    void parseKeyPage_garbage_isNothing() {
        QVERIFY(!wire::parseKeyPage(QByteArray("<html>502 Bad Gateway</html>")));
        QVERIFY(!wire::parseKeyPage(QByteArray(R"({"keys":[{"id":"x"}],"cursor":"c","has_more":false})")));
        QVERIFY(!wire::parseKeyPage(QByteArray(R"({"keys":[],"has_more":false})")));
        QVERIFY(!wire::parseKeyPage(QByteArray("[1,2,3]")));
    }

    void parseCreatedKey_rotateHasPrevious() {
        const QByteArray body = R"({"key":)" + keyJson + R"(,"secret":"kn_ck_x","previous":)" + keyJson + "}";
        const auto created = wire::parseCreatedKey(*wire::parseObject(body));
        QVERIFY(created);
        QCOMPARE(created->secret, QByteArray("kn_ck_x"));
        QVERIFY(created->previous);
        QVERIFY(!wire::parseCreatedKey(*wire::parseObject(R"({"key":)" + keyJson + "}")));
    }

    void parseCustomersTeamAudit_readTheirLists() {
        const auto customers = wire::parseCustomers(*wire::parseObject(
            R"({"customers":[{"id":"cus_1","name":"Acme","created_at":"2026-01-01T00:00:00Z"}]})"));
        QVERIFY(customers);
        QCOMPARE(customers->value(0).name, QStringLiteral("Acme"));

        const auto team = wire::parseTeam(*wire::parseObject(
            R"({"members":[{"id":"u","email":"a@b","name":"A","role":"member","permissions":["analytics.view"]}]})"));
        QVERIFY(team);
        QCOMPARE(team->value(0).permissions, QStringList{QStringLiteral("analytics.view")});

        const auto audit = wire::parseAuditPage(*wire::parseObject(
            R"({"events":[{"id":"e1","at":"2026-01-01T00:00:00Z","actor":{"id":"u","name":"A"},
                "action":"key.created","key_id":"key_1","details":{"name":"N8N"}}],"cursor":"c","has_more":false})"));
        QVERIFY(audit);
        QCOMPARE(audit->events.value(0).action, QStringLiteral("key.created"));
        QCOMPARE(audit->events.value(0).details, QStringLiteral(R"({"name":"N8N"})"));
    }

    void parseUsage_fractionalP95IsRounded() {
        const auto series = wire::parseUsageSeries(*wire::parseObject(
            R"({"bucket":"hour","series":[{"start":"2026-01-01T00:00:00Z","requests":3,"ok":3,"client_errors":0,
                "server_errors":0,"p95_ms":137.53}]})"));
        QVERIFY(series);
        QCOMPARE(series->buckets[0].p95Ms, std::optional<int>(138));
    }

    void parseUsage_emptyBucketHasNoP95() {
        const auto series = wire::parseUsageSeries(*wire::parseObject(
            R"({"bucket":"hour","series":[{"start":"2026-01-01T00:00:00Z","requests":0,"ok":0,"client_errors":0,
                "server_errors":0,"p95_ms":null},{"start":"2026-01-01T01:00:00Z","requests":10,"ok":8,
                "client_errors":1,"server_errors":1,"p95_ms":120}]})"));
        QVERIFY(series);
        QCOMPARE(series->bucket, BucketSize::Hour);
        QCOMPARE(series->buckets.size(), 2);
        QVERIFY(!series->buckets[0].p95Ms);
        QCOMPARE(series->buckets[1].p95Ms, std::optional<int>(120));
        QVERIFY(!wire::parseUsageSeries(*wire::parseObject(R"({"bucket":"week","series":[]})")));

        const auto keys = wire::parseKeyUsage(
            *wire::parseObject(R"({"keys":[{"key_id":"key_1","requests":5,"errors":1,"series":[1,0,4]}]})"));
        QVERIFY(keys);
        QCOMPARE(keys->value(0).series, (QList<qint64>{1, 0, 4}));
        const auto endpoints = wire::parseEndpointUsage(*wire::parseObject(
            R"({"endpoints":[{"method":"GET","route":"/api/v1/customers","requests":9,"errors":0}]})"));
        QVERIFY(endpoints);
        QCOMPARE(endpoints->value(0).requests, 9);
    }
};

QTEST_GUILESS_MAIN(TestWireFormat)
#include "tst_wireformat.moc"
