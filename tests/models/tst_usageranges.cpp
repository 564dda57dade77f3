#include "models/analytics/usageheadline.h"
#include "models/analytics/usagestats.h"

#include <QTest>

using namespace knotie;

namespace {
// 2026-12-04 14:20:34 UTC: inside an hour and a day, as `now` always is.
constexpr UnixTime now = 1796342400 + 14 * 3600 + 20 * 60 + 34;
constexpr UnixTime hourEnd = now - now % 3600 + 3600;

// Hourly rows as the gateway gives them: `perHour` requests in each hour of [from, to).
QList<UsageBucket> hours(UnixTime from, UnixTime to, qint64 perHour = 10) {
    QList<UsageBucket> out;
    for (UnixTime t = from; t < to; t += 3600)
        out.append({t, perHour, perHour - 1, 1, 0, 100});
    return out;
}
} // namespace

// The one definition of "last N days" and its totals, over known usage rows.
class TestUsageRanges : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lastDays_endsWithTheCurrentHour_hoursUpToAWeek_daysBeyond() {
        for (int days : {1, 7, 30, 90}) {
            const UsageRange range = lastDays(now, days);
            QCOMPARE(range.to, hourEnd);
            QCOMPARE(range.to - range.from, qint64(days) * 86400);
            QCOMPARE(range.bucket, days <= 7 ? BucketSize::Hour : BucketSize::Day);
            // The gateway's day buckets start at UTC midnight, the range does not: fetched in hours.
            QCOMPARE(range.fetchBucket(), BucketSize::Hour);
            QCOMPARE(range.previous(), (UsageRange{range.from - days * 86400, range.from, range.bucket}));
        }
        QCOMPARE(lastDays(now, 7).bucketCount(), 168);
        // 30 × 24 hours starting 15:00 touch 31 UTC days: the first and the last in part.
        QCOMPARE(lastDays(now, 30).bucketCount(), 31);
    }

    void rangeCovering_wholeDaysStayDays_shortRangesHours() {
        const UnixTime midnight = now - now % 86400;
        QCOMPARE(rangeCovering(midnight - 13 * 86400, midnight + 86400),
                 (UsageRange{midnight - 13 * 86400, midnight + 86400, BucketSize::Day}));
        QCOMPARE(rangeCovering(midnight - 13 * 86400, midnight + 86400).fetchBucket(), BucketSize::Day);
        // A day is hours, whatever shows it.
        QCOMPARE(rangeCovering(midnight + 10, midnight + 86400 - 10),
                 (UsageRange{midnight, midnight + 86400, BucketSize::Hour}));
    }

    void totals_areTheHoursOfTheRange_inHourOrDayBuckets() {
        for (int days : {7, 30, 90}) {
            const UsageRange range = lastDays(now, days);
            // Rows from well before to the end: only the range's N×24 hours count.
            const QList<UsageBucket> rows = hours(range.from - 5 * 86400, range.to);
            const QList<UsageBucket> shown = shownBuckets(range, rows);
            QCOMPARE(shown.size(), range.bucketCount());
            QCOMPARE(totalsOf(shown).requests, qint64(days) * 24 * 10);
            QCOMPARE(totalsOf(shown).clientErrors, qint64(days) * 24);
            if (range.bucket == BucketSize::Day) {
                // UTC days: the first starts at the midnight before the range, the rest a day apart.
                QCOMPARE(shown.first().start, range.from - range.from % 86400);
                for (qsizetype i = 1; i < shown.size(); ++i)
                    QCOMPARE(shown.at(i).start - shown.at(i - 1).start, 86400);
                // 15:00 to midnight, then whole days, then today up to 15:00.
                QCOMPARE(shown.first().requests, 9 * 10);
                QCOMPARE(shown.at(1).requests, 24 * 10);
                QCOMPARE(shown.last().requests, 15 * 10);
            }
        }
    }

    void partialBuckets_theCurrentOneAndADayTheRangeStartsWithin() {
        const UsageRange week = lastDays(now, 7);
        const QList<UsageBucket> hourly = shownBuckets(week, hours(week.from, week.to));
        QVERIFY(!isPartialBucket(week, hourly.first().start, now));
        QVERIFY(!isPartialBucket(week, hourly.at(hourly.size() - 2).start, now));
        QVERIFY(isPartialBucket(week, hourly.last().start, now)); // 14:00, still counting at 14:20
        const UsageRange month = lastDays(now, 30);
        const QList<UsageBucket> daily = shownBuckets(month, hours(month.from, month.to));
        QVERIFY(isPartialBucket(month, daily.first().start, now));
        QVERIFY(!isPartialBucket(month, daily.at(1).start, now));
        QVERIFY(isPartialBucket(month, daily.last().start, now));
        // A past custom range of whole days has none.
        const UsageRange past = rangeCovering(now - now % 86400 - 20 * 86400, now - now % 86400 - 5 * 86400);
        QVERIFY(!isPartialBucket(past, past.from, now));
        QVERIFY(!isPartialBucket(past, past.to - 86400, now));
    }

    void comparison_withoutDataBefore_saysSoInsteadOfAPercentage() {
        const UsageRange quarter = lastDays(now, 90);
        const QList<UsageBucket> current = shownBuckets(quarter, hours(quarter.from, quarter.to));
        // Nothing at all before.
        UsageComparison c = compareWithPrevious(quarter, current, {}, 0);
        QVERIFY(!c.comparable);
        QCOMPARE(UsageHeadline::requestsChange(quarter, c),
                 QStringLiteral("no data for the previous 90 days"));
        QVERIFY(!UsageHeadline::totals(quarter, c).contains(QStringLiteral("▲")));
        // A few hours before, from keys created just before the range: no comparison either.
        const QList<UsageBucket> tail =
            shownBuckets(quarter.previous(), hours(quarter.from - 3 * 3600, quarter.from));
        c = compareWithPrevious(quarter, current, tail, quarter.from - 3 * 3600);
        QVERIFY(!c.comparable);
        QVERIFY(UsageHeadline::requestsChange(quarter, c).startsWith(QStringLiteral("no comparison: ")));
        QVERIFY(!UsageHeadline::totals(quarter, c).contains(QStringLiteral("▲")));
        // Recorded through the range before: a change in percent.
        const QList<UsageBucket> before =
            shownBuckets(quarter.previous(), hours(quarter.previous().from, quarter.from, 8));
        c = compareWithPrevious(quarter, current, before, quarter.previous().from - 86400);
        QVERIFY(c.comparable);
        QCOMPARE(UsageHeadline::requestsChange(quarter, c),
                 QStringLiteral("▲ 25.0% vs the previous 90 days: 17,280"));
        QCOMPARE(UsageHeadline::previousRange(lastDays(now, 1)), QStringLiteral("the previous 24 hours"));
    }

    void rotation_saysWhichKeysTheFiguresInclude() {
        QCOMPARE(UsageHeadline::rotationNote({}, {}), QString());
        QCOMPARE(UsageHeadline::rotationNote({QStringLiteral("Old (kn_pk_…ab12)")}, {}),
                 QStringLiteral("Including the keys it replaced: Old (kn_pk_…ab12)."));
    }

    void endpointsOfARotation_addUp() {
        const QList<EndpointUsage> a{{QStringLiteral("GET"), QStringLiteral("/a"), 3, 1},
                                     {QStringLiteral("POST"), QStringLiteral("/b"), 1, 0}};
        const QList<EndpointUsage> b{{QStringLiteral("POST"), QStringLiteral("/b"), 5, 2}};
        const QList<EndpointUsage> sum = addEndpoints({a, b});
        QCOMPARE(sum.size(), 2);
        QCOMPARE(sum.at(0).route, QStringLiteral("/b"));
        QCOMPARE(sum.at(0).requests, 6);
        QCOMPARE(sum.at(0).errors, 2);
        QCOMPARE(sum.at(1).requests, 3);
    }

    void sparkline_sumsHoursIntoDays() {
        QList<qint64> week(168, 1);
        week[167] = 5;
        QCOMPARE(sumsPer(week, 24), (QList<qint64>{24, 24, 24, 24, 24, 24, 28}));
    }
};

QTEST_GUILESS_MAIN(TestUsageRanges)
#include "tst_usageranges.moc"
