#include "tests/gateway/portalcalls.h"
#include "tests/support/gatewayprocess.h"

#include <QStandardPaths>
#include <QTest>

using namespace knotie::test;
using namespace knotie::test::portal;

// GET /v1/team, PATCH /v1/team/{user_id} and GET /v1/customers.
class TestGatewayTeam : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        m_member = m_gateway.signIn(QStringLiteral("member@demo.test"));
        m_other = m_gateway.signIn(QStringLiteral("other@demo.test"));
        QVERIFY(!m_owner.isEmpty() && !m_member.isEmpty() && !m_other.isEmpty());
    }

    void team_listsEveryMemberWithEffectivePermissions() {
        const HttpReply r = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/team"));
        QCOMPARE(r.status, 200);
        const QJsonArray members = r.json().value(QStringLiteral("members")).toArray();
        QCOMPARE(idsIn(members), (QStringList{QStringLiteral("usr_maya"), QStringLiteral("usr_jonas"),
                                              QStringLiteral("usr_priya")}));
        QCOMPARE(members.at(0).toObject().value(QStringLiteral("permissions")).toArray().size(), 4);
        const QJsonArray admin = members.at(1).toObject().value(QStringLiteral("permissions")).toArray();
        QCOMPARE(admin.size(), 3);
        QVERIFY(!admin.contains(QStringLiteral("team.manage")));
        QCOMPARE(members.at(2).toObject().value(QStringLiteral("permissions")).toArray(),
                 (QJsonArray{QStringLiteral("analytics.view"), QStringLiteral("customers.view")}));
        for (const QJsonValue &m : members)
            QCOMPARE(m.toObject().keys(),
                     (QStringList{QStringLiteral("email"), QStringLiteral("id"), QStringLiteral("name"),
                                  QStringLiteral("permissions"), QStringLiteral("role")}));
        // Another partner's team is its own.
        const HttpReply other = call(m_gateway, m_other, "GET", QStringLiteral("/v1/team"));
        QCOMPARE(idsIn(other.json().value(QStringLiteral("members")).toArray()),
                 QStringList{QStringLiteral("usr_sam")});
    }

    void patch_grantTakesEffectOnTheMembersOpenSession() {
        // The demo's log already has an earlier change of these grants: read on from here.
        const QString logBefore =
            call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?actor_id=usr_maya"))
                .json()
                .value(QStringLiteral("cursor"))
                .toString();
        QCOMPARE(call(m_gateway, m_member, "GET", QStringLiteral("/v1/keys")).status, 403);
        HttpReply r = setPermissions(QStringLiteral("usr_priya"),
                                     {QStringLiteral("settings.manage"), QStringLiteral("analytics.view"),
                                      QStringLiteral("settings.manage")});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("permissions")).toArray(),
                 (QJsonArray{QStringLiteral("settings.manage"), QStringLiteral("analytics.view")}));
        QCOMPARE(call(m_gateway, m_member, "GET", QStringLiteral("/v1/keys")).status, 200);
        // Customers follow settings.manage too, though customers.view was taken away.
        QCOMPARE(call(m_gateway, m_member, "GET", QStringLiteral("/v1/customers")).status, 200);

        r = setPermissions(QStringLiteral("usr_priya"), {QStringLiteral("analytics.view")});
        QCOMPARE(r.status, 200);
        QCOMPARE(call(m_gateway, m_member, "GET", QStringLiteral("/v1/keys")).status, 403);
        QCOMPARE(call(m_gateway, m_member, "GET", QStringLiteral("/v1/customers")).status, 403);

        r = setPermissions(QStringLiteral("usr_priya"),
                           {QStringLiteral("analytics.view"), QStringLiteral("customers.view")});
        QCOMPARE(r.status, 200);
        QCOMPARE(call(m_gateway, m_member, "GET", QStringLiteral("/v1/customers")).status, 200);

        // Each change is in the audit log, by the owner, with before and after.
        const HttpReply audit =
            call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?actor_id=usr_maya&since=") + logBefore);
        QJsonArray changes;
        for (const QJsonValue &v : audit.json().value(QStringLiteral("events")).toArray())
            if (v.toObject().value(QStringLiteral("action")).toString() ==
                QLatin1String("team.permissions_changed"))
                changes.append(v);
        QCOMPARE(changes.size(), 3);
        const QJsonObject first = changes.at(0).toObject().value(QStringLiteral("details")).toObject();
        QCOMPARE(first.value(QStringLiteral("user_id")).toString(), QStringLiteral("usr_priya"));
        QCOMPARE(first.value(QStringLiteral("before")).toArray(),
                 (QJsonArray{QStringLiteral("analytics.view"), QStringLiteral("customers.view")}));
        QCOMPARE(first.value(QStringLiteral("after")).toArray(),
                 (QJsonArray{QStringLiteral("settings.manage"), QStringLiteral("analytics.view")}));
        QVERIFY(changes.at(0).toObject().value(QStringLiteral("key_id")).isNull());
    }

    void patch_refusesWhatApiMdRefuses_data() {
        QTest::addColumn<QString>("userId");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("owner") << QStringLiteral("usr_maya")
                               << QByteArray(R"({"permissions":["analytics.view"]})") << 409
                               << QStringLiteral("cannot_change_owner");
        QTest::newRow("admin") << QStringLiteral("usr_jonas") << QByteArray(R"({"permissions":[]})") << 409
                               << QStringLiteral("cannot_change_admin");
        QTest::newRow("team.manage") << QStringLiteral("usr_priya")
                                     << QByteArray(R"({"permissions":["team.manage"]})") << 422
                                     << QStringLiteral("invalid_permission");
        QTest::newRow("unknown permission")
            << QStringLiteral("usr_priya") << QByteArray(R"({"permissions":["keys.delete"]})") << 422
            << QStringLiteral("invalid_permission");
        QTest::newRow("permission a number")
            << QStringLiteral("usr_priya") << QByteArray(R"({"permissions":[1]})") << 422
            << QStringLiteral("invalid_permission");
        QTest::newRow("permissions a string")
            << QStringLiteral("usr_priya") << QByteArray(R"({"permissions":"settings.manage"})") << 422
            << QStringLiteral("invalid_field");
        QTest::newRow("permissions missing")
            << QStringLiteral("usr_priya") << QByteArray("{}") << 422 << QStringLiteral("invalid_field");
        QTest::newRow("not json") << QStringLiteral("usr_priya") << QByteArray("[") << 400
                                  << QStringLiteral("invalid_json");
        QTest::newRow("unknown user") << QStringLiteral("usr_nobody") << QByteArray(R"({"permissions":[]})")
                                      << 404 << QStringLiteral("not_found");
        QTest::newRow("another partner's user")
            << QStringLiteral("usr_sam") << QByteArray(R"({"permissions":[]})") << 404
            << QStringLiteral("not_found");
    }
    void patch_refusesWhatApiMdRefuses() {
        QFETCH(QString, userId);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const HttpReply r = m_gateway.request("PATCH", QStringLiteral("/v1/team/") + userId, body,
                                              GatewayProcess::bearer(m_owner));
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        if (status == 422)
            QCOMPARE(fieldOf(r), QStringLiteral("permissions"));
        // Nothing changed.
        const HttpReply team = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/team"));
        QCOMPARE(team.json()
                     .value(QStringLiteral("members"))
                     .toArray()
                     .at(2)
                     .toObject()
                     .value(QStringLiteral("permissions"))
                     .toArray(),
                 (QJsonArray{QStringLiteral("analytics.view"), QStringLiteral("customers.view")}));
    }

    void patch_emptyListTakesEveryPermissionAway() {
        HttpReply r = setPermissions(QStringLiteral("usr_priya"), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("permissions")).toArray(), QJsonArray());
        QCOMPARE(call(m_gateway, m_member, "GET", QStringLiteral("/v1/customers")).status, 403);
        QCOMPARE(call(m_gateway, m_member, "GET", QStringLiteral("/v1/me")).status, 200);

        r = setPermissions(QStringLiteral("usr_priya"),
                           {QStringLiteral("analytics.view"), QStringLiteral("customers.view")});
        QCOMPARE(r.status, 200);
        QCOMPARE(call(m_gateway, m_member, "GET", QStringLiteral("/v1/customers")).status, 200);
    }

    void customers_listsOnlyThePartnersOwn() {
        HttpReply r = call(m_gateway, m_member, "GET", QStringLiteral("/v1/customers"));
        QCOMPARE(r.status, 200);
        const QJsonArray customers = r.json().value(QStringLiteral("customers")).toArray();
        QVERIFY(customers.size() >= 5);
        QVERIFY(!idsIn(customers).contains(QStringLiteral("cus_lakeside")));
        for (const QJsonValue &c : customers) {
            QCOMPARE(c.toObject().keys(), (QStringList{QStringLiteral("created_at"), QStringLiteral("id"),
                                                       QStringLiteral("name")}));
            QVERIFY(QDateTime::fromString(c.toObject().value(QStringLiteral("created_at")).toString(),
                                          Qt::ISODate)
                        .isValid());
        }
        r = call(m_gateway, m_other, "GET", QStringLiteral("/v1/customers"));
        QCOMPARE(idsIn(r.json().value(QStringLiteral("customers")).toArray()),
                 QStringList{QStringLiteral("cus_lakeside")});
    }

private:
    HttpReply setPermissions(const QString &userId, const QStringList &permissions) const {
        return call(m_gateway, m_owner, "PATCH", QStringLiteral("/v1/team/") + userId,
                    {{QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)}});
    }

    GatewayProcess m_gateway;
    QByteArray m_owner;
    QByteArray m_member;
    QByteArray m_other;
};

QTEST_GUILESS_MAIN(TestGatewayTeam)
#include "tst_gatewayteam.moc"
