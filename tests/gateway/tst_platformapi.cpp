#include "tests/support/gatewayprocess.h"
#include "tests/support/testdatabase.h"
#include "tests/support/testkeys.h"

#include "gateway/http/httpmessage.h"
#include "models/domain/keyformat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace knotie;
using namespace knotie::test;

namespace {
// The callers of the authorization matrix, in its column order.
enum Caller {
    Partner,
    Customer,
    ReadOnly,
    Webhook,
    NoKey,
    InvalidKey,
    RevokedKey,
    OtherPartner,
    CallerCount
};

// API.md's Platform API table, written out by hand (not read from the gateway's own scope
// table, so the two can disagree and fail). cus_brightside is the customer key's own
// customer; cus_northwind another of the Demo Agency's; cus_lakeside the Other Agency's.
struct MatrixRow {
    const char *method;
    const char *path;
    const char *body; // nullptr: none
    int expected[CallerCount];
};

const MatrixRow matrix[] = {
    {"GET", "/api/v1/whoami", nullptr, {200, 200, 200, 200, 401, 401, 401, 200}},
    {"GET", "/api/v1/customers", nullptr, {200, 200, 200, 403, 401, 401, 401, 200}},
    {"POST", "/api/v1/customers", R"({"name":"Matrix Row Ltd"})", {201, 403, 403, 403, 401, 401, 401, 201}},
    {"GET", "/api/v1/customers/cus_brightside", nullptr, {200, 200, 200, 403, 401, 401, 401, 404}},
    {"GET", "/api/v1/customers/cus_northwind", nullptr, {200, 404, 200, 403, 401, 401, 401, 404}},
    {"GET", "/api/v1/customers/cus_lakeside", nullptr, {404, 404, 404, 403, 401, 401, 401, 200}},
    {"PATCH",
     "/api/v1/customers/cus_brightside",
     R"({"name":"Brightside Dental"})",
     {200, 200, 403, 403, 401, 401, 401, 404}},
    {"PATCH",
     "/api/v1/customers/cus_northwind",
     R"({"name":"Northwind Logistics"})",
     {200, 404, 403, 403, 401, 401, 401, 404}},
    {"POST",
     "/api/v1/customers/cus_brightside/automations/send-reminders/runs",
     nullptr,
     {202, 202, 403, 403, 401, 401, 401, 404}},
    {"POST",
     "/api/v1/customers/cus_northwind/automations/plan_routes/runs",
     "{}",
     {202, 404, 403, 403, 401, 401, 401, 404}},
    {"GET",
     "/api/v1/analytics?from=2026-01-01T00:00:00Z&to=2026-01-08T00:00:00Z",
     nullptr,
     {200, 403, 200, 403, 401, 401, 401, 200}},
    {"GET", "/api/v1/credits", nullptr, {200, 403, 200, 403, 401, 401, 401, 200}},
    {"POST",
     "/api/v1/credits/grants",
     R"({"customer_id":"cus_brightside","amount":5})",
     {201, 403, 403, 403, 401, 401, 401, 404}},
    {"POST",
     "/api/v1/webhooks/stripe",
     R"({"type":"invoice.paid"})",
     {202, 403, 403, 202, 401, 401, 401, 202}},
    {"GET", "/api/v1/webhook-events", nullptr, {200, 403, 200, 200, 401, 401, 401, 200}},
    {"POST", "/mcp", R"({"jsonrpc":"2.0","id":1,"method":"ping"})", {200, 200, 200, 403, 401, 401, 401, 200}},
    {"GET", "/mcp", nullptr, {405, 405, 405, 405, 401, 401, 401, 405}},
    {"DELETE", "/api/v1/customers/cus_brightside", nullptr, {405, 405, 403, 405, 401, 401, 401, 405}},
    {"GET", "/api/v1/no-such-route", nullptr, {404, 404, 404, 404, 401, 401, 401, 404}},
};

const char *callerName(int caller) {
    static const char *names[] = {"partner", "customer", "read_only", "webhook",
                                  "no key",  "invalid",  "revoked",   "other partner"};
    return names[caller];
}

QJsonObject rpc(int id, const QString &method, const QJsonObject &params = {}) {
    QJsonObject message{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                        {QStringLiteral("id"), id},
                        {QStringLiteral("method"), method}};
    if (!params.isEmpty())
        message.insert(QStringLiteral("params"), params);
    return message;
}
} // namespace

class TestPlatformApi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        const QString db = gatewayDatabase(m_gateway);
        const auto key = [&](TestKeySpec spec) {
            const TestKey k = insertTestKey(db, spec);
            return k.secret;
        };
        m_secrets[Partner] = key(TestKeySpec(KeyType::Partner));
        m_secrets[Customer] =
            key(TestKeySpec(KeyType::Customer).forCustomer(QStringLiteral("cus_brightside")));
        m_secrets[ReadOnly] = key(TestKeySpec(KeyType::ReadOnly));
        m_secrets[Webhook] = key(TestKeySpec(KeyType::Webhook));
        m_secrets[InvalidKey] = "kn_pk_0123456789ABCDEFGHIJabcdefghijKLxxxxxx";
        TestKeySpec revoked(KeyType::Partner);
        revoked.revoked = true;
        m_secrets[RevokedKey] = key(revoked);
        m_secrets[OtherPartner] = key(
            TestKeySpec(KeyType::Partner).ofPartner(QStringLiteral("ptr_other"), QStringLiteral("usr_sam")));
        for (int c = 0; c < CallerCount; ++c)
            QVERIFY2(c == NoKey || !m_secrets[c].isEmpty(), callerName(c));
    }

    void authorizationMatrix_everyRouteAndCallerAnswersAsApiMdSays() {
        QStringList failures;
        for (const MatrixRow &row : matrix) {
            for (int caller = 0; caller < CallerCount; ++caller) {
                const HttpReply r = call(caller, row.method, QLatin1String(row.path),
                                         row.body ? QByteArray(row.body) : QByteArray());
                if (r.status != row.expected[caller])
                    failures << QStringLiteral("%1 %2 as %3: %4, expected %5")
                                    .arg(QLatin1String(row.method), QLatin1String(row.path),
                                         QLatin1String(callerName(caller)))
                                    .arg(r.status)
                                    .arg(row.expected[caller]);
                else if (r.status == 403 && r.errorCode() != QLatin1String("key_scope"))
                    failures << QStringLiteral("%1 %2 as %3: 403 %4")
                                    .arg(QLatin1String(row.method), QLatin1String(row.path),
                                         QLatin1String(callerName(caller)), r.errorCode());
                else if (r.status == 401 && r.errorCode() != (caller == NoKey ? QLatin1String("missing_key")
                                                                              : QLatin1String("invalid_key")))
                    failures << QStringLiteral("%1 %2 as %3: 401 %4")
                                    .arg(QLatin1String(row.method), QLatin1String(row.path),
                                         QLatin1String(callerName(caller)), r.errorCode());
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }

    void customerKey_listsOnlyItsOwnCustomer() {
        const HttpReply r = call(Customer, "GET", QStringLiteral("/api/v1/customers"));
        QCOMPARE(r.status, 200);
        const QJsonArray customers = r.json().value(QStringLiteral("customers")).toArray();
        QCOMPARE(customers.size(), 1);
        QCOMPARE(customers.at(0).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("cus_brightside"));
        const HttpReply all = call(Partner, "GET", QStringLiteral("/api/v1/customers"));
        QVERIFY(all.json().value(QStringLiteral("customers")).toArray().size() >= 6);
        QVERIFY(!all.body.contains("cus_lakeside"));
    }

    void whoami_describesTheKey() {
        const HttpReply r = call(Customer, "GET", QStringLiteral("/api/v1/whoami"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("type")).toString(), QStringLiteral("customer"));
        QCOMPARE(r.json().value(QStringLiteral("customer_id")).toString(), QStringLiteral("cus_brightside"));
        QCOMPARE(r.json().value(QStringLiteral("partner_id")).toString(), QStringLiteral("ptr_demo"));
        QVERIFY(r.json().value(QStringLiteral("key_id")).toString().startsWith(QLatin1String("key_")));
        const HttpReply partner = call(Partner, "GET", QStringLiteral("/api/v1/whoami"));
        QVERIFY(partner.json().value(QStringLiteral("customer_id")).isNull());
    }

    // whoami's body is written without a QJsonObject: it must be what QJsonDocument writes,
    // byte for byte, whatever the strings hold.
    void flatJsonObject_isWhatQJsonDocumentWrites_data() {
        QTest::addColumn<QString>("value");
        QTest::newRow("plain") << QStringLiteral("key_01HV3");
        QTest::newRow("empty") << QString(QLatin1String(""));
        QTest::newRow("escapes") << QStringLiteral("a\"b\\c/d\b\f\n\r\t\x01\x1f\x7f end");
        QTest::newRow("not ascii") << QStringLiteral("Zürich – 東京 😀");
        QTest::newRow("escapes, long") << QString(300, QChar(0x01)) + QStringLiteral("\"end");
        QTest::newRow("three bytes of UTF-8 each, long") << QString(300, QChar(0x6771));
    }
    void flatJsonObject_isWhatQJsonDocumentWrites() {
        QFETCH(QString, value);
        const QByteArray written = gateway::flatJsonObject({{QLatin1StringView("a_null"), QString(), true},
                                                            {QLatin1StringView("b_value"), value},
                                                            {QLatin1StringView("c_plain"), u"partner"}});
        const QJsonObject expected{{QStringLiteral("a_null"), QJsonValue()},
                                   {QStringLiteral("b_value"), value},
                                   {QStringLiteral("c_plain"), QStringLiteral("partner")}};
        QCOMPARE(written, QJsonDocument(expected).toJson(QJsonDocument::Compact));
    }

    void keyInQueryString_isNeverRead() {
        const HttpReply r = m_gateway.get(QStringLiteral("/api/v1/whoami?api_key=%1&x-api-key=%1")
                                              .arg(QString::fromLatin1(m_secrets[Partner])));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("missing_key"));
    }

    void invalidKeys_allAnswerOneIdenticalBody() {
        QByteArray badChecksum = m_secrets[Partner];
        badChecksum[43] = badChecksum[43] == 'A' ? 'B' : 'A';
        QByteArray unknown = keyformat::generate(KeyType::Partner);
        TestKeySpec expired(KeyType::Partner);
        expired.expiresAt = QDateTime::currentSecsSinceEpoch() - 60;
        const QByteArray expiredSecret = insertTestKey(gatewayDatabase(m_gateway), expired).secret;
        const QList<QByteArray> secrets{"kn_pk_short", badChecksum, unknown, m_secrets[RevokedKey],
                                        expiredSecret};
        QByteArray first;
        for (const QByteArray &secret : secrets) {
            const HttpReply r = m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", secret}});
            QCOMPARE(r.status, 401);
            if (first.isEmpty())
                first = r.body;
            QCOMPARE(r.body, first);
        }
        const HttpReply sample{401, first, {}};
        QCOMPARE(sample.errorCode(), QStringLiteral("invalid_key"));
    }

    void readOnlyKey_refusedWritesWhateverThePathOrOverride() {
        // The method rule comes before routing: even a path that does not exist is 403.
        QCOMPARE(call(ReadOnly, "POST", QStringLiteral("/api/v1/nowhere"), "{}").errorCode(),
                 QStringLiteral("key_scope"));
        QCOMPARE(call(ReadOnly, "PUT", QStringLiteral("/api/v1/customers/cus_brightside"), "{}").status, 403);
        const HttpReply overridden =
            m_gateway.request("GET", QStringLiteral("/api/v1/customers/cus_brightside"), {},
                              {{"X-API-Key", m_secrets[ReadOnly]}, {"X-HTTP-Method-Override", "DELETE"}});
        QCOMPARE(overridden.status, 403);
        QCOMPARE(overridden.errorCode(), QStringLiteral("key_scope"));
    }

    void automationName_outsideItsPatternIsNotFound() {
        QCOMPARE(
            call(Partner, "POST", QStringLiteral("/api/v1/customers/cus_brightside/automations/Send/runs"))
                .status,
            404);
        QCOMPARE(
            call(
                Partner, "POST",
                QStringLiteral("/api/v1/customers/cus_brightside/automations/%1/runs").arg(QString(65, u'a')))
                .status,
            404);
        const HttpReply run =
            call(Partner, "POST", QStringLiteral("/api/v1/customers/cus_brightside/automations/a-1_b/runs"));
        QCOMPARE(run.status, 202);
        QVERIFY(!run.json().value(QStringLiteral("run_id")).toString().isEmpty());
    }

    void webhookSource_outsideItsPatternIsNotFound() {
        QCOMPARE(call(Webhook, "POST", QStringLiteral("/api/v1/webhooks/Stripe"), "{}").status, 404);
        QCOMPARE(call(Webhook, "POST", QStringLiteral("/api/v1/webhooks/stripe"), "[1]").status, 400);
        const HttpReply r = call(Webhook, "POST", QStringLiteral("/api/v1/webhooks/typeform"), R"({"a":1})");
        QCOMPARE(r.status, 202);
        const QString id = r.json().value(QStringLiteral("id")).toString();
        const HttpReply events = call(Webhook, "GET", QStringLiteral("/api/v1/webhook-events"));
        QCOMPARE(events.status, 200);
        const QJsonArray list = events.json().value(QStringLiteral("events")).toArray();
        const auto found = std::find_if(list.begin(), list.end(), [&](const QJsonValue &v) {
            return v.toObject().value(QStringLiteral("id")).toString() == id;
        });
        QVERIFY(found != list.end());
        QCOMPARE(found->toObject().value(QStringLiteral("source")).toString(), QStringLiteral("typeform"));
    }

    void limit_outOfRangeIsInvalidLimit() {
        for (const char *limit : {"0", "1001", "abc", "-3"}) {
            const HttpReply r =
                call(Partner, "GET", QStringLiteral("/api/v1/customers?limit=%1").arg(QLatin1String(limit)));
            QCOMPARE(r.status, 422);
            QCOMPARE(r.errorCode(), QStringLiteral("invalid_limit"));
        }
        QCOMPARE(call(Partner, "GET", QStringLiteral("/api/v1/customers?limit=2"))
                     .json()
                     .value(QStringLiteral("customers"))
                     .toArray()
                     .size(),
                 2);
        QCOMPARE(call(Webhook, "GET", QStringLiteral("/api/v1/webhook-events?limit=0")).errorCode(),
                 QStringLiteral("invalid_limit"));
    }

    void customers_createRenameAndValidate() {
        const HttpReply created =
            call(Partner, "POST", QStringLiteral("/api/v1/customers"), R"({"name":"  Kite Co  "})");
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(QStringLiteral("id")).toString();
        QCOMPARE(created.json().value(QStringLiteral("name")).toString(), QStringLiteral("Kite Co"));
        QVERIFY(!created.json().value(QStringLiteral("created_at")).toString().isEmpty());
        const HttpReply renamed =
            call(Partner, "PATCH", QStringLiteral("/api/v1/customers/%1").arg(id), R"({"name":"Kite & Co"})");
        QCOMPARE(renamed.status, 200);
        QCOMPARE(call(Partner, "GET", QStringLiteral("/api/v1/customers/%1").arg(id))
                     .json()
                     .value(QStringLiteral("name")),
                 QJsonValue(QStringLiteral("Kite & Co")));
        const HttpReply empty =
            call(Partner, "POST", QStringLiteral("/api/v1/customers"), R"({"name":"   "})");
        QCOMPARE(empty.status, 422);
        QCOMPARE(
            empty.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
            QStringLiteral("name"));
        QCOMPARE(call(Partner, "POST", QStringLiteral("/api/v1/customers"), "not json").errorCode(),
                 QStringLiteral("invalid_json"));
        // Body syntax (400) comes before the lookup (404), the lookup before validation (422).
        QCOMPARE(call(Partner, "PATCH", QStringLiteral("/api/v1/customers/cus_nobody"), "[").status, 400);
        QCOMPARE(
            call(Partner, "PATCH", QStringLiteral("/api/v1/customers/cus_nobody"), R"({"name":5})").status,
            404);
    }

    void credits_grantMovesBalanceAndChecksAmount() {
        const qint64 before = call(Partner, "GET", QStringLiteral("/api/v1/credits"))
                                  .json()
                                  .value(QStringLiteral("balance"))
                                  .toInteger();
        QVERIFY(before > 0 && before <= 100000);
        const HttpReply grant = call(Partner, "POST", QStringLiteral("/api/v1/credits/grants"),
                                     R"({"customer_id":"cus_northwind","amount":250})");
        QCOMPARE(grant.status, 201);
        QCOMPARE(grant.json().value(QStringLiteral("balance")).toInteger(), before - 250);
        QCOMPARE(grant.json().value(QStringLiteral("amount")).toInteger(), 250);
        QCOMPARE(grant.json().value(QStringLiteral("customer_id")).toString(),
                 QStringLiteral("cus_northwind"));
        for (const char *amount : {"0", "1000001", "2.5", "\"7\""}) {
            const HttpReply r =
                call(Partner, "POST", QStringLiteral("/api/v1/credits/grants"),
                     QByteArray(R"({"customer_id":"cus_northwind","amount":)") + amount + "}");
            QCOMPARE(r.status, 422);
            QCOMPARE(r.errorCode(), QStringLiteral("invalid_amount"));
        }
        const HttpReply tooMuch = call(Partner, "POST", QStringLiteral("/api/v1/credits/grants"),
                                       R"({"customer_id":"cus_northwind","amount":1000000})");
        QCOMPARE(tooMuch.status, 409);
        QCOMPARE(tooMuch.errorCode(), QStringLiteral("insufficient_credits"));
        QCOMPARE(call(Partner, "POST", QStringLiteral("/api/v1/credits/grants"),
                      R"({"customer_id":"cus_lakeside","amount":1})")
                     .status,
                 404);
        QCOMPARE(call(Partner, "GET", QStringLiteral("/api/v1/credits"))
                     .json()
                     .value(QStringLiteral("balance"))
                     .toInteger(),
                 before - 250);
    }

    void rateLimit_nPlusFirstRequestIsRateLimitedWithRetryAfter() {
        TestKeySpec spec(KeyType::Partner);
        spec.rateLimitRequests = 3;
        spec.rateLimitSeconds = 60;
        const QByteArray secret = insertTestKey(gatewayDatabase(m_gateway), spec).secret;
        const auto whoami = [&] {
            return m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", secret}});
        };
        for (int i = 0; i < 3; ++i)
            QCOMPARE(whoami().status, 200);
        const HttpReply limited = whoami();
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), QStringLiteral("rate_limited"));
        const int retryAfter = limited.header("Retry-After").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 60, limited.header("Retry-After").constData());
        // Another key is not affected, and the window slides: after it, calls pass again.
        QCOMPARE(call(Partner, "GET", QStringLiteral("/api/v1/whoami")).status, 200);
        QVERIFY(m_gateway.advanceClock(61));
        QCOMPARE(whoami().status, 200);
    }

    void expiry_cachedKeyFailsOnceItsTimeHasCome() {
        TestKeySpec spec(KeyType::ReadOnly);
        spec.expiresAt = QDateTime::currentSecsSinceEpoch() + 3600 * 24 * 365;
        const QByteArray secret = insertTestKey(gatewayDatabase(m_gateway), spec).secret;
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", secret}}).status, 200);
        QVERIFY(m_gateway.advanceClock(3600 * 24 * 366));
        const HttpReply r = m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", secret}});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_key"));
    }

    void mcp_initializeAndNotificationsFollowTheTransport() {
        const HttpReply init =
            mcp(Partner, rpc(1, QStringLiteral("initialize"),
                             {{QStringLiteral("protocolVersion"), QStringLiteral("2025-06-18")},
                              {QStringLiteral("capabilities"), QJsonObject{}},
                              {QStringLiteral("clientInfo"),
                               QJsonObject{{QStringLiteral("name"), QStringLiteral("test")},
                                           {QStringLiteral("version"), QStringLiteral("1")}}}}));
        QCOMPARE(init.status, 200);
        QVERIFY(init.header("Content-Type").startsWith("application/json"));
        const QJsonObject result = init.json().value(QStringLiteral("result")).toObject();
        QCOMPARE(result.value(QStringLiteral("protocolVersion")).toString(), QStringLiteral("2025-06-18"));
        QVERIFY(result.value(QStringLiteral("capabilities")).toObject().contains(QStringLiteral("tools")));
        QCOMPARE(init.json().value(QStringLiteral("id")).toInt(), 1);

        const HttpReply note = mcp(
            Partner, QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                 {QStringLiteral("method"), QStringLiteral("notifications/initialized")}});
        QCOMPARE(note.status, 202);
        QVERIFY(note.body.isEmpty());
        QCOMPARE(
            mcp(Partner, rpc(2, QStringLiteral("ping"))).json().value(QStringLiteral("result")).toObject(),
            QJsonObject{});
        QCOMPARE(mcp(Partner, rpc(3, QStringLiteral("no/such")))
                     .json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toInt(),
                 -32601);
    }

    void mcp_toolsListShowsOnlyWhatTheKeyMayCall_data() {
        QTest::addColumn<int>("caller");
        QTest::addColumn<QStringList>("tools");
        QTest::newRow("partner") << int(Partner)
                                 << QStringList{"list_customers",     "get_customer",    "get_usage",
                                                "get_credit_balance", "create_customer", "run_automation"};
        QTest::newRow("customer") << int(Customer)
                                  << QStringList{"list_customers", "get_customer", "run_automation"};
        QTest::newRow("read_only") << int(ReadOnly)
                                   << QStringList{"list_customers", "get_customer", "get_usage",
                                                  "get_credit_balance"};
    }

    void mcp_toolsListShowsOnlyWhatTheKeyMayCall() {
        QFETCH(int, caller);
        QFETCH(QStringList, tools);
        const HttpReply r = mcp(caller, rpc(7, QStringLiteral("tools/list")));
        QCOMPARE(r.status, 200);
        QStringList names;
        const QJsonArray list =
            r.json().value(QStringLiteral("result")).toObject().value(QStringLiteral("tools")).toArray();
        for (const QJsonValue &tool : list) {
            names << tool.toObject().value(QStringLiteral("name")).toString();
            QCOMPARE(
                tool.toObject().value(QStringLiteral("inputSchema")).toObject().value(QStringLiteral("type")),
                QJsonValue(QStringLiteral("object")));
        }
        QCOMPARE(names, tools);
    }

    void mcp_webhookKeyIsRefused() {
        const HttpReply r = mcp(Webhook, rpc(1, QStringLiteral("tools/list")));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("key_scope"));
    }

    void mcp_toolsCallAppliesScopeAndReach_data() {
        QTest::addColumn<int>("caller");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QJsonObject>("arguments");
        QTest::addColumn<int>("rpcError"); // 0: a result
        QTest::addColumn<bool>("isError");
        const QJsonObject brightside{{QStringLiteral("customer_id"), QStringLiteral("cus_brightside")}};
        const QJsonObject northwind{{QStringLiteral("customer_id"), QStringLiteral("cus_northwind")}};
        const QJsonObject week{{QStringLiteral("from"), QStringLiteral("2026-01-01T00:00:00Z")},
                               {QStringLiteral("to"), QStringLiteral("2026-01-08T00:00:00Z")}};
        const QJsonObject run{{QStringLiteral("customer_id"), QStringLiteral("cus_brightside")},
                              {QStringLiteral("automation"), QStringLiteral("send_reminders")}};
        QTest::newRow("partner get_customer") << int(Partner) << "get_customer" << northwind << 0 << false;
        QTest::newRow("partner get_usage") << int(Partner) << "get_usage" << week << 0 << false;
        QTest::newRow("partner list_customers")
            << int(Partner) << "list_customers" << QJsonObject{} << 0 << false;
        QTest::newRow("customer own") << int(Customer) << "get_customer" << brightside << 0 << false;
        QTest::newRow("customer other") << int(Customer) << "get_customer" << northwind << 0 << true;
        QTest::newRow("customer get_usage") << int(Customer) << "get_usage" << week << -32001 << false;
        QTest::newRow("customer run") << int(Customer) << "run_automation" << run << 0 << false;
        QTest::newRow("read_only get_usage") << int(ReadOnly) << "get_usage" << week << 0 << false;
        QTest::newRow("read_only create")
            << int(ReadOnly) << "create_customer"
            << QJsonObject{{QStringLiteral("name"), QStringLiteral("X")}} << -32001 << false;
        QTest::newRow("read_only run") << int(ReadOnly) << "run_automation" << run << -32001 << false;
    }

    void mcp_toolsCallAppliesScopeAndReach() {
        QFETCH(int, caller);
        QFETCH(QString, tool);
        QFETCH(QJsonObject, arguments);
        QFETCH(int, rpcError);
        QFETCH(bool, isError);
        const HttpReply r =
            mcp(caller, rpc(9, QStringLiteral("tools/call"),
                            {{QStringLiteral("name"), tool}, {QStringLiteral("arguments"), arguments}}));
        QCOMPARE(r.status, 200);
        if (rpcError != 0) {
            const QJsonObject error = r.json().value(QStringLiteral("error")).toObject();
            QCOMPARE(error.value(QStringLiteral("code")).toInt(), rpcError);
            QCOMPARE(error.value(QStringLiteral("message")).toString(), QStringLiteral("key_scope"));
            return;
        }
        const QJsonObject result = r.json().value(QStringLiteral("result")).toObject();
        QCOMPARE(result.value(QStringLiteral("isError")).toBool(), isError);
        const QJsonArray content = result.value(QStringLiteral("content")).toArray();
        QCOMPARE(content.size(), 1);
        QCOMPARE(content.at(0).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("text"));
        QCOMPARE(QJsonDocument::fromJson(
                     content.at(0).toObject().value(QStringLiteral("text")).toString().toUtf8())
                     .object(),
                 result.value(QStringLiteral("structuredContent")).toObject());
    }

private:
    HttpReply call(int caller, const QByteArray &method, const QString &path,
                   const QByteArray &body = {}) const {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (caller != NoKey)
            headers.append({"X-API-Key", m_secrets[caller]});
        return m_gateway.request(method, path, body, headers);
    }

    HttpReply mcp(int caller, const QJsonObject &message) const {
        return m_gateway.request(
            "POST", QStringLiteral("/mcp"), QJsonDocument(message).toJson(QJsonDocument::Compact),
            {{"X-API-Key", m_secrets[caller]}, {"Accept", "application/json, text/event-stream"}});
    }

    GatewayProcess m_gateway;
    QByteArray m_secrets[CallerCount];
};

QTEST_GUILESS_MAIN(TestPlatformApi)
#include "tst_platformapi.moc"
