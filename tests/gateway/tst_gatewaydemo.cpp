#include "tests/gateway/portalcalls.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/testdatabase.h"
#include "tests/support/testkeys.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace knotie::test;
using namespace knotie::test::portal;

namespace {
constexpr qint64 hour = 3600;
constexpr qint64 day = 86400;

qint64 secondsOf(const QJsonValue &rfc3339) {
    return rfc3339.isString() ? QDateTime::fromString(rfc3339.toString(), Qt::ISODate).toSecsSinceEpoch() : 0;
}

QString text(const QJsonObject &o, const char *a, const char *b = nullptr) {
    const QJsonValue v = o.value(QLatin1String(a));
    return (b ? v.toObject().value(QLatin1String(b)) : v).toString();
}

// The start of each key's last hour with recorded traffic, read from the gateway's rollups.
QHash<QString, qint64> lastTrafficHours(const GatewayProcess &gateway) {
    QHash<QString, qint64> hours;
    TestDatabaseConnection database(gatewayDatabase(gateway));
    QSqlQuery q(database.db());
    if (q.exec(
            QStringLiteral("SELECT key_id, MAX(hour) FROM usage_hours WHERE requests > 0 GROUP BY key_id")))
        while (q.next())
            hours.insert(q.value(0).toString(), q.value(1).toLongLong());
    return hours;
}
} // namespace

// What `knotie-gateway --demo` seeds looks like a partner's real history: each key's
// last use agrees with its usage, and the audit log tells each key's life in order.
class TestGatewayDemo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        m_other = m_gateway.signIn(QStringLiteral("other@demo.test"));
        QVERIFY(!m_owner.isEmpty() && !m_other.isEmpty());
        for (const QByteArray &token : {m_owner, m_other}) {
            const HttpReply r = call(m_gateway, token, "GET", QStringLiteral("/v1/keys"));
            QCOMPARE(r.status, 200);
            for (const QJsonValue &v : r.json().value(QStringLiteral("keys")).toArray())
                m_keys.append(v.toObject());
        }
        QVERIFY(m_keys.size() > 20);
    }

    void lastUsed_fallsInEachKeysLastHourOfTraffic() {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QHash<QString, qint64> lastHours = lastTrafficHours(m_gateway);
        int usedToday = 0;
        int usedBefore = 0;
        int neverUsed = 0;
        int activeUnusedFor90Days = 0;
        for (const QJsonObject &key : std::as_const(m_keys)) {
            const QString id = text(key, "id");
            const qint64 lastUsed = secondsOf(key.value(QStringLiteral("last_used_at")));
            const qint64 created = secondsOf(key.value(QStringLiteral("created_at")));
            if (!lastHours.contains(id)) {
                QVERIFY2(lastUsed == 0, qPrintable(id)); // no traffic, no last use
                ++neverUsed;
            } else {
                const qint64 lastHour = lastHours.value(id);
                QVERIFY2(lastUsed >= lastHour && lastUsed < lastHour + hour, qPrintable(id));
                QVERIFY2(lastUsed >= created && lastUsed <= now, qPrintable(id));
                // A revoked or expired key was last used while it still worked.
                const qint64 revoked = secondsOf(key.value(QStringLiteral("revoked_at")));
                const qint64 expires = secondsOf(key.value(QStringLiteral("expires_at")));
                QVERIFY2(revoked == 0 || lastUsed < revoked, qPrintable(id));
                QVERIFY2(expires == 0 || expires > now || lastUsed < expires, qPrintable(id));
                (lastUsed > now - day ? usedToday : usedBefore) += 1;
            }
            const qint64 since = lastUsed ? lastUsed : created;
            if (text(key, "status") == QLatin1String("active") && since < now - 90 * day)
                ++activeUnusedFor90Days;
        }
        QVERIFY(usedToday >= 5);
        QVERIFY(usedBefore >= 5);
        QVERIFY(neverUsed >= 1);
        QVERIFY(activeUnusedFor90Days >= 1);
    }

    void audit_tellsEachKeysLifeInTimeOrder() {
        const HttpReply r = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?limit=1000"));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json().value(QStringLiteral("has_more")).toBool());
        QList<QJsonObject> events;
        for (const QJsonValue &v : r.json().value(QStringLiteral("events")).toArray())
            events.append(v.toObject());
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        qint64 previous = 0;
        for (const QJsonObject &e : std::as_const(events)) {
            const qint64 at = secondsOf(e.value(QStringLiteral("at")));
            QVERIFY2(at >= previous && at <= now, qPrintable(text(e, "id")));
            previous = at;
        }

        // Where in the log an event is, and the first one that matches.
        const auto find = [&](const QString &action, const QString &keyId, const QString &detail = {},
                              const QString &value = {}) {
            for (qsizetype i = 0; i < events.size(); ++i) {
                const QJsonObject &e = events.at(i);
                if (text(e, "action") == action && text(e, "key_id") == keyId &&
                    (detail.isEmpty() ||
                     e.value(QStringLiteral("details")).toObject().value(detail).toString() == value))
                    return i;
            }
            return qsizetype(-1);
        };
        for (const QJsonObject &key : std::as_const(m_keys)) {
            const QString id = text(key, "id");
            if (text(key, "customer_id") == QLatin1String("cus_lakeside"))
                continue; // Other Agency's, checked below
            const QString replaces = text(key, "replaces");
            // A key is made by its creator, at its creation; a successor by the rotation.
            const qsizetype made = replaces.isEmpty() ? find(QStringLiteral("key.created"), id)
                                                      : find(QStringLiteral("key.rotated"), replaces,
                                                             QStringLiteral("replaced_by"), id);
            QVERIFY2(made >= 0, qPrintable(id));
            QCOMPARE(secondsOf(events.at(made).value(QStringLiteral("at"))),
                     secondsOf(key.value(QStringLiteral("created_at"))));
            QCOMPARE(text(events.at(made), "actor", "id"), text(key, "created_by", "id"));
            for (qsizetype i = 0; i < made; ++i)
                QVERIFY2(text(events.at(i), "key_id") != id, qPrintable(id)); // nothing before its making

            if (!key.value(QStringLiteral("revoked_at")).isNull()) {
                const qsizetype revoked = find(QStringLiteral("key.revoked"), id);
                QVERIFY2(revoked > made, qPrintable(id));
                QCOMPARE(secondsOf(events.at(revoked).value(QStringLiteral("at"))),
                         secondsOf(key.value(QStringLiteral("revoked_at"))));
                QCOMPARE(text(events.at(revoked), "actor", "id"), text(key, "revoked_by", "id"));
                for (qsizetype i = revoked + 1; i < events.size(); ++i)
                    QVERIFY2(text(events.at(i), "key_id") != id, qPrintable(id)); // nothing after
            }
        }

        // Renames, the member's grants, and nobody acting without having signed in.
        int renames = 0;
        int grantChanges = 0;
        QHash<QString, qint64> sessionEnds;
        for (const QJsonObject &e : std::as_const(events)) {
            const QString action = text(e, "action");
            const QString actor = text(e, "actor", "id");
            const qint64 at = secondsOf(e.value(QStringLiteral("at")));
            if (action == QLatin1String("session.created")) {
                const bool remembered =
                    e.value(QStringLiteral("details")).toObject().value(QStringLiteral("remember")).toBool();
                sessionEnds.insert(actor, at + (remembered ? 30 * day : 12 * hour));
                continue;
            }
            QVERIFY2(at < sessionEnds.value(actor), qPrintable(text(e, "id")));
            renames += action == QLatin1String("key.renamed");
            if (action == QLatin1String("team.permissions_changed")) {
                ++grantChanges;
                const QJsonObject details = e.value(QStringLiteral("details")).toObject();
                QCOMPARE(details.value(QStringLiteral("user_id")).toString(), QStringLiteral("usr_priya"));
                QCOMPARE(details.value(QStringLiteral("after")).toArray(),
                         (QJsonArray{QStringLiteral("analytics.view"), QStringLiteral("customers.view")}));
            }
        }
        QVERIFY(renames >= 2);
        QCOMPARE(grantChanges, 1);
        QVERIFY(sessionEnds.contains(QStringLiteral("usr_priya")));
        QVERIFY(!r.body.contains("kn_"));
        QVERIFY(!r.body.contains("knotie-demo"));

        // The other partner's log has its own key's creation, and nothing of the first.
        const HttpReply other = call(m_gateway, m_other, "GET", QStringLiteral("/v1/audit"));
        QCOMPARE(other.status, 200);
        QStringList otherActions;
        for (const QJsonValue &v : other.json().value(QStringLiteral("events")).toArray()) {
            QCOMPARE(text(v.toObject(), "actor", "id"), QStringLiteral("usr_sam"));
            otherActions.append(text(v.toObject(), "action") + QLatin1Char(' ') +
                                text(v.toObject(), "key_id"));
        }
        QVERIFY(otherActions.contains(QStringLiteral("key.created key_lakeside")));
    }

private:
    GatewayProcess m_gateway;
    QByteArray m_owner;
    QByteArray m_other;
    QList<QJsonObject> m_keys;
};

QTEST_GUILESS_MAIN(TestGatewayDemo)
#include "tst_gatewaydemo.moc"
