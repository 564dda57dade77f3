#include "gateway/gateway.h"
#include "gateway/store.h"
#include "tests/gateway/portalcalls.h"
#include "tests/support/gatewayprocess.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace knotie::test;
using namespace knotie::test::portal;

namespace {
// Who calls. The member starts with analytics.view and customers.view only; "granted"
// is the same member, same session, after the owner grants settings.manage. "signed
// out" is a token whose session was ended. "other" is Other Agency's owner, reaching
// for Demo Agency's objects.
enum Role { Owner, Admin, Member, Granted, SignedOut, Other, RoleCount };
constexpr const char *roleNames[RoleCount] = {"owner",          "admin",      "member",
                                              "granted member", "signed out", "other owner"};

// The people authorization matrix of API.md, one row per Portal API route: the status
// each caller gets. `{id}` is a fresh Demo Agency key made for the cell, `{user_id}` the
// Demo member. The owner's team change re-sends the member's current permissions, so
// running it changes nothing the later cells depend on.
struct AccessRow {
    const char *method;
    const char *path;
    const char *body;
    int status[RoleCount];
    const char *code = nullptr; // the error code of a status other than 401, 403 and 404
};
constexpr AccessRow accessMatrix[] = {
    //                                                                  owner admin member granted out other
    {"GET", "/v1/me", nullptr, {200, 200, 200, 200, 401, 200}},
    {"DELETE", "/v1/sessions/current", nullptr, {204, 204, 204, 204, 401, 204}},
    {"GET", "/v1/sessions", nullptr, {200, 200, 200, 200, 401, 200}},
    // `{id}` is a key's id here: nobody's session, so not found for everyone.
    {"DELETE", "/v1/sessions/{id}", nullptr, {404, 404, 404, 404, 401, 404}},
    // A weak new password is refused before anything else is looked at.
    {"POST",
     "/v1/me/password",
     R"({"current":"knotie-demo","new":"short"})",
     {422, 422, 422, 422, 401, 422},
     "weak_password"},
    {"GET", "/v1/team", nullptr, {200, 200, 403, 200, 401, 200}},
    {"PATCH",
     "/v1/team/{user_id}",
     R"({"permissions":["analytics.view","customers.view"]})",
     {200, 403, 403, 403, 401, 404}},
    // `{user_id}` of a DELETE is the owner, whom nobody can remove.
    {"DELETE", "/v1/team/{user_id}", nullptr, {409, 403, 403, 403, 401, 404}, "cannot_change_owner"},
    {"GET", "/v1/customers", nullptr, {200, 200, 200, 200, 401, 200}},
    {"GET", "/v1/keys", nullptr, {200, 200, 403, 200, 401, 200}},
    {"POST", "/v1/keys", R"({"name":"Matrix key","type":"read_only"})", {201, 201, 403, 201, 401, 201}},
    {"POST", "/v1/keys/check", R"({"secret":"{secret}"})", {200, 200, 403, 200, 401, 200}},
    {"PATCH", "/v1/keys/{id}", R"({"name":"Renamed by matrix"})", {200, 200, 403, 200, 401, 404}},
    {"DELETE", "/v1/keys/{id}", nullptr, {200, 200, 403, 200, 401, 404}},
    {"POST", "/v1/keys/{id}/rotate", R"({"grace_seconds":0})", {201, 201, 403, 201, 401, 404}},
    {"GET", "/v1/audit", nullptr, {200, 200, 403, 200, 401, 200}},
    // The demo member holds analytics.view: the usage charts are theirs to read.
    {"GET",
     "/v1/usage?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&bucket=hour",
     nullptr,
     {200, 200, 200, 200, 401, 200}},
    {"GET",
     "/v1/usage/endpoints?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z",
     nullptr,
     {200, 200, 200, 200, 401, 200}},
    {"GET",
     "/v1/usage/keys?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&bucket=day",
     nullptr,
     {200, 200, 200, 200, 401, 200}},
    {"GET",
     "/v1/usage/errors?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z",
     nullptr,
     {200, 200, 200, 200, 401, 200}},
    // analytics.view suffices for a key's latest requests (API.md v1.1).
    {"GET", "/v1/keys/{id}/requests", nullptr, {200, 200, 200, 200, 401, 404}},
};

} // namespace

class TestGatewayPortalAccess : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        // Password checks are slow on purpose: each person signs in once for the whole case.
        m_tokens[Owner] = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        m_tokens[Admin] = m_gateway.signIn(QStringLiteral("admin@demo.test"));
        m_tokens[Member] = m_gateway.signIn(QStringLiteral("member@demo.test"));
        m_tokens[Granted] = m_tokens[Member];
        m_tokens[Other] = m_gateway.signIn(QStringLiteral("other@demo.test"));
        m_tokens[SignedOut] = m_gateway.signIn(QStringLiteral("admin@demo.test"));
        for (const QByteArray &token : m_tokens)
            QVERIFY(!token.isEmpty());
        QCOMPARE(
            call(m_gateway, m_tokens[SignedOut], "DELETE", QStringLiteral("/v1/sessions/current")).status,
            204);
        const HttpReply key = createKey(m_gateway, m_tokens[Owner], QStringLiteral("Demo key to check"));
        m_demoSecret = key.json().value(QStringLiteral("secret")).toString();
        m_demoKeyId = idOf(keyOf(key));
        QVERIFY(!m_demoSecret.isEmpty());
    }

    void matrix_coversEveryPortalRoute() {
        QTemporaryDir dir;
        knotie::gateway::Store store(dir.path());
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        knotie::gateway::Gateway gateway(store, {});
        QStringList rows;
        for (const AccessRow &row : accessMatrix) // the path without its query
            rows.append(QLatin1String(row.method) + QLatin1Char(' ') +
                        QString::fromLatin1(row.path).section(QLatin1Char('?'), 0, 0));
        for (const auto &route : gateway.router().routes()) {
            if (route.audience != knotie::gateway::Audience::Session)
                continue;
            const QString name = QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pathTemplate;
            QVERIFY2(rows.contains(name), qPrintable(name));
        }
    }

    void route_answersEachCallerAsTheMatrixSays_data() {
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("row");
        // Role by role, so every plain-member cell runs before the grant.
        for (int role = 0; role < RoleCount; ++role)
            for (int row = 0; row < int(std::size(accessMatrix)); ++row)
                QTest::addRow("%s %s as %s", accessMatrix[row].method, accessMatrix[row].path,
                              roleNames[role])
                    << role << row;
    }
    void route_answersEachCallerAsTheMatrixSays() {
        QFETCH(int, role);
        QFETCH(int, row);
        const AccessRow &cell = accessMatrix[row];
        if (role == Granted)
            grantSettingsToTheMember();

        QString path = QLatin1String(cell.path);
        QString keyId;
        if (path.contains(QLatin1String("{id}"))) {
            const HttpReply created = createKey(m_gateway, m_tokens[Owner], QStringLiteral("Matrix target"));
            QCOMPARE(created.status, 201);
            keyId = idOf(keyOf(created));
            path.replace(QLatin1String("{id}"), keyId);
        }
        path.replace(QLatin1String("{user_id}"),
                     QLatin1String(QByteArrayView(cell.method) == "DELETE" ? "usr_maya" : "usr_priya"));
        QByteArray body = cell.body ? QByteArray(cell.body) : QByteArray();
        body.replace("{secret}", m_demoSecret.toLatin1());

        // Ending a session needs a session of its own; every other cell shares one.
        QByteArray token = m_tokens[role];
        if (path == QLatin1String("/v1/sessions/current") && role != SignedOut)
            token = m_gateway.signIn(QLatin1String(role == Other   ? "other@demo.test"
                                                   : role == Owner ? "owner@demo.test"
                                                   : role == Admin ? "admin@demo.test"
                                                                   : "member@demo.test"));

        const HttpReply r = m_gateway.request(cell.method, path, body, GatewayProcess::bearer(token));
        QCOMPARE(r.status, cell.status[role]);
        const QString expectedCode = r.status == 401   ? QStringLiteral("invalid_session")
                                     : r.status == 403 ? QStringLiteral("permission_denied")
                                     : r.status == 404 ? QStringLiteral("not_found")
                                                       : QString::fromLatin1(cell.code);
        QCOMPARE(r.errorCode(), expectedCode);

        if (role == Other) {
            // Another partner's view holds nothing of Demo Agency's.
            for (const QByteArray &demo :
                 {QByteArray("usr_maya"), QByteArray("usr_priya"), QByteArray("Demo Agency"),
                  QByteArray("cus_atlas"), m_demoKeyId.toLatin1(), keyId.toLatin1()})
                if (!demo.isEmpty())
                    QVERIFY2(!r.body.contains(demo), r.body.constData());
            if (path == QLatin1String("/v1/keys/check")) {
                QCOMPARE(r.json().value(QStringLiteral("reason")).toString(), QStringLiteral("unknown"));
                QVERIFY(r.json().value(QStringLiteral("key")).isNull());
            }
        }
    }

private:
    void grantSettingsToTheMember() {
        if (m_granted)
            return;
        const HttpReply r =
            call(m_gateway, m_tokens[Owner], "PATCH", QStringLiteral("/v1/team/usr_priya"),
                 {{QStringLiteral("permissions"),
                   QJsonArray{QStringLiteral("analytics.view"), QStringLiteral("customers.view"),
                              QStringLiteral("settings.manage")}}});
        QCOMPARE(r.status, 200);
        m_granted = true;
    }

    GatewayProcess m_gateway;
    QByteArray m_tokens[RoleCount];
    QString m_demoSecret;
    QString m_demoKeyId;
    bool m_granted = false;
};

QTEST_GUILESS_MAIN(TestGatewayPortalAccess)
#include "tst_gatewayportalaccess.moc"
