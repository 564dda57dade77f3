#include "models/analytics/usagereport.h"
#include "models/analytics/usageservice.h"
#include "models/network/keyjobs.h"
#include "models/sync/syncworker.h"
#include "tests/models/jobrunner.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/testdatabase.h"
#include "tests/support/testkeys.h"

#include <QDateTime>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace knotie;
using namespace knotie::test;

namespace {
using Headers = QList<QPair<QByteArray, QByteArray>>;
Headers as(const TestKey &key) {
    return {{"X-API-Key", key.secret}};
}
} // namespace

// The usage report on usage this test made itself against a real gateway: every count
// below is the number of calls made here.
class TestUsageReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
        const QByteArray token = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!token.isEmpty());
        m_connection = GatewayConnection(&m_network, m_gateway.baseUrl(), token);

        const QString db = gatewayDatabase(m_gateway);
        m_reads = insertTestKey(db, TestKeySpec(KeyType::Partner));
        m_mixed = insertTestKey(db, TestKeySpec(KeyType::Partner));
        TestKeySpec customer(KeyType::Customer);
        customer.forCustomer(QStringLiteral("cus_brightside")).expiresAt =
            QDateTime::currentSecsSinceEpoch() + 86400;
        m_customer = insertTestKey(db, customer);
        m_busyReads = insertTestKey(db, TestKeySpec(KeyType::Partner));
        QVERIFY(!m_reads.id.isEmpty() && !m_mixed.id.isEmpty() && !m_customer.id.isEmpty());
        QVERIFY(!m_busyReads.id.isEmpty());

        for (int i = 0; i < 4; ++i)
            QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), as(m_reads)).status, 200);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/customers/cus_brightside"), as(m_mixed)).status,
                     200);
        const HttpReply refused =
            m_gateway.postJson(QStringLiteral("/api/v1/credits/grants"),
                               {{QStringLiteral("customer_id"), QStringLiteral("cus_brightside")},
                                {QStringLiteral("amount"), 0}},
                               as(m_mixed));
        QVERIFY2(refused.status >= 400 && refused.status < 500, refused.body.constData());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/customers/cus_brightside"), as(m_customer)).status,
                     200);
        for (int i = 0; i < 6; ++i)
            QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/customers/cus_northwind"), as(m_customer)).status,
                     404);

        // Enough reads for the only-GETs advice (hygiene::onlyReadsMinCalls), once the key is old enough.
        for (int i = 0; i < hygiene::onlyReadsMinCalls; ++i)
            QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), as(m_busyReads)).status, 200);

        m_range = lastDays(QDateTime::currentSecsSinceEpoch(), 1);
        // The gateway records calls within 2 seconds (API.md): wait until all 16 show.
        QVERIFY(QTest::qWaitFor(
            [&] { return requestsOf(m_reads) + requestsOf(m_mixed) + requestsOf(m_customer) == 16; }, 10000));
        QVERIFY(
            QTest::qWaitFor([&] { return requestsOf(m_busyReads) == hygiene::onlyReadsMinCalls; }, 10000));

        QVERIFY(m_cacheDir.isValid());
        m_worker.openCache(m_cacheDir.filePath(QStringLiteral("cache.sqlite")));
        m_worker.setConnection(m_connection);
        ListKeysJob list(m_connection, {});
        QVERIFY(runJob(list).ok());
        for (const ApiKey &k : list.page().keys)
            if (k.id == m_reads.id || k.id == m_mixed.id || k.id == m_customer.id || k.id == m_busyReads.id)
                m_keys.append(k);
        QCOMPARE(m_keys.size(), 4);
    }

    void load_keyCountsMatchTheCallsMade() {
        UsageReport report(&m_usage);
        report.setConnection(m_connection);
        QSignalSpy series(&report, &UsageReport::seriesLoaded);
        QSignalSpy details(&report, &UsageReport::detailsLoaded);
        report.load(UsageFilter::forKey(m_mixed.id), m_range, m_keys);
        QVERIFY(loaded(report));
        QVERIFY(!series.isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return !report.isDetailsLoading(); }, 10000));
        QVERIFY(!details.isEmpty());
        QCOMPARE(report.detailsKeptFrom(), 0);
        QVERIFY(!report.fromCache());
        QCOMPARE(report.buckets().size(), 24);
        QCOMPARE(totalsOf(report.buckets()), (UsageTotals{3, 2, 1, 0}));
        QCOMPARE(totalsOf(report.previousBuckets()), UsageTotals{});
        QVERIFY(report.rotationParts().isEmpty());

        QCOMPARE(report.endpoints().size(), 2);
        QCOMPARE(report.endpoints().at(0).method, QStringLiteral("GET"));
        QCOMPARE(report.endpoints().at(0).route, QStringLiteral("/api/v1/customers/{id}"));
        QCOMPARE(report.endpoints().at(0).requests, 2);
        QCOMPARE(report.endpoints().at(1).method, QStringLiteral("POST"));
        QCOMPARE(report.endpoints().at(1).errors, 1);
    }

    void load_topKeysAndCustomerRollupCountExactly() {
        UsageReport report(&m_usage);
        report.setConnection(m_connection);
        QSignalSpy details(&report, &UsageReport::detailsLoaded);
        report.load(UsageFilter::forCustomer(QStringLiteral("cus_brightside")), m_range, m_keys);
        QVERIFY(QTest::qWaitFor([&] { return !report.isDetailsLoading(); }, 10000));
        QVERIFY(!details.isEmpty());

        // The account's other keys have demo traffic: look at this test's keys only.
        QList<KeyUsage> mine;
        for (const KeyUsage &k : report.keyUsage())
            if (k.keyId == m_reads.id || k.keyId == m_mixed.id || k.keyId == m_customer.id)
                mine.append(k);
        const QList<KeyUsage> byRequests = topKeysByRequests(mine, 2);
        QCOMPARE(byRequests.size(), 2);
        QCOMPARE(byRequests.at(0).keyId, m_customer.id);
        QCOMPARE(byRequests.at(0).requests, 9);
        QCOMPARE(byRequests.at(1).keyId, m_reads.id);
        QCOMPARE(byRequests.at(1).requests, 4);
        const QList<KeyUsage> byErrors = topKeysByErrors(mine, 5);
        QCOMPARE(byErrors.size(), 2); // the read-only traffic had none
        QCOMPARE(byErrors.at(0).errors, 6);
        QCOMPARE(byErrors.at(1).keyId, m_mixed.id);

        QCOMPARE(report.customers().size(), 1);
        QCOMPARE(report.customers().at(0).customerId, QStringLiteral("cus_brightside"));
        QCOMPARE(report.customers().at(0).keys, 1);
        QCOMPARE(report.customers().at(0).requests, 9);
        QCOMPARE(report.customers().at(0).errors, 6);
    }

    void attention_followsTheUsageMade() {
        UsageReport report(&m_usage);
        report.setConnection(m_connection);
        QSignalSpy loaded(&report, &UsageReport::attentionLoaded);
        const UnixTime now = QDateTime::currentSecsSinceEpoch();
        const auto check = [&](UnixTime at) {
            report.loadAttention(m_keys, at);
            return QTest::qWaitFor([&] { return !report.isAttentionLoading(); }, 10000);
        };
        const auto entry = [&](const TestKey &key) {
            for (const KeyAttention &a : report.attention())
                if (a.keyId == key.id)
                    return a;
            return KeyAttention{};
        };
        QVERIFY(check(now));
        QVERIFY(!loaded.isEmpty());
        // One entry per key, with all its reasons.
        QSet<QString> listed;
        for (const KeyAttention &a : report.attention()) {
            QVERIFY2(!listed.contains(a.keyId), qPrintable(a.keyId));
            listed.insert(a.keyId);
        }
        // Keys minutes old: their reads say nothing yet, however many.
        QVERIFY(!entry(m_reads).has(AttentionReason::OnlyReads));
        QVERIFY(!entry(m_busyReads).has(AttentionReason::OnlyReads));
        // 6 errors of 9 in the last day, none the week before.
        QVERIFY(entry(m_customer).has(AttentionReason::ErrorJump));
        QVERIFY(!entry(m_mixed).has(AttentionReason::ErrorJump)); // 1 error: too few
        QVERIFY(entry(m_reads).has(AttentionReason::NoExpiry));
        QVERIFY(!entry(m_customer).has(AttentionReason::NoExpiry));
        for (const KeyAttention &a : report.attention())
            QVERIFY(!a.has(AttentionReason::Old) && !a.has(AttentionReason::Unused));

        // A week on: the key that made enough calls, all reads, could be a Read-Only key; the
        // one with 4 calls has not shown enough, the one that wrote never qualifies.
        QVERIFY(check(now + hygiene::onlyReadsMinAgeSeconds + 3600));
        QVERIFY(entry(m_busyReads).has(AttentionReason::OnlyReads));
        QCOMPARE(entry(m_busyReads).reasons,
                 (QList<AttentionReason>{AttentionReason::OnlyReads, AttentionReason::NoExpiry}));
        QVERIFY(!entry(m_reads).has(AttentionReason::OnlyReads));
        QVERIFY(!entry(m_mixed).has(AttentionReason::OnlyReads));

        // 91 days on, nothing was used since: old and unused, and the last day is quiet.
        QVERIFY(check(now + 91 * 86400));
        for (const TestKey &k : {m_reads, m_mixed, m_customer}) {
            QVERIFY(entry(k).has(AttentionReason::Old));
            QVERIFY(entry(k).has(AttentionReason::Unused));
            QVERIFY(!entry(k).has(AttentionReason::ErrorJump));
        }
    }

    void load_rotatedKeyContinuesInItsSuccessor() {
        RotateKeyJob rotate(m_connection, m_mixed.id, 3600);
        QVERIFY(runJob(rotate).ok());
        const ApiKey successor = rotate.created().key;
        QVERIFY(rotate.created().previous);
        const TestKey next{successor.id, rotate.created().secret};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), as(next)).status, 200);
        QVERIFY(QTest::qWaitFor([&] { return requestsOf(next) == 5; }, 10000));

        QList<ApiKey> keys = m_keys;
        keys.removeIf([&](const ApiKey &k) { return k.id == m_mixed.id; });
        keys << *rotate.created().previous << successor;
        UsageReport report(&m_usage);
        QSignalSpy series(&report, &UsageReport::seriesLoaded);
        // Asked for the old key, the chart covers both, side by side.
        report.load(UsageFilter::forKey(m_mixed.id), m_range, keys);
        QVERIFY(loaded(report));
        QCOMPARE(totalsOf(report.buckets()).requests, 8);
        QCOMPARE(report.rotationParts().size(), 2);
        QCOMPARE(report.rotationParts().at(0).first, m_mixed.id);
        QCOMPARE(totalsOf(report.rotationParts().at(0).second).requests, 3);
        QCOMPARE(report.rotationParts().at(1).first, successor.id);
        QCOMPARE(totalsOf(report.rotationParts().at(1).second).requests, 5);
        // The endpoint table counts the same keys as the chart and its totals.
        QVERIFY(QTest::qWaitFor([&] { return !report.isDetailsLoading(); }, 10000));
        qint64 endpointRequests = 0;
        for (const EndpointUsage &e : report.endpoints())
            endpointRequests += e.requests;
        QCOMPARE(endpointRequests, 8);
        QCOMPARE(report.successorKeys(), QStringList{successor.id});
        QVERIFY(report.replacedKeys().isEmpty());
        // Asked for the successor: the key it replaced is in its figures, and named.
        report.load(UsageFilter::forKey(successor.id), m_range, keys);
        QVERIFY(loaded(report));
        QVERIFY(QTest::qWaitFor([&] { return !report.isDetailsLoading(); }, 10000));
        QCOMPARE(totalsOf(report.buckets()).requests, 8);
        endpointRequests = 0;
        for (const EndpointUsage &e : report.endpoints())
            endpointRequests += e.requests;
        QCOMPARE(endpointRequests, 8);
        QCOMPARE(report.replacedKeys(), QStringList{m_mixed.id});
    }

    void load_longRangeComparesWithTheRangeBefore() {
        // 500 days and the 500 before: three calls of at most 400 days, every bucket there.
        UsageReport report(&m_usage);
        const UsageRange range = wholeDaysToToday(500);
        QCOMPARE(range.bucket, BucketSize::Day);
        report.load(UsageFilter::forKey(m_reads.id), range, m_keys);
        QVERIFY(loaded(report));
        QVERIFY(!report.fromCache());
        QCOMPARE(report.buckets().size(), 500);
        QCOMPARE(report.previousBuckets().size(), 500);
        QCOMPARE(report.previousBuckets().first().start, range.previous().from);
        QCOMPARE(totalsOf(report.buckets()).requests, 4);
        QCOMPARE(totalsOf(report.previousBuckets()).requests, 0);
    }

    void load_finalBucketsComeFromTheCache_theRestFromTheGateway() {
        UsageReport report(&m_usage);
        const UsageRange range = wholeDaysToToday(30);
        QCOMPARE(range.fetchBucket(), BucketSize::Day);
        const QString scope = UsageFilter::forKey(m_reads.id).scope();
        report.load(UsageFilter::forKey(m_reads.id), range, m_keys);
        QVERIFY(loaded(report));
        QCOMPARE(totalsOf(report.buckets()).requests, 4);

        // Mark what the cache holds: a final bucket is never asked for again, so the mark
        // shows; today's bucket is not final, so the gateway's figure replaces the mark.
        const UnixTime old = range.from + 3 * 86400;
        const UnixTime today = range.to - 86400;
        QList<UnixTime> settled;
        m_worker.cache()->loadUsage(scope, BucketSize::Day, range.previous().from, range.to, &settled);
        QVERIFY(settled.contains(old));
        QVERIFY(!settled.contains(today));
        QVERIFY(m_worker.cache()->write([&](QSqlDatabase &db) {
            QSqlQuery q(db);
            return q.exec(QStringLiteral("UPDATE usage_buckets SET requests = 1000 WHERE scope = '%1'"
                                         " AND bucket = 'day' AND start IN (%2, %3)")
                              .arg(scope)
                              .arg(old)
                              .arg(today));
        }));
        QSignalSpy cached(&m_worker, &SyncWorker::usageCached);
        QSignalSpy series(&report, &UsageReport::seriesLoaded);
        report.load(UsageFilter::forKey(m_reads.id), range, m_keys);
        QVERIFY(loaded(report));
        // The cached buckets showed first, the marks in them, then the refreshed range.
        QCOMPARE(cached.size(), 1);
        QCOMPARE(series.size(), 2);
        QVERIFY(!report.fromCache());
        QCOMPARE(report.buckets().size(), 30);
        QCOMPARE(report.buckets().at(3).requests, 1000);
        QVERIFY(report.buckets().last().requests < 1000);
        QCOMPARE(totalsOf(report.buckets()).requests, 1004);
        QVERIFY(m_worker.cache()->write([&](QSqlDatabase &db) {
            QSqlQuery q(db);
            return q.exec(QStringLiteral("UPDATE usage_buckets SET requests = 0 WHERE start = %1").arg(old));
        }));
    }

    void usageToFetch_asksOnlyForWhatIsNotFinal() {
        const UsageRange days{0, 10 * 86400, BucketSize::Day};
        QCOMPARE(usageToFetch(days, {}), QList<UsageRange>{days});
        QCOMPARE(usageToFetch(days, {0, 86400, 2 * 86400, 5 * 86400}),
                 (QList<UsageRange>{{3 * 86400, 5 * 86400, BucketSize::Day},
                                    {6 * 86400, 10 * 86400, BucketSize::Day}}));
        QList<UnixTime> all;
        for (UnixTime t = 0; t < days.to; t += 86400)
            all.append(t);
        QVERIFY(usageToFetch(days, all).isEmpty());
        // Every other bucket missing: one call across them rather than five.
        QCOMPARE(usageToFetch(days, {0, 2 * 86400, 4 * 86400, 6 * 86400, 8 * 86400}, 4),
                 (QList<UsageRange>{{86400, 10 * 86400, BucketSize::Day}}));
        // Longer than the gateway answers: cut at 400 days.
        const UsageRange long_{0, 900 * 86400, BucketSize::Day};
        QCOMPARE(usageToFetch(long_, {}),
                 (QList<UsageRange>{
                     {0, keylimits::maxUsageRangeSeconds, BucketSize::Day},
                     {keylimits::maxUsageRangeSeconds, 2 * keylimits::maxUsageRangeSeconds, BucketSize::Day},
                     {2 * keylimits::maxUsageRangeSeconds, 900 * 86400, BucketSize::Day}}));
    }

    void load_offlineShowsTheCachedBucketsTablesAndAttention() {
        UsageReport report(&m_usage);
        report.load(UsageFilter::forKey(m_reads.id), m_range, m_keys);
        QVERIFY(loaded(report));
        QVERIFY(QTest::qWaitFor([&] { return !report.isDetailsLoading(); }, 10000));
        const QList<UsageBucket> online = report.buckets();
        QCOMPARE(totalsOf(online).requests, 4);
        const QList<EndpointUsage> endpoints = report.endpoints();
        QCOMPARE(endpoints.size(), 1);
        const QList<KeyUsage> keys = report.keyUsage();
        QVERIFY(!keys.isEmpty());
        const UnixTime now = QDateTime::currentSecsSinceEpoch();
        report.loadAttention(m_keys, now);
        QVERIFY(QTest::qWaitFor([&] { return !report.isAttentionLoading(); }, 10000));
        const QList<KeyAttention> attention = report.attention();
        QVERIFY(std::any_of(attention.cbegin(), attention.cend(), [&](const KeyAttention &a) {
            return a.keyId == m_customer.id && a.has(AttentionReason::ErrorJump);
        }));
        QCOMPARE(report.attentionKeptFrom(), 0);

        m_gateway.stop();
        QSignalSpy failed(&report, &UsageReport::failed);
        report.load(UsageFilter::forKey(m_reads.id), m_range, m_keys);
        QVERIFY(QTest::qWaitFor([&] { return !report.isLoading() && !report.isDetailsLoading(); }, 30000));
        QVERIFY(report.fromCache());
        QCOMPARE(report.buckets(), online);
        // The tables are the last answers, and say from when.
        QVERIFY(report.detailsKeptFrom() >= now - 60 && report.detailsKeptFrom() <= now + 60);
        QCOMPARE(report.endpoints().size(), 1);
        QCOMPARE(report.endpoints().first().requests, endpoints.first().requests);
        QCOMPARE(report.keyUsage().size(), keys.size());
        QCOMPARE(failed.size(), 1);

        report.loadAttention(m_keys, now);
        QVERIFY(QTest::qWaitFor([&] { return !report.isAttentionLoading(); }, 30000));
        QCOMPARE(report.attention(), attention);
        QVERIFY(report.attentionKeptFrom() != 0);
    }

    void csv_hasOneRowPerBucket() {
        const QList<UsageBucket> buckets{{3600, 5, 3, 1, 1, 120}, {7200, 0, 0, 0, 0, std::nullopt}};
        QCOMPARE(usageCsv(buckets), QByteArray("start,requests,ok,client_errors,server_errors,p95_ms\r\n"
                                               "1970-01-01T01:00:00Z,5,3,1,1,120\r\n"
                                               "1970-01-01T02:00:00Z,0,0,0,0,\r\n"));
    }

private:
    // The UTC days up to today's, as the custom range's date pickers give them.
    static UsageRange wholeDaysToToday(int days) {
        const UnixTime now = QDateTime::currentSecsSinceEpoch();
        const UnixTime end = now - now % 86400 + 86400;
        return rangeCovering(end - days * 86400, end);
    }

    // Until the gateway has answered (or failed) for every bucket.
    static bool loaded(const UsageReport &report) {
        return QTest::qWaitFor([&] { return !report.isLoading(); }, 30000);
    }

    qint64 requestsOf(const TestKey &key) const {
        const HttpReply r = m_gateway.get(
            QStringLiteral("/v1/usage?from=%1&to=%2&key_id=%3")
                    .arg(QDateTime::fromSecsSinceEpoch(m_range.from, Qt::UTC).toString(Qt::ISODate),
                         QDateTime::fromSecsSinceEpoch(m_range.to, Qt::UTC).toString(Qt::ISODate), key.id) +
                QStringLiteral("&bucket=hour"),
            GatewayProcess::bearer(m_connection.sessionToken));
        qint64 total = 0;
        const QJsonArray series = r.json().value(QLatin1String("series")).toArray();
        for (const QJsonValue &v : series)
            total += v.toObject().value(QLatin1String("requests")).toInteger();
        return total;
    }

    GatewayProcess m_gateway;
    QNetworkAccessManager m_network;
    GatewayConnection m_connection;
    QTemporaryDir m_cacheDir;
    SyncWorker m_worker;
    UsageService m_usage{&m_worker};
    TestKey m_reads, m_mixed, m_customer, m_busyReads;
    QList<ApiKey> m_keys;
    UsageRange m_range;
};

QTEST_MAIN(TestUsageReport)
#include "tst_usagereport.moc"
