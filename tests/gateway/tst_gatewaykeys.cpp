#include "models/domain/keyformat.h"
#include "tests/gateway/portalcalls.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/testdatabase.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace knotie;
using namespace knotie::test;
using namespace knotie::test::portal;

// The key lifecycle of API.md's "API keys" section against a real gateway process.
class TestGatewayKeys : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        m_other = m_gateway.signIn(QStringLiteral("other@demo.test"));
        QVERIFY(!m_owner.isEmpty());
        QVERIFY(!m_other.isEmpty());
    }

    void create_eachTypeAnswersEveryFieldAndTheSecretOnce_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("tag");
        QTest::newRow("partner") << QStringLiteral("partner") << QStringLiteral("kn_pk_");
        QTest::newRow("customer") << QStringLiteral("customer") << QStringLiteral("kn_ck_");
        QTest::newRow("read_only") << QStringLiteral("read_only") << QStringLiteral("kn_rk_");
        QTest::newRow("webhook") << QStringLiteral("webhook") << QStringLiteral("kn_wk_");
    }
    void create_eachTypeAnswersEveryFieldAndTheSecretOnce() {
        QFETCH(QString, type);
        QFETCH(QString, tag);
        QJsonObject extra;
        if (type == QLatin1String("customer"))
            extra.insert(QStringLiteral("customer_id"), QStringLiteral("cus_brightside"));
        const HttpReply r = createKey(m_gateway, m_owner, QStringLiteral("Lifecycle ") + type, type, extra);
        QCOMPARE(r.status, 201);
        const QByteArray secret = r.json().value(QStringLiteral("secret")).toString().toLatin1();
        keep(secret);
        QCOMPARE(keyformat::verify(secret), keyformat::Verdict::Ok);
        QVERIFY(secret.startsWith(tag.toLatin1()));

        const QJsonObject key = keyOf(r);
        const QStringList fields{
            QStringLiteral("id"),         QStringLiteral("name"),         QStringLiteral("description"),
            QStringLiteral("type"),       QStringLiteral("customer_id"),  QStringLiteral("prefix"),
            QStringLiteral("last4"),      QStringLiteral("status"),       QStringLiteral("created_at"),
            QStringLiteral("created_by"), QStringLiteral("last_used_at"), QStringLiteral("expires_at"),
            QStringLiteral("revoked_at"), QStringLiteral("revoked_by"),   QStringLiteral("replaced_by"),
            QStringLiteral("replaces"),   QStringLiteral("rate_limit"),   QStringLiteral("custodian")};
        QStringList keys = key.keys();
        QStringList expected = fields;
        keys.sort();
        expected.sort();
        QCOMPARE(keys, expected);
        QCOMPARE(key.value(QStringLiteral("type")).toString(), type);
        QCOMPARE(key.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(key.value(QStringLiteral("prefix")).toString(), tag);
        QCOMPARE(key.value(QStringLiteral("last4")).toString().toLatin1(), secret.right(4));
        QCOMPARE(key.value(QStringLiteral("created_by")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Maya Lindqvist"));
        QVERIFY(key.value(QStringLiteral("revoked_by")).isNull());
        QVERIFY(key.value(QStringLiteral("rate_limit")).isNull());
        QCOMPARE(key.value(QStringLiteral("customer_id")).isNull(), type != QLatin1String("customer"));
        QVERIFY(!key.contains(QStringLiteral("secret")));

        // The list never carries the secret, not even for the key just created.
        const HttpReply list = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/keys"));
        QCOMPARE(list.status, 200);
        QVERIFY(idsIn(list.json().value(QStringLiteral("keys")).toArray()).contains(idOf(key)));
        QVERIFY(!list.body.contains(secret));
        QVERIFY(!list.body.contains(secret.mid(6, 32)));
    }

    void create_badFieldsAnswer422WithCodeAndField_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const auto row = [](const char *name, const char *body, const char *code, const char *field) {
            QTest::newRow(name) << QByteArray(body) << QString::fromLatin1(code)
                                << QString::fromLatin1(field);
        };
        row("missing name", R"({"type":"partner"})", "invalid_name", "name");
        row("blank name", R"({"name":" \t ","type":"partner"})", "invalid_name", "name");
        row("name 65 code points",
            R"({"name":"12345678901234567890123456789012345678901234567890123456789012345","type":"partner"})",
            "invalid_name", "name");
        row("name with bell (Cc)", R"({"name":"a\u0007b","type":"partner"})", "invalid_name", "name");
        row("name with line feed", R"({"name":"a\nb","type":"partner"})", "invalid_name", "name");
        row("name with right-to-left override (Cf)", R"({"name":"abc\u202Egpj.exe","type":"partner"})",
            "invalid_name", "name");
        row("name with zero-width space (Cf)", R"({"name":"a\u200Bb","type":"partner"})", "invalid_name",
            "name");
        row("name with lone surrogate (Cs)", R"({"name":"a\uD800b","type":"partner"})", "invalid_name",
            "name");
        row("name a number", R"({"name":42,"type":"partner"})", "invalid_field", "name");
        row("name an array", R"({"name":["a"],"type":"partner"})", "invalid_field", "name");
        row("description 501", "", "invalid_description", "description"); // body built below
        row("description with tab", R"({"name":"n","description":"a\tb","type":"partner"})",
            "invalid_description", "description");
        row("description with carriage return", R"({"name":"n","description":"a\r\nb","type":"partner"})",
            "invalid_description", "description");
        row("description with BOM (Cf)", R"({"name":"n","description":"\uFEFFa","type":"partner"})",
            "invalid_description", "description");
        row("description an object", R"({"name":"n","description":{},"type":"partner"})", "invalid_field",
            "description");
        row("missing type", R"({"name":"n"})", "invalid_type", "type");
        row("unknown type", R"({"name":"n","type":"admin"})", "invalid_type", "type");
        row("type a number", R"({"name":"n","type":3})", "invalid_field", "type");
        row("customer key without customer", R"({"name":"n","type":"customer"})", "customer_required",
            "customer_id");
        row("customer key with null customer", R"({"name":"n","type":"customer","customer_id":null})",
            "customer_required", "customer_id");
        row("partner key with customer", R"({"name":"n","type":"partner","customer_id":"cus_atlas"})",
            "customer_not_allowed", "customer_id");
        row("unknown customer", R"({"name":"n","type":"customer","customer_id":"cus_nobody"})",
            "unknown_customer", "customer_id");
        row("another partner's customer", R"({"name":"n","type":"customer","customer_id":"cus_lakeside"})",
            "unknown_customer", "customer_id");
        row("customer id a number", R"({"name":"n","type":"customer","customer_id":7})", "invalid_field",
            "customer_id");
        row("expiry in the past", R"({"name":"n","type":"partner","expires_at":"2001-01-01T00:00:00Z"})",
            "invalid_expiry", "expires_at");
        row("expiry not a time", R"({"name":"n","type":"partner","expires_at":"tomorrow"})", "invalid_expiry",
            "expires_at");
        row("expiry a number", R"({"name":"n","type":"partner","expires_at":1893456000})", "invalid_field",
            "expires_at");
        row("rate limit zero requests",
            R"({"name":"n","type":"partner","rate_limit":{"requests":0,"per_seconds":1}})",
            "invalid_rate_limit", "rate_limit");
        row("rate limit too many requests",
            R"({"name":"n","type":"partner","rate_limit":{"requests":1000001,"per_seconds":1}})",
            "invalid_rate_limit", "rate_limit");
        row("rate limit window too long",
            R"({"name":"n","type":"partner","rate_limit":{"requests":1,"per_seconds":86401}})",
            "invalid_rate_limit", "rate_limit");
        row("rate limit fractional",
            R"({"name":"n","type":"partner","rate_limit":{"requests":1.5,"per_seconds":1}})",
            "invalid_rate_limit", "rate_limit");
        row("rate limit missing window", R"({"name":"n","type":"partner","rate_limit":{"requests":5}})",
            "invalid_rate_limit", "rate_limit");
        row("rate limit a string", R"({"name":"n","type":"partner","rate_limit":"10/s"})", "invalid_field",
            "rate_limit");
    }
    void create_badFieldsAnswer422WithCodeAndField() {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, field);
        if (body.isEmpty())
            body = compact({{QStringLiteral("name"), QStringLiteral("n")},
                            {QStringLiteral("type"), QStringLiteral("partner")},
                            {QStringLiteral("description"), QString(501, QLatin1Char('d'))}});
        const HttpReply r =
            m_gateway.request("POST", QStringLiteral("/v1/keys"), body, GatewayProcess::bearer(m_owner));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), code);
        QCOMPARE(fieldOf(r), field);
    }

    void create_bodyNotAnObjectIsInvalidJson() {
        for (const QByteArray &body : {QByteArray("[1]"), QByteArray("{\"name\":"), QByteArray("\"x\"")}) {
            const HttpReply r =
                m_gateway.request("POST", QStringLiteral("/v1/keys"), body, GatewayProcess::bearer(m_owner));
            QCOMPARE(r.status, 400);
            QCOMPARE(r.errorCode(), QStringLiteral("invalid_json"));
        }
    }

    void create_trimsAndCountsCodePointsNotUtf16Units() {
        // 64 emoji are 128 UTF-16 units but 64 code points: allowed.
        QString emoji;
        for (int i = 0; i < 64; ++i)
            emoji += QString::fromUcs4(U"\U0001F511");
        HttpReply r =
            createKey(m_gateway, m_owner, QStringLiteral("  ") + emoji + QStringLiteral("\t"),
                      QStringLiteral("webhook"),
                      {{QStringLiteral("description"), QStringLiteral("\n Line one\nLine two \n")}});
        QCOMPARE(r.status, 201);
        keep(r.json().value(QStringLiteral("secret")).toString().toLatin1());
        QCOMPARE(keyOf(r).value(QStringLiteral("name")).toString(), emoji);
        QCOMPARE(keyOf(r).value(QStringLiteral("description")).toString(),
                 QStringLiteral("Line one\nLine two"));
        r = createKey(m_gateway, m_owner, emoji + QStringLiteral("x"), QStringLiteral("webhook"));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_name"));
        // Accented letters and CJK are ordinary text.
        r = createKey(m_gateway, m_owner, QStringLiteral("Zoë's 鍵"), QStringLiteral("webhook"));
        QCOMPARE(r.status, 201);
        keep(r.json().value(QStringLiteral("secret")).toString().toLatin1());
        QCOMPARE(keyOf(r).value(QStringLiteral("name")).toString(), QStringLiteral("Zoë's 鍵"));
    }

    void create_withExpiryAndRateLimitKeepsThem() {
        const HttpReply r =
            createKey(m_gateway, m_owner, QStringLiteral("Limited"), QStringLiteral("customer"),
                      {{QStringLiteral("customer_id"), QStringLiteral("cus_atlas")},
                       {QStringLiteral("expires_at"), QStringLiteral("2099-01-01T02:00:00+02:00")},
                       {QStringLiteral("rate_limit"), QJsonObject{{QStringLiteral("requests"), 1000000},
                                                                  {QStringLiteral("per_seconds"), 86400}}}});
        QCOMPARE(r.status, 201);
        keep(r.json().value(QStringLiteral("secret")).toString().toLatin1());
        const QJsonObject key = keyOf(r);
        QCOMPARE(key.value(QStringLiteral("expires_at")).toString(), QStringLiteral("2099-01-01T00:00:00Z"));
        QCOMPARE(key.value(QStringLiteral("customer_id")).toString(), QStringLiteral("cus_atlas"));
        const QJsonObject limit = key.value(QStringLiteral("rate_limit")).toObject();
        QCOMPARE(limit.value(QStringLiteral("requests")).toInt(), 1000000);
        QCOMPARE(limit.value(QStringLiteral("per_seconds")).toInt(), 86400);
    }

    void rotate_graceKeepsPreviousWorkingUntilItEnds() {
        const HttpReply created =
            createKey(m_gateway, m_owner, QStringLiteral("To rotate"), QStringLiteral("customer"),
                      {{QStringLiteral("customer_id"), QStringLiteral("cus_sunrise")},
                       {QStringLiteral("description"), QStringLiteral("Front desk tablet")},
                       {QStringLiteral("rate_limit"),
                        QJsonObject{{QStringLiteral("requests"), 50}, {QStringLiteral("per_seconds"), 60}}}});
        QCOMPARE(created.status, 201);
        const QByteArray oldSecret = created.json().value(QStringLiteral("secret")).toString().toLatin1();
        keep(oldSecret);
        const QString oldId = idOf(keyOf(created));

        const HttpReply r = call(m_gateway, m_owner, "POST", QStringLiteral("/v1/keys/%1/rotate").arg(oldId),
                                 {{QStringLiteral("grace_seconds"), 3600}});
        QCOMPARE(r.status, 201);
        const QByteArray newSecret = r.json().value(QStringLiteral("secret")).toString().toLatin1();
        keep(newSecret);
        QCOMPARE(keyformat::verify(newSecret), keyformat::Verdict::Ok);
        QVERIFY(newSecret != oldSecret);
        const QJsonObject fresh = keyOf(r);
        const QJsonObject previous = r.json().value(QStringLiteral("previous")).toObject();
        QCOMPARE(previous.value(QStringLiteral("status")).toString(), QStringLiteral("expiring"));
        QCOMPARE(previous.value(QStringLiteral("replaced_by")).toString(), idOf(fresh));
        QCOMPARE(fresh.value(QStringLiteral("replaces")).toString(), oldId);
        QCOMPARE(fresh.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QVERIFY(fresh.value(QStringLiteral("expires_at")).isNull());
        for (const char *same : {"name", "description", "type", "customer_id", "rate_limit"})
            QCOMPARE(fresh.value(QLatin1String(same)), previous.value(QLatin1String(same)));
        const QDateTime graceEnd =
            QDateTime::fromString(previous.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
        const QDateTime createdAt =
            QDateTime::fromString(fresh.value(QStringLiteral("created_at")).toString(), Qt::ISODate);
        QCOMPARE(createdAt.secsTo(graceEnd), 3600);

        QCOMPARE(checkSecret(oldSecret).value(QStringLiteral("reason")).toString(), QStringLiteral("ok"));
        QVERIFY(m_gateway.advanceClock(3601));
        const QJsonObject check = checkSecret(oldSecret);
        QCOMPARE(check.value(QStringLiteral("reason")).toString(), QStringLiteral("expired"));
        QCOMPARE(check.value(QStringLiteral("valid")).toBool(), false);
        QCOMPARE(check.value(QStringLiteral("key")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("expired"));
        QCOMPARE(checkSecret(newSecret).value(QStringLiteral("reason")).toString(), QStringLiteral("ok"));
    }

    void rotate_graceZeroExpiresThePreviousAtOnce() {
        const HttpReply created = createKey(m_gateway, m_owner, QStringLiteral("Leaked"));
        const QByteArray oldSecret = created.json().value(QStringLiteral("secret")).toString().toLatin1();
        keep(oldSecret);
        const HttpReply r =
            call(m_gateway, m_owner, "POST", QStringLiteral("/v1/keys/%1/rotate").arg(idOf(keyOf(created))),
                 {{QStringLiteral("grace_seconds"), 0}});
        QCOMPARE(r.status, 201);
        keep(r.json().value(QStringLiteral("secret")).toString().toLatin1());
        QCOMPARE(
            r.json().value(QStringLiteral("previous")).toObject().value(QStringLiteral("status")).toString(),
            QStringLiteral("expired"));
        QCOMPARE(checkSecret(oldSecret).value(QStringLiteral("reason")).toString(),
                 QStringLiteral("expired"));
    }

    void rotate_previousKeepsAnEarlierExpiryOfItsOwn() {
        const QDateTime now = gatewayNow(m_gateway);
        const QString ownExpiry = now.addSecs(600).toString(Qt::ISODate);
        const HttpReply created =
            createKey(m_gateway, m_owner, QStringLiteral("Short-lived"), QStringLiteral("read_only"),
                      {{QStringLiteral("expires_at"), ownExpiry}});
        QCOMPARE(created.status, 201);
        keep(created.json().value(QStringLiteral("secret")).toString().toLatin1());
        const HttpReply r =
            call(m_gateway, m_owner, "POST", QStringLiteral("/v1/keys/%1/rotate").arg(idOf(keyOf(created))));
        QCOMPARE(r.status, 201); // no body: the default grace of a day
        keep(r.json().value(QStringLiteral("secret")).toString().toLatin1());
        const QJsonObject previous = r.json().value(QStringLiteral("previous")).toObject();
        QCOMPARE(previous.value(QStringLiteral("expires_at")).toString(), ownExpiry);
    }

    void rotate_defaultGraceIsOneDay() {
        const HttpReply created = createKey(m_gateway, m_owner, QStringLiteral("Default grace"));
        keep(created.json().value(QStringLiteral("secret")).toString().toLatin1());
        const HttpReply r =
            m_gateway.request("POST", QStringLiteral("/v1/keys/%1/rotate").arg(idOf(keyOf(created))), {},
                              GatewayProcess::bearer(m_owner));
        QCOMPARE(r.status, 201);
        keep(r.json().value(QStringLiteral("secret")).toString().toLatin1());
        const QDateTime createdAt =
            QDateTime::fromString(keyOf(r).value(QStringLiteral("created_at")).toString(), Qt::ISODate);
        const QDateTime graceEnd = QDateTime::fromString(r.json()
                                                             .value(QStringLiteral("previous"))
                                                             .toObject()
                                                             .value(QStringLiteral("expires_at"))
                                                             .toString(),
                                                         Qt::ISODate);
        QCOMPARE(createdAt.secsTo(graceEnd), 86400);
    }

    void rotate_badGraceAnswers422_data() {
        QTest::addColumn<QJsonValue>("grace");
        QTest::addColumn<QString>("code");
        QTest::newRow("negative") << QJsonValue(-1) << QStringLiteral("invalid_grace");
        QTest::newRow("over a week") << QJsonValue(604801) << QStringLiteral("invalid_grace");
        QTest::newRow("fractional") << QJsonValue(1.5) << QStringLiteral("invalid_grace");
        QTest::newRow("string") << QJsonValue(QStringLiteral("60")) << QStringLiteral("invalid_field");
        QTest::newRow("boolean") << QJsonValue(true) << QStringLiteral("invalid_field");
    }
    void rotate_badGraceAnswers422() {
        QFETCH(QJsonValue, grace);
        QFETCH(QString, code);
        const HttpReply created = createKey(m_gateway, m_owner, QStringLiteral("Grace checks"));
        keep(created.json().value(QStringLiteral("secret")).toString().toLatin1());
        const HttpReply r =
            call(m_gateway, m_owner, "POST", QStringLiteral("/v1/keys/%1/rotate").arg(idOf(keyOf(created))),
                 {{QStringLiteral("grace_seconds"), grace}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), code);
        QCOMPARE(fieldOf(r), QStringLiteral("grace_seconds"));
        // Nothing changed: the key is still active and can be rotated.
        QCOMPARE(checkSecret(created.json().value(QStringLiteral("secret")).toString().toLatin1())
                     .value(QStringLiteral("reason"))
                     .toString(),
                 QStringLiteral("ok"));
    }

    void rotate_revokedOrNotActiveIs409() {
        const HttpReply created = createKey(m_gateway, m_owner, QStringLiteral("Conflicts"));
        keep(created.json().value(QStringLiteral("secret")).toString().toLatin1());
        const QString id = idOf(keyOf(created));
        const QString rotatePath = QStringLiteral("/v1/keys/%1/rotate").arg(id);
        HttpReply r = call(m_gateway, m_owner, "POST", rotatePath, {{QStringLiteral("grace_seconds"), 600}});
        QCOMPARE(r.status, 201);
        keep(r.json().value(QStringLiteral("secret")).toString().toLatin1());
        r = call(m_gateway, m_owner, "POST", rotatePath);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("key_not_active")); // expiring
        QVERIFY(m_gateway.advanceClock(601));
        r = call(m_gateway, m_owner, "POST", rotatePath);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("key_not_active")); // expired
        QCOMPARE(call(m_gateway, m_owner, "DELETE", QStringLiteral("/v1/keys/%1").arg(id)).status, 200);
        r = call(m_gateway, m_owner, "POST", rotatePath);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("key_revoked"));
        // Field validation comes before state conflicts (API.md's order of checks).
        r = call(m_gateway, m_owner, "POST", rotatePath, {{QStringLiteral("grace_seconds"), -5}});
        QCOMPARE(r.status, 422);
    }

    void rotate_twiceAtOnceSucceedsOnce() {
        const HttpReply created = createKey(m_gateway, m_owner, QStringLiteral("Raced"));
        keep(created.json().value(QStringLiteral("secret")).toString().toLatin1());
        const QList<HttpReply> answers =
            postAtOnce(m_gateway, QStringLiteral("/v1/keys/%1/rotate").arg(idOf(keyOf(created))),
                       QList<QByteArray>(4, QByteArrayLiteral("{}")), m_owner);
        QList<int> statuses;
        for (const HttpReply &r : answers) {
            statuses.append(r.status);
            if (r.status == 201)
                keep(r.json().value(QStringLiteral("secret")).toString().toLatin1());
        }
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{201, 409, 409, 409}));
    }

    void revoke_isIdempotentAndTheKeyFailsAtOnce() {
        const HttpReply created = createKey(m_gateway, m_owner, QStringLiteral("To revoke"));
        const QByteArray secret = created.json().value(QStringLiteral("secret")).toString().toLatin1();
        keep(secret);
        const QString path = QStringLiteral("/v1/keys/%1").arg(idOf(keyOf(created)));
        const HttpReply first = call(m_gateway, m_owner, "DELETE", path);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
        QCOMPARE(first.json()
                     .value(QStringLiteral("revoked_by"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 QStringLiteral("usr_maya"));
        QVERIFY(m_gateway.advanceClock(30));
        const HttpReply second = call(m_gateway, m_owner, "DELETE", path);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json(), first.json());
        const QJsonObject check = checkSecret(secret);
        QCOMPARE(check.value(QStringLiteral("reason")).toString(), QStringLiteral("revoked"));
        QCOMPARE(check.value(QStringLiteral("valid")).toBool(), false);
    }

    void patch_renamesTrimsAndNeverChangesTypeOrCustomer() {
        const HttpReply created =
            createKey(m_gateway, m_owner, QStringLiteral("Before"), QStringLiteral("customer"),
                      {{QStringLiteral("customer_id"), QStringLiteral("cus_atlas")},
                       {QStringLiteral("description"), QStringLiteral("old")}});
        keep(created.json().value(QStringLiteral("secret")).toString().toLatin1());
        const QString path = QStringLiteral("/v1/keys/%1").arg(idOf(keyOf(created)));
        HttpReply r = call(m_gateway, m_owner, "PATCH", path,
                           {{QStringLiteral("name"), QStringLiteral("  After  ")},
                            {QStringLiteral("type"), QStringLiteral("partner")},
                            {QStringLiteral("customer_id"), QStringLiteral("cus_brightside")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("name")).toString(), QStringLiteral("After"));
        QCOMPARE(r.json().value(QStringLiteral("description")).toString(), QStringLiteral("old"));
        QCOMPARE(r.json().value(QStringLiteral("type")).toString(), QStringLiteral("customer"));
        QCOMPARE(r.json().value(QStringLiteral("customer_id")).toString(), QStringLiteral("cus_atlas"));

        r = call(m_gateway, m_owner, "PATCH", path, {{QStringLiteral("description"), QJsonValue()}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QStringLiteral("description")).isNull());

        for (const QJsonValue &bad :
             {QJsonValue(QStringLiteral("   ")), QJsonValue(),
              QJsonValue(QString(QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b")))}) {
            r = call(m_gateway, m_owner, "PATCH", path, {{QStringLiteral("name"), bad}});
            QCOMPARE(r.status, 422);
            QCOMPARE(r.errorCode(), QStringLiteral("invalid_name"));
            QCOMPARE(fieldOf(r), QStringLiteral("name"));
        }
        r = call(m_gateway, m_owner, "PATCH", path,
                 {{QStringLiteral("description"), QString(501, QLatin1Char('x'))}});
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_description"));
        r = call(m_gateway, m_owner, "PATCH", path, {{QStringLiteral("name"), 12}});
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_field"));
        QCOMPARE(fieldOf(r), QStringLiteral("name"));
    }

    void unknownOrForeignIds_areNotFound_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("patch") << QByteArray("PATCH") << QString();
        QTest::newRow("revoke") << QByteArray("DELETE") << QString();
        QTest::newRow("rotate") << QByteArray("POST") << QStringLiteral("/rotate");
    }
    void unknownOrForeignIds_areNotFound() {
        QFETCH(QByteArray, method);
        QFETCH(QString, suffix);
        const HttpReply foreign = createKey(m_gateway, m_other, QStringLiteral("Other agency's key"));
        QCOMPARE(foreign.status, 201);
        keep(foreign.json().value(QStringLiteral("secret")).toString().toLatin1());
        const QJsonObject body{{QStringLiteral("name"), QStringLiteral("Taken over")}};
        for (const QString &id : {QStringLiteral("key_doesnotexist"), idOf(keyOf(foreign))}) {
            const HttpReply r =
                call(m_gateway, m_owner, method, QStringLiteral("/v1/keys/") + id + suffix, body);
            QCOMPARE(r.status, 404);
            QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
            QCOMPARE(r.body,
                     call(m_gateway, m_owner, method, QStringLiteral("/v1/keys/key_x") + suffix, body).body);
        }
        // An id outside [A-Za-z0-9_-] does not match the route at all.
        QCOMPARE(call(m_gateway, m_owner, method, QStringLiteral("/v1/keys/key.x") + suffix, body).status,
                 404);
        QCOMPARE(checkSecret(foreign.json().value(QStringLiteral("secret")).toString().toLatin1())
                     .value(QStringLiteral("reason"))
                     .toString(),
                 QStringLiteral("unknown"));
    }

    void check_namesEachReasonAndNeverEchoesTheSecret() {
        const HttpReply created =
            createKey(m_gateway, m_owner, QStringLiteral("Checked"), QStringLiteral("partner"));
        const QByteArray secret = created.json().value(QStringLiteral("secret")).toString().toLatin1();
        keep(secret);
        QByteArray badChecksum = secret;
        badChecksum[badChecksum.size() - 1] = badChecksum.at(badChecksum.size() - 1) == 'a' ? 'b' : 'a';
        const HttpReply foreign =
            createKey(m_gateway, m_other, QStringLiteral("Foreign"), QStringLiteral("partner"));
        const QByteArray foreignSecret = foreign.json().value(QStringLiteral("secret")).toString().toLatin1();
        keep(foreignSecret);

        const struct {
            QByteArray secret;
            const char *reason;
            bool withKey;
        } cases[] = {
            {secret, "ok", true},
            {QByteArray("hello"), "malformed", false},
            {secret.left(43), "malformed", false},
            {QByteArray(secret).replace(0, 3, "kx_"), "malformed", false},
            {badChecksum, "bad_checksum", false},
            {keyformat::generate(KeyType::Partner), "unknown", false},
            {foreignSecret, "unknown", false},
        };
        for (const auto &c : cases) {
            const HttpReply r = call(m_gateway, m_owner, "POST", QStringLiteral("/v1/keys/check"),
                                     {{QStringLiteral("secret"), QString::fromLatin1(c.secret)}});
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json().value(QStringLiteral("reason")).toString(), QLatin1String(c.reason));
            QCOMPARE(r.json().value(QStringLiteral("valid")).toBool(), qstrcmp(c.reason, "ok") == 0);
            QCOMPARE(r.json().value(QStringLiteral("key")).isObject(), c.withKey);
            QVERIFY(r.json().contains(QStringLiteral("key")));
            if (c.secret.size() > 4)
                QVERIFY2(!r.body.contains(c.secret), r.body.constData());
        }
        HttpReply r = call(m_gateway, m_owner, "POST", QStringLiteral("/v1/keys/check"),
                           {{QStringLiteral("secret"), 5}});
        QCOMPARE(r.status, 422);
        QCOMPARE(fieldOf(r), QStringLiteral("secret"));
        r = call(m_gateway, m_owner, "POST", QStringLiteral("/v1/keys/check"), {});
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_field"));
    }

    void checks_runInApiMdOrder() {
        const QByteArray member = m_gateway.signIn(QStringLiteral("member@demo.test"));
        QVERIFY(!member.isEmpty());
        const auto send = [this](const QByteArray &token, const QByteArray &method, const QString &path,
                                 const QByteArray &body) {
            return m_gateway.request(method, path, body, GatewayProcess::bearer(token));
        };
        // Permission (403) before body syntax (400) and object lookup (404).
        QCOMPARE(send(member, "POST", QStringLiteral("/v1/keys"), "{broken").status, 403);
        QCOMPARE(send(member, "PATCH", QStringLiteral("/v1/keys/key_nope"), "{broken").status, 403);
        // Body syntax (400) before lookup (404); lookup before field validation (422).
        QCOMPARE(send(m_owner, "PATCH", QStringLiteral("/v1/keys/key_nope"), "{broken").status, 400);
        QCOMPARE(send(m_owner, "PATCH", QStringLiteral("/v1/keys/key_nope"), R"({"name":""})").status, 404);
        QCOMPARE(send(m_owner, "POST", QStringLiteral("/v1/keys/key_nope/rotate"), R"({"grace_seconds":-1})")
                     .status,
                 404);
        // Routing: a known route with another method is 405, an unknown one 404.
        const HttpReply wrongMethod = send(m_owner, "PUT", QStringLiteral("/v1/keys"), "{}");
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.errorCode(), QStringLiteral("method_not_allowed"));
        QCOMPARE(send(m_owner, "GET", QStringLiteral("/v1/nothing-here"), {}).errorCode(),
                 QStringLiteral("not_found"));
        // The credential comes before all of it.
        QCOMPARE(send("not-a-token", "PUT", QStringLiteral("/v1/keys"), "{broken").status, 401);
    }

    // Runs last: every secret handed out above must be absent from every byte the
    // gateway wrote, the write-ahead log included (on PostgreSQL: every row), and from its
    // log output.
    void zz_dataFolder_holdsNoSecret() {
        QVERIFY(m_secrets.size() >= 10);
        QStringList files;
        QDirIterator it(m_gateway.dataDirectory(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
        QByteArray everything;
        if (m_gateway.database().isEmpty())
            QVERIFY2(std::any_of(files.cbegin(), files.cend(),
                                 [](const QString &f) { return f.endsWith(QLatin1String("-wal")); }),
                     qPrintable(files.join(QLatin1Char(' '))));
        else
            everything += postgresRows(m_gateway.database()); // the data is there, not in the folder
        for (const QString &path : std::as_const(files)) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            everything += f.readAll();
        }
        everything += m_gateway.standardError();
        QVERIFY(everything.contains("Maya Lindqvist")); // the files were really read
        for (const QByteArray &secret : std::as_const(m_secrets)) {
            QVERIFY2(!everything.contains(secret), "a secret was written in clear");
            QVERIFY2(!everything.contains(secret.mid(6, 32)), "the random part of a secret was written");
        }
        QVERIFY(!everything.contains(m_owner));
        QVERIFY(!everything.contains("knotie-demo"));
    }

private:
    void keep(const QByteArray &secret) {
        QVERIFY(!secret.isEmpty());
        m_secrets.append(secret);
    }

    QJsonObject checkSecret(const QByteArray &secret) const {
        return call(m_gateway, m_owner, "POST", QStringLiteral("/v1/keys/check"),
                    {{QStringLiteral("secret"), QString::fromLatin1(secret)}})
            .json();
    }

    GatewayProcess m_gateway;
    QByteArray m_owner;
    QByteArray m_other;
    QList<QByteArray> m_secrets;
};

QTEST_GUILESS_MAIN(TestGatewayKeys)
#include "tst_gatewaykeys.moc"
