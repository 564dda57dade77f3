#include "tests/gateway/portalcalls.h"
#include "tests/support/gatewayprocess.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

using namespace knotie::test;
using namespace knotie::test::portal;

// Incremental sync of GET /v1/keys and GET /v1/audit: a cursor marks a position in the
// partner's changes, and a change made after an answer is in the next one, once.
class TestGatewaySync : public QObject {
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

    void keys_incrementalSyncReturnsOnlyWhatChanged() {
        const QString a = idOf(keyOf(createKey(m_gateway, m_owner, QStringLiteral("Sync A"))));
        const QString b = idOf(keyOf(createKey(m_gateway, m_owner, QStringLiteral("Sync B"))));
        Page page = keys();
        QVERIFY(page.ids.contains(a) && page.ids.contains(b));
        QVERIFY(!page.hasMore);

        // Nothing changed: nothing comes back, and the cursor still works.
        Page next = keys(page.cursor);
        QCOMPARE(next.ids, QStringList());
        QVERIFY(!next.hasMore);

        QCOMPARE(call(m_gateway, m_owner, "PATCH", QStringLiteral("/v1/keys/") + b,
                      {{QStringLiteral("name"), QStringLiteral("Sync B renamed")}})
                     .status,
                 200);
        const QString c = idOf(keyOf(createKey(m_gateway, m_owner, QStringLiteral("Sync C"))));
        QCOMPARE(call(m_gateway, m_owner, "DELETE", QStringLiteral("/v1/keys/") + a).status, 200);
        next = keys(next.cursor);
        QCOMPARE(next.ids, (QStringList{b, c, a})); // oldest change first
        QCOMPARE(next.items.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Sync B renamed"));
        QCOMPARE(next.items.at(2).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("revoked"));

        // A revoke that changes nothing is no change.
        QCOMPARE(call(m_gateway, m_owner, "DELETE", QStringLiteral("/v1/keys/") + a).status, 200);
        QCOMPARE(keys(next.cursor).ids, QStringList());
        // An unchanged rename neither.
        QCOMPARE(call(m_gateway, m_owner, "PATCH", QStringLiteral("/v1/keys/") + c,
                      {{QStringLiteral("name"), QStringLiteral("Sync C")}})
                     .status,
                 200);
        QCOMPARE(keys(next.cursor).ids, QStringList());
    }

    void keys_pagingWithLimitVisitsEveryKeyOnceInChangeOrder() {
        const Page start = keys();
        QStringList created;
        for (int i = 0; i < 5; ++i)
            created.append(idOf(keyOf(createKey(m_gateway, m_owner, QStringLiteral("Paged %1").arg(i)))));
        QStringList seen;
        QString cursor = start.cursor;
        int pages = 0;
        for (;;) {
            const Page page = keys(cursor, 2);
            QVERIFY(page.ids.size() <= 2);
            seen += page.ids;
            cursor = page.cursor;
            ++pages;
            if (!page.hasMore)
                break;
            QVERIFY(pages < 10);
        }
        QCOMPARE(seen, created);
        QCOMPARE(pages, 3);
        // Another partner's keys never show.
        const QString foreign = idOf(keyOf(createKey(m_gateway, m_other, QStringLiteral("Other's key"))));
        QVERIFY(!foreign.isEmpty());
        QVERIFY(!keys().ids.contains(foreign));
        QVERIFY(!keys(cursor).ids.contains(foreign));
    }

    void keys_expiryByTimeShowsInTheNextSyncOnce() {
        const QDateTime now = gatewayNow(m_gateway);
        const QString expiring = idOf(keyOf(
            createKey(m_gateway, m_owner, QStringLiteral("Expires by itself"), QStringLiteral("read_only"),
                      {{QStringLiteral("expires_at"), now.addSecs(120).toString(Qt::ISODate)}})));
        const HttpReply created = createKey(m_gateway, m_owner, QStringLiteral("Rotated with grace"));
        const QString rotated = idOf(keyOf(created));
        const HttpReply r =
            call(m_gateway, m_owner, "POST", QStringLiteral("/v1/keys/%1/rotate").arg(rotated),
                 {{QStringLiteral("grace_seconds"), 300}});
        QCOMPARE(r.status, 201);
        const QString successor = idOf(keyOf(r));

        Page page = keys();
        page = keys(page.cursor);
        QCOMPARE(page.ids, QStringList());

        QVERIFY(m_gateway.advanceClock(121));
        page = keys(page.cursor);
        QCOMPARE(page.ids, QStringList{expiring});
        QCOMPARE(page.items.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("expired"));
        page = keys(page.cursor);
        QCOMPARE(page.ids, QStringList()); // shown once, not again and again

        QVERIFY(m_gateway.advanceClock(200));
        page = keys(page.cursor);
        QCOMPARE(page.ids, QStringList{rotated}); // expiring -> expired; its successor did not change
        QCOMPARE(page.items.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("expired"));
        QVERIFY(!page.ids.contains(successor));
        QCOMPARE(keys(page.cursor).ids, QStringList());

        // A full sync shows the same statuses.
        const Page all = keys();
        for (const QJsonValue &v : all.items) {
            const QJsonObject key = v.toObject();
            if (idOf(key) == expiring || idOf(key) == rotated)
                QCOMPARE(key.value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
        }
    }

    void keys_expiryDuringPagingIsNotMissed() {
        const Page start = keys();
        const QDateTime now = gatewayNow(m_gateway);
        const QString early = idOf(keyOf(
            createKey(m_gateway, m_owner, QStringLiteral("Expires mid-sync"), QStringLiteral("read_only"),
                      {{QStringLiteral("expires_at"), now.addSecs(60).toString(Qt::ISODate)}})));
        for (int i = 0; i < 3; ++i)
            createKey(m_gateway, m_owner, QStringLiteral("Filler %1").arg(i));
        Page page = keys(start.cursor, 2);
        QCOMPARE(page.ids.first(), early);
        QCOMPARE(page.items.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("active"));
        QVERIFY(m_gateway.advanceClock(61));
        QStringList rest;
        while (page.hasMore) {
            page = keys(page.cursor, 2);
            rest += page.ids;
        }
        QCOMPARE(rest.count(early), 1);
        QCOMPARE(rest.last(), early);
    }

    void keys_badCursorOrLimitAnswers422_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("garbage cursor")
            << QStringLiteral("since=hello") << QStringLiteral("invalid_cursor") << QStringLiteral("since");
        QTest::newRow("empty cursor")
            << QStringLiteral("since=") << QStringLiteral("invalid_cursor") << QStringLiteral("since");
        QTest::newRow("cursor far ahead") << QStringLiteral("since=kzzzzzz_AAAAAAAAAA")
                                          << QStringLiteral("invalid_cursor") << QStringLiteral("since");
        QTest::newRow("limit 0") << QStringLiteral("limit=0") << QStringLiteral("invalid_limit")
                                 << QStringLiteral("limit");
        QTest::newRow("limit 1001") << QStringLiteral("limit=1001") << QStringLiteral("invalid_limit")
                                    << QStringLiteral("limit");
        QTest::newRow("limit words") << QStringLiteral("limit=ten") << QStringLiteral("invalid_limit")
                                     << QStringLiteral("limit");
    }
    void keys_badCursorOrLimitAnswers422() {
        QFETCH(QString, query);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const HttpReply r = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/keys?") + query);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), code);
        QCOMPARE(fieldOf(r), field);
    }

    void cursor_isOpaqueAndBoundToItsPartnerAndList() {
        const Page mine = keys();
        static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9_-]+$"));
        QVERIFY(shape.match(mine.cursor).hasMatch());
        // A cursor altered by one character is refused, not trusted.
        QString altered = mine.cursor;
        altered[altered.size() - 1] =
            altered.at(altered.size() - 1) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QCOMPARE(call(m_gateway, m_owner, "GET", QStringLiteral("/v1/keys?since=") + altered).errorCode(),
                 QStringLiteral("invalid_cursor"));
        // Another partner's cursor, or the audit log's, is not a keys cursor of this partner.
        const QString foreign = call(m_gateway, m_other, "GET", QStringLiteral("/v1/keys"))
                                    .json()
                                    .value(QStringLiteral("cursor"))
                                    .toString();
        QCOMPARE(call(m_gateway, m_owner, "GET", QStringLiteral("/v1/keys?since=") + foreign).errorCode(),
                 QStringLiteral("invalid_cursor"));
        const QString audit = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit"))
                                  .json()
                                  .value(QStringLiteral("cursor"))
                                  .toString();
        QVERIFY(shape.match(audit).hasMatch());
        QCOMPARE(call(m_gateway, m_owner, "GET", QStringLiteral("/v1/keys?since=") + audit).errorCode(),
                 QStringLiteral("invalid_cursor"));
        QCOMPARE(
            call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?since=") + mine.cursor).errorCode(),
            QStringLiteral("invalid_cursor"));
    }

    void cursor_fromAnotherDatabaseIsRefused() {
        GatewayProcess fresh;
        QVERIFY(fresh.start());
        const QByteArray token = fresh.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!token.isEmpty());
        // Same partner id, same position numbers: only the database differs.
        const QString cursor = keys().cursor;
        const HttpReply r = call(fresh, token, "GET", QStringLiteral("/v1/keys?since=") + cursor);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_cursor"));
    }

    void audit_pagesLikeKeysAndFilters() {
        const HttpReply created = createKey(m_gateway, m_owner, QStringLiteral("Audited"));
        const QByteArray secret = created.json().value(QStringLiteral("secret")).toString().toLatin1();
        const QString id = idOf(keyOf(created));
        const QString start = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?key_id=") + id)
                                  .json()
                                  .value(QStringLiteral("cursor"))
                                  .toString();
        QCOMPARE(call(m_gateway, m_owner, "PATCH", QStringLiteral("/v1/keys/") + id,
                      {{QStringLiteral("description"), QStringLiteral("now described")}})
                     .status,
                 200);
        const HttpReply rotated =
            call(m_gateway, m_owner, "POST", QStringLiteral("/v1/keys/%1/rotate").arg(id),
                 {{QStringLiteral("grace_seconds"), 60}});
        QCOMPARE(rotated.status, 201);
        const QByteArray newSecret = rotated.json().value(QStringLiteral("secret")).toString().toLatin1();
        QCOMPARE(call(m_gateway, m_owner, "DELETE", QStringLiteral("/v1/keys/") + id).status, 200);

        // Everything about this key, oldest first.
        HttpReply r = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?key_id=") + id);
        QCOMPARE(r.status, 200);
        QStringList actions;
        const QJsonArray events = r.json().value(QStringLiteral("events")).toArray();
        for (const QJsonValue &v : events) {
            const QJsonObject e = v.toObject();
            actions.append(e.value(QStringLiteral("action")).toString());
            QCOMPARE(e.value(QStringLiteral("key_id")).toString(), id);
            QCOMPARE(e.value(QStringLiteral("actor")).toObject().value(QStringLiteral("id")).toString(),
                     QStringLiteral("usr_maya"));
            QCOMPARE(e.value(QStringLiteral("actor")).toObject().value(QStringLiteral("name")).toString(),
                     QStringLiteral("Maya Lindqvist"));
            QVERIFY(!e.value(QStringLiteral("at")).toString().isEmpty());
            QVERIFY(!e.value(QStringLiteral("id")).toString().isEmpty());
        }
        QCOMPARE(actions, (QStringList{QStringLiteral("key.created"), QStringLiteral("key.renamed"),
                                       QStringLiteral("key.rotated"), QStringLiteral("key.revoked")}));
        QCOMPARE(events.at(2)
                     .toObject()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("replaced_by"))
                     .toString(),
                 idOf(keyOf(rotated)));
        QVERIFY(!r.body.contains(secret));
        QVERIFY(!r.body.contains(newSecret));

        // From the earlier cursor: the three later events, then paged one at a time.
        r = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?key_id=%1&since=%2").arg(id, start));
        QCOMPARE(r.json().value(QStringLiteral("events")).toArray().size(), 3);
        QString cursor = start;
        QStringList paged;
        for (int i = 0; i < 10; ++i) {
            r = call(m_gateway, m_owner, "GET",
                     QStringLiteral("/v1/audit?key_id=%1&since=%2&limit=1").arg(id, cursor));
            QCOMPARE(r.status, 200);
            for (const QJsonValue &v : r.json().value(QStringLiteral("events")).toArray())
                paged.append(v.toObject().value(QStringLiteral("action")).toString());
            cursor = r.json().value(QStringLiteral("cursor")).toString();
            if (!r.json().value(QStringLiteral("has_more")).toBool())
                break;
        }
        QCOMPARE(paged, actions.mid(1));

        // actor_id: only that person's events; a filter naming nothing finds nothing.
        r = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?actor_id=usr_maya&limit=1000"));
        for (const QJsonValue &v : r.json().value(QStringLiteral("events")).toArray())
            QCOMPARE(
                v.toObject().value(QStringLiteral("actor")).toObject().value(QStringLiteral("id")).toString(),
                QStringLiteral("usr_maya"));
        QVERIFY(!r.json().value(QStringLiteral("events")).toArray().isEmpty());
        r = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?actor_id=usr_sam"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QStringLiteral("events")).toArray().isEmpty()); // another partner's person
        r = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/audit?key_id=not%20an%20id"));
        QCOMPARE(r.status, 422);
        QCOMPARE(fieldOf(r), QStringLiteral("key_id"));
    }

private:
    struct Page {
        QJsonArray items;
        QStringList ids;
        QString cursor;
        bool hasMore = false;
    };

    Page keys(const QString &since = {}, int limit = 0) const {
        QUrlQuery query;
        if (!since.isEmpty())
            query.addQueryItem(QStringLiteral("since"), since);
        if (limit > 0)
            query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        const HttpReply r = call(m_gateway, m_owner, "GET", QStringLiteral("/v1/keys?") + query.toString());
        Page page;
        if (r.status != 200) {
            qWarning("GET /v1/keys answered %d %s", r.status, r.body.constData());
            return page;
        }
        page.items = r.json().value(QStringLiteral("keys")).toArray();
        page.ids = idsIn(page.items);
        page.cursor = r.json().value(QStringLiteral("cursor")).toString();
        page.hasMore = r.json().value(QStringLiteral("has_more")).toBool();
        return page;
    }

    GatewayProcess m_gateway;
    QByteArray m_owner;
    QByteArray m_other;
};

QTEST_GUILESS_MAIN(TestGatewaySync)
#include "tst_gatewaysync.moc"
