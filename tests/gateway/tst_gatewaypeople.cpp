#include "tests/gateway/portalcalls.h"
#include "tests/support/gatewayprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace knotie::test;
using namespace knotie::test::portal;

// API.md v1.1, Sessions and people: a person sees and ends their own sessions and
// changes their password; the owner changes roles and removes people, with effect on
// their very next request. The cases share one gateway and run in order.
class TestGatewayPeople : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
        m_logStart = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?limit=1000"))
                         .json()
                         .value(QStringLiteral("cursor"))
                         .toString();
    }

    void sessions_listsTheCallersOwnAndMarksTheCurrentOne() {
        const QByteArray laptop =
            signInWithAgent("member@demo.test", "knotie-demo", "Knotie Portal (laptop)");
        const QByteArray phone = signInWithAgent("member@demo.test", "knotie-demo", "Knotie Portal (phone)");
        QVERIFY(!laptop.isEmpty() && !phone.isEmpty());
        const HttpReply r = call(m_gateway, laptop, "GET", QStringLiteral("/v1/sessions"));
        QCOMPARE(r.status, 200);
        const QJsonArray sessions = r.json().value(QStringLiteral("sessions")).toArray();
        QCOMPARE(sessions.size(), 2); // the owner's session is not among them
        int current = 0;
        for (const QJsonValue &value : sessions) {
            const QJsonObject session = value.toObject();
            QCOMPARE(session.keys(),
                     (QStringList{QStringLiteral("created_at"), QStringLiteral("current"),
                                  QStringLiteral("expires_at"), QStringLiteral("id"),
                                  QStringLiteral("last_seen_at"), QStringLiteral("user_agent")}));
            if (session.value(QStringLiteral("current")).toBool()) {
                ++current;
                QCOMPARE(session.value(QStringLiteral("user_agent")).toString(),
                         QStringLiteral("Knotie Portal (laptop)"));
            }
        }
        QCOMPARE(current, 1);
        QVERIFY(!r.body.contains(laptop) && !r.body.contains(phone));
    }

    void deleteSession_endsItAtOnce_andAnotherPersonsIsNotFound() {
        const QByteArray laptop = signInWithAgent("member@demo.test", "knotie-demo", "laptop");
        const QByteArray phone = signInWithAgent("member@demo.test", "knotie-demo", "phone");
        const QString phoneId = sessionIdOf(phone);
        QVERIFY(!phoneId.isEmpty());
        // The owner may not end the member's session: to them it does not exist.
        QCOMPARE(call(m_gateway, m_owner, "DELETE", QStringLiteral("/v1/sessions/") + phoneId).status, 404);
        QCOMPARE(call(m_gateway, phone, "GET", QStringLiteral("/v1/me")).status, 200);

        QCOMPARE(call(m_gateway, laptop, "DELETE", QStringLiteral("/v1/sessions/") + phoneId).status, 204);
        const HttpReply ended = call(m_gateway, phone, "GET", QStringLiteral("/v1/me"));
        QCOMPARE(ended.status, 401);
        QCOMPARE(ended.errorCode(), QStringLiteral("invalid_session"));
        QCOMPARE(call(m_gateway, laptop, "GET", QStringLiteral("/v1/me")).status, 200);
        QCOMPARE(call(m_gateway, laptop, "DELETE", QStringLiteral("/v1/sessions/") + phoneId).status, 404);

        const QJsonObject event = lastEvent(QStringLiteral("session.revoked"));
        QCOMPARE(event.value(QStringLiteral("actor")).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("usr_priya"));
        QCOMPARE(
            event.value(QStringLiteral("details")).toObject().value(QStringLiteral("session_id")).toString(),
            phoneId);
    }

    void changePassword_weakIsRefusedBeforeHashing_wrongCountsTowardTheLockout() {
        const QByteArray admin = m_gateway.signIn(QStringLiteral("admin@demo.test"));
        HttpReply r = changePassword(admin, "knotie-demo", "too short");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("weak_password"));
        QCOMPARE(fieldOf(r), QStringLiteral("new"));
        for (int i = 0; i < 5; ++i) {
            r = changePassword(admin, "not it", "a long enough password");
            QCOMPARE(r.status, 403);
            QCOMPARE(r.errorCode(), QStringLiteral("wrong_password"));
        }
        // The session stays; the sixth guess from this address is locked out.
        QCOMPARE(call(m_gateway, admin, "GET", QStringLiteral("/v1/me")).status, 200);
        r = changePassword(admin, "knotie-demo", "a long enough password");
        QCOMPARE(r.status, 429);
        QCOMPARE(r.errorCode(), QStringLiteral("too_many_attempts"));
        QVERIFY(m_gateway.advanceClock(15 * 60 + 1));
    }

    void changePassword_endsEveryOtherSession() {
        const QByteArray here = m_gateway.signIn(QStringLiteral("admin@demo.test"));
        const QByteArray elsewhere = m_gateway.signIn(QStringLiteral("admin@demo.test"));
        QVERIFY(!here.isEmpty() && !elsewhere.isEmpty());
        QCOMPARE(changePassword(here, "knotie-demo", "a much better passphrase").status, 204);
        QCOMPARE(call(m_gateway, elsewhere, "GET", QStringLiteral("/v1/me")).status, 401);
        QCOMPARE(call(m_gateway, here, "GET", QStringLiteral("/v1/me")).status, 200);
        QVERIFY(m_gateway.signIn(QStringLiteral("admin@demo.test")).isEmpty());
        m_admin =
            m_gateway.signIn(QStringLiteral("admin@demo.test"), QStringLiteral("a much better passphrase"));
        QVERIFY(!m_admin.isEmpty());
        const QJsonObject event = lastEvent(QStringLiteral("user.password_changed"));
        QCOMPARE(event.value(QStringLiteral("details")).toObject(),
                 (QJsonObject{{QStringLiteral("user"),
                               QJsonObject{{QStringLiteral("id"), QStringLiteral("usr_jonas")},
                                           {QStringLiteral("name"), QStringLiteral("Jonas Becker")}}}}));
        QVERIFY(!lastEvents().contains("passphrase"));
    }

    void roleChange_demotedAdminKeepsNoPermissions_atOnce() {
        QCOMPARE(call(m_gateway, m_admin, "GET", QStringLiteral("/v1/team")).status, 200);
        HttpReply r = call(m_gateway, m_owner, "PATCH", QStringLiteral("/v1/team/usr_jonas"),
                           {{QStringLiteral("role"), QStringLiteral("member")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("role")).toString(), QStringLiteral("member"));
        QCOMPARE(r.json().value(QStringLiteral("permissions")).toArray(), QJsonArray());
        QCOMPARE(call(m_gateway, m_admin, "GET", QStringLiteral("/v1/team")).status, 403);
        QCOMPARE(lastEvent(QStringLiteral("team.role_changed")).value(QStringLiteral("details")).toObject(),
                 (QJsonObject{{QStringLiteral("user"),
                               QJsonObject{{QStringLiteral("id"), QStringLiteral("usr_jonas")},
                                           {QStringLiteral("name"), QStringLiteral("Jonas Becker")}}},
                              {QStringLiteral("old"), QStringLiteral("admin")},
                              {QStringLiteral("new"), QStringLiteral("member")}}));

        // Back to admin; then to member with a permission sent in the same call.
        QCOMPARE(call(m_gateway, m_owner, "PATCH", QStringLiteral("/v1/team/usr_jonas"),
                      {{QStringLiteral("role"), QStringLiteral("admin")}})
                     .status,
                 200);
        QCOMPARE(call(m_gateway, m_admin, "GET", QStringLiteral("/v1/team")).status, 200);
        r = call(m_gateway, m_owner, "PATCH", QStringLiteral("/v1/team/usr_jonas"),
                 {{QStringLiteral("role"), QStringLiteral("member")},
                  {QStringLiteral("permissions"), QJsonArray{QStringLiteral("analytics.view")}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("permissions")).toArray(),
                 QJsonArray{QStringLiteral("analytics.view")});

        r = call(m_gateway, m_owner, "PATCH", QStringLiteral("/v1/team/usr_jonas"),
                 {{QStringLiteral("role"), QStringLiteral("owner")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_role"));
        r = call(m_gateway, m_owner, "PATCH", QStringLiteral("/v1/team/usr_maya"),
                 {{QStringLiteral("role"), QStringLiteral("member")}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("cannot_change_owner"));
        // Only the owner changes roles.
        QCOMPARE(call(m_gateway, m_admin, "PATCH", QStringLiteral("/v1/team/usr_priya"),
                      {{QStringLiteral("role"), QStringLiteral("admin")}})
                     .status,
                 403);
    }

    void removal_endsSessionsAtOnce_keysKeepTheirCreatorMarkedRemoved() {
        // The member gets settings.manage to make a key, and keeps a session open.
        QCOMPARE(call(m_gateway, m_owner, "PATCH", QStringLiteral("/v1/team/usr_priya"),
                      {{QStringLiteral("permissions"), QJsonArray{QStringLiteral("settings.manage")}}})
                     .status,
                 200);
        const QByteArray member = m_gateway.signIn(QStringLiteral("member@demo.test"));
        const HttpReply created = createKey(m_gateway, member, QStringLiteral("Priya's key"));
        QCOMPARE(created.status, 201);
        const QString keyId = idOf(keyOf(created));
        const QString secret = created.json().value(QStringLiteral("secret")).toString();

        QCOMPARE(call(m_gateway, m_owner, "DELETE", QStringLiteral("/v1/team/usr_maya")).status, 409);
        QCOMPARE(call(m_gateway, m_owner, "DELETE", QStringLiteral("/v1/team/usr_priya")).status, 204);
        QCOMPARE(call(m_gateway, member, "GET", QStringLiteral("/v1/me")).status, 401);
        const HttpReply signIn = m_gateway.postJson(
            QStringLiteral("/v1/sessions"), {{QStringLiteral("email"), QStringLiteral("member@demo.test")},
                                             {QStringLiteral("password"), QStringLiteral("knotie-demo")}});
        QCOMPARE(signIn.status, 401);
        QCOMPARE(signIn.errorCode(), QStringLiteral("invalid_credentials"));
        QCOMPARE(call(m_gateway, m_owner, "DELETE", QStringLiteral("/v1/team/usr_priya")).status, 404);

        const HttpReply team = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/team"));
        QVERIFY(!idsIn(team.json().value(QStringLiteral("members")).toArray())
                     .contains(QStringLiteral("usr_priya")));
        // The key still works, and still names its creator, marked removed.
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", secret.toLatin1()}}).status,
                 200);
        const HttpReply keys = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/keys"));
        bool seen = false;
        for (const QJsonValue &value : keys.json().value(QStringLiteral("keys")).toArray()) {
            const QJsonObject createdBy = value.toObject().value(QStringLiteral("created_by")).toObject();
            if (idOf(value.toObject()) == keyId) {
                seen = true;
                QCOMPARE(createdBy, (QJsonObject{{QStringLiteral("id"), QStringLiteral("usr_priya")},
                                                 {QStringLiteral("name"), QStringLiteral("Priya Raman")},
                                                 {QStringLiteral("removed"), true}}));
            } else {
                QCOMPARE(createdBy.value(QStringLiteral("removed")), QJsonValue(false));
            }
        }
        QVERIFY(seen);
        QCOMPARE(lastEvent(QStringLiteral("team.member_removed")).value(QStringLiteral("details")).toObject(),
                 (QJsonObject{{QStringLiteral("user"),
                               QJsonObject{{QStringLiteral("id"), QStringLiteral("usr_priya")},
                                           {QStringLiteral("name"), QStringLiteral("Priya Raman")}}},
                              {QStringLiteral("old"), QStringLiteral("member")},
                              {QStringLiteral("new"), QJsonValue()}}));
    }

    // API.md v1.1 custody: a key names who answers for it (its creator until handed over);
    // only an active key changes hands, and only to a current member of the team.
    void custody_handsAnActiveKeyToACurrentMember_removedPeopleStayMarked() {
        QJsonObject key = keyNamed(QStringLiteral("Priya's key"));
        QCOMPARE(key.value(QStringLiteral("custodian")).toObject(),
                 (QJsonObject{{QStringLiteral("id"), QStringLiteral("usr_priya")},
                              {QStringLiteral("name"), QStringLiteral("Priya Raman")},
                              {QStringLiteral("removed"), true}}));
        const QString path = QStringLiteral("/v1/keys/") + idOf(key);
        for (const QJsonValue &refused : {QJsonValue(QStringLiteral("usr_sam")), // another partner
                                          QJsonValue(QString()), QJsonValue(7)}) {
            const HttpReply r =
                call(m_gateway, m_owner, "PATCH", path, {{QStringLiteral("custodian_id"), refused}});
            QCOMPARE(r.status, 422);
            QCOMPARE(r.errorCode(), QStringLiteral("invalid_custodian"));
        }
        HttpReply r = call(m_gateway, m_owner, "PATCH", path,
                           {{QStringLiteral("custodian_id"), QStringLiteral("usr_jonas")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("custodian")).toObject(),
                 (QJsonObject{{QStringLiteral("id"), QStringLiteral("usr_jonas")},
                              {QStringLiteral("name"), QStringLiteral("Jonas Becker")},
                              {QStringLiteral("removed"), false}}));
        // The creator stays who made it.
        QCOMPARE(
            r.json().value(QStringLiteral("created_by")).toObject().value(QStringLiteral("id")).toString(),
            QStringLiteral("usr_priya"));
        QCOMPARE(lastEvent(QStringLiteral("key.custody_changed")).value(QStringLiteral("details")).toObject(),
                 (QJsonObject{{QStringLiteral("old"),
                               QJsonObject{{QStringLiteral("id"), QStringLiteral("usr_priya")},
                                           {QStringLiteral("name"), QStringLiteral("Priya Raman")}}},
                              {QStringLiteral("new"),
                               QJsonObject{{QStringLiteral("id"), QStringLiteral("usr_jonas")},
                                           {QStringLiteral("name"), QStringLiteral("Jonas Becker")}}}}));
        // A removed person cannot take it back.
        r = call(m_gateway, m_owner, "PATCH", path,
                 {{QStringLiteral("custodian_id"), QStringLiteral("usr_priya")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_custodian"));
        // Handing it to the person who has it already changes nothing: no second event.
        const auto eventsNow = [this] {
            return QJsonDocument::fromJson(lastEvents()).object().value(QStringLiteral("events")).toArray();
        };
        const QJsonArray before = eventsNow();
        QCOMPARE(call(m_gateway, m_owner, "PATCH", path,
                      {{QStringLiteral("custodian_id"), QStringLiteral("usr_jonas")}})
                     .status,
                 200);
        QCOMPARE(eventsNow(), before);

        QCOMPARE(call(m_gateway, m_owner, "DELETE", path).status, 200);
        r = call(m_gateway, m_owner, "PATCH", path,
                 {{QStringLiteral("custodian_id"), QStringLiteral("usr_maya")}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("key_not_active"));
        QCOMPARE(keyNamed(QStringLiteral("Priya's key"))
                     .value(QStringLiteral("custodian"))
                     .toObject()
                     .value(QStringLiteral("id")),
                 QJsonValue(QStringLiteral("usr_jonas")));
    }

private:
    QByteArray signInWithAgent(const char *email, const char *password, const QByteArray &agent) const {
        const HttpReply r =
            m_gateway.request("POST", QStringLiteral("/v1/sessions"),
                              compact({{QStringLiteral("email"), QLatin1String(email)},
                                       {QStringLiteral("password"), QLatin1String(password)}}),
                              {{"Content-Type", "application/json"}, {"User-Agent", agent}});
        return r.json().value(QStringLiteral("token")).toString().toLatin1();
    }

    QJsonObject keyNamed(const QString &name) const {
        const HttpReply keys = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/keys"));
        for (const QJsonValue &value : keys.json().value(QStringLiteral("keys")).toArray())
            if (value.toObject().value(QStringLiteral("name")).toString() == name)
                return value.toObject();
        return {};
    }

    QString sessionIdOf(const QByteArray &token) const {
        const HttpReply r = call(m_gateway, token, "GET", QStringLiteral("/v1/sessions"));
        for (const QJsonValue &value : r.json().value(QStringLiteral("sessions")).toArray())
            if (value.toObject().value(QStringLiteral("current")).toBool())
                return idOf(value.toObject());
        return {};
    }

    HttpReply changePassword(const QByteArray &token, const char *current, const char *wanted) const {
        return call(m_gateway, token, "POST", QStringLiteral("/v1/me/password"),
                    {{QStringLiteral("current"), QLatin1String(current)},
                     {QStringLiteral("new"), QLatin1String(wanted)}});
    }

    QByteArray lastEvents() const {
        return call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?limit=1000&since=") + m_logStart)
            .body;
    }

    // The latest event of this action since the test began (the owner reads the log).
    QJsonObject lastEvent(const QString &action) const {
        const HttpReply r =
            call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?limit=1000&since=") + m_logStart);
        QJsonObject found;
        for (const QJsonValue &value : r.json().value(QStringLiteral("events")).toArray())
            if (value.toObject().value(QStringLiteral("action")).toString() == action)
                found = value.toObject();
        return found;
    }

    GatewayProcess m_gateway;
    QByteArray m_owner;
    QByteArray m_admin;
    QString m_logStart;
};

QTEST_GUILESS_MAIN(TestGatewayPeople)
#include "tst_gatewaypeople.moc"
