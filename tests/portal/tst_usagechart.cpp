#include "ui/analytics/usagechartview.h"
#include "ui/style/palette.h"
#include "ui/widgets/timeaxis.h"

#include <QAreaSeries>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTest>

using namespace knotie;

namespace {
// 2026-12-01 00:00 UTC.
constexpr UnixTime december1 = 1796083200;

QList<UsageBucket> days(int n) {
    QList<UsageBucket> out;
    for (int i = 0; i < n; ++i)
        out.append({december1 + i * 86400, 100 + i, 90 + i, 10, 0, 120});
    return out;
}
} // namespace

// The usage chart alone, in the time zone ctest gives it (registered under several: TZ).
class TestUsageChart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        qInfo() << "TZ" << qgetenv("TZ") << QDateTime::currentDateTime().timeZoneAbbreviation();
    }

    // Day buckets are UTC days: their labels carry the UTC date west and east of Greenwich.
    void dayLabels_areTheUtcDates() {
        UsageChartView chart;
        chart.resize(900, 400);
        chart.setData(days(7), 86400);
        auto *view = chart.findChild<QChartView *>(QStringLiteral("usageChart"));
        auto *axis = qobject_cast<QDateTimeAxis *>(view->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(axis);
        QCOMPARE(axis->min().toString(axis->format()),
                 QDate(2026, 12, 1).toString(axis->format())); // "1 Dec", not "30 Nov"
        const auto *ok = qobject_cast<QAreaSeries *>(view->chart()->series().at(0));
        QCOMPARE(ok->upperSeries()->at(0).x(), qreal(axis->min().toMSecsSinceEpoch()));
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(qint64(ok->upperSeries()->at(2).x())).date(),
                 QDate(2026, 12, 3));
        // The pointer over a day finds that day, and names it by its UTC date.
        QCOMPARE(chart.bucketAt(qint64(chartTime(december1 + 2 * 86400 + 3600, 86400))), 2);
        QVERIFY(chart.describeBucket(2).startsWith(bucketTimeText(december1 + 2 * 86400, 86400)));
        QCOMPARE(fromChartTime(chartTime(december1 + 86400, 86400), 86400), december1 + 86400);
    }

    // The bands are painted by the view, not by Qt Charts: each shows in its colour, in
    // pieces when there are many points and whole when there are few, and a band hidden
    // from the legend leaves the card showing through.
    void bands_arePaintedInTheirColours_andHideFromTheLegend() {
        for (const int count : {7, 2000}) {
            UsageChartView chart;
            chart.resize(700, 400);
            chart.show();
            QList<UsageBucket> buckets;
            for (int i = 0; i < count; ++i) // 60 OK, 30 client errors, 10 server errors
                buckets.append({december1 + i * 3600, 100, 60, 30, 10, 120});
            chart.setData(buckets, 3600);
            auto *view = chart.findChild<QChartView *>(QStringLiteral("usageChart"));
            QTRY_VERIFY(view->chart()->plotArea().width() > 0);
            const auto colourAt = [&](qreal share) {
                // Off the grid lines, at `share` of the way up to 100 requests.
                QChart *c = view->chart();
                const auto *axis = qobject_cast<QDateTimeAxis *>(c->axes(Qt::Horizontal).value(0));
                const qint64 from = axis->min().toMSecsSinceEpoch();
                const qreal x = from + 0.37 * qreal(axis->max().toMSecsSinceEpoch() - from);
                const QPointF at = c->mapToPosition(QPointF(x, 100 * share), c->series().at(0));
                return view->grab().toImage().pixelColor(view->mapFromScene(c->mapToScene(at)));
            };
            QCOMPARE(colourAt(0.43), themeColor(ColorRole::ChartOk));
            QCOMPARE(colourAt(0.83), themeColor(ColorRole::ChartClientErrors));
            QCOMPARE(colourAt(0.97), themeColor(ColorRole::ChartServerErrors));
            const QList<QLegendMarker *> markers =
                view->chart()->legend()->markers(view->chart()->series().at(1));
            QCOMPARE(markers.constFirst()->brush().color(), themeColor(ColorRole::ChartClientErrors));
            markers.constFirst()->clicked();
            const QColor uncovered = colourAt(0.83);
            QVERIFY2(uncovered != themeColor(ColorRole::ChartClientErrors) &&
                         uncovered != themeColor(ColorRole::ChartOk) &&
                         uncovered != themeColor(ColorRole::ChartServerErrors),
                     qPrintable(uncovered.name()));
            QCOMPARE(colourAt(0.43), themeColor(ColorRole::ChartOk));
        }
    }

    // 90 days by hour in a chart some 600 pixels wide: fewer points are drawn than there
    // are buckets, but every band still reaches its highest bucket, the p95 line its
    // slowest and fastest, and the bands end at the last bucket.
    void manyBuckets_drawFewerPointsButKeepEveryPeak() {
        UsageChartView chart;
        chart.resize(700, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QList<UsageBucket> hours;
        for (int i = 0; i < 2160; ++i) {
            const qint64 ok = 100 + (i * 7919) % 301; // scattered, one peak of 400 somewhere
            hours.append({december1 + i * 3600, ok + 5, ok, 4, 1, 50 + (i * 104729) % 97});
        }
        chart.setData(hours, 3600);
        auto *view = chart.findChild<QChartView *>(QStringLiteral("usageChart"));
        const auto highest = [](const QXYSeries *series) {
            qreal top = 0;
            for (const QPointF &p : series->points())
                top = std::max(top, p.y());
            return top;
        };
        const auto series = view->chart()->series();
        const auto *ok = qobject_cast<QAreaSeries *>(series.at(0));
        const auto *server = qobject_cast<QAreaSeries *>(series.at(2));
        const auto *p95 = qobject_cast<QLineSeries *>(series.at(3));
        qInfo() << "points drawn per band:" << ok->upperSeries()->count() << "for" << hours.size()
                << "buckets";
        QVERIFY(ok->upperSeries()->count() < hours.size() / 2);
        QCOMPARE(highest(ok->upperSeries()), 400.0);
        QCOMPARE(highest(server->upperSeries()), 405.0);
        QCOMPARE(highest(p95), 146.0);
        qreal fastest = 1000;
        for (const QPointF &p : p95->points())
            fastest = std::min(fastest, p.y());
        QCOMPARE(fastest, 50.0);
        QCOMPARE(ok->upperSeries()->points().last().x(), chartTime(hours.last().start, 3600));
        // Wider, the chart draws more of them.
        const qsizetype narrow = ok->upperSeries()->count();
        chart.resize(1400, 400);
        QTRY_VERIFY(ok->upperSeries()->count() > narrow);
        QCOMPARE(highest(ok->upperSeries()), 400.0);
        // The first band lies on zero; each other on the one below, point for point.
        QVERIFY(!ok->lowerSeries());
        QCOMPARE(server->lowerSeries(), qobject_cast<QAreaSeries *>(series.at(1))->upperSeries());
    }

    // A key's line hidden from the legend stays hidden when a resize draws the chart again.
    void hiddenLine_staysHiddenWhenRedrawn() {
        UsageChartView chart;
        chart.resize(700, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QList<UsageBucket> hours;
        for (int i = 0; i < 2160; ++i)
            hours.append({december1 + i * 3600, 10, 10, 0, 0, 50});
        chart.setData(hours, 3600, {{QStringLiteral("Old key"), hours}});
        auto *view = chart.findChild<QChartView *>(QStringLiteral("usageChart"));
        const auto lineNamed = [view] {
            for (QAbstractSeries *series : view->chart()->series())
                if (series->name() == QStringLiteral("Old key"))
                    return series;
            return static_cast<QAbstractSeries *>(nullptr);
        };
        QVERIFY(lineNamed());
        Q_EMIT view->chart()->legend()->markers(lineNamed()).constFirst()->clicked();
        QVERIFY(!lineNamed()->isVisible());
        const QAbstractSeries *before = lineNamed();
        chart.resize(1400, 400);
        QTRY_VERIFY(lineNamed() != before); // drawn again
        QVERIFY(!lineNamed()->isVisible());
    }

    // The current day so far is no drop: dashed apart from the whole days, and says so.
    void partialBucket_isMarkedNotDrawnAsACollapse() {
        UsageChartView chart;
        chart.resize(900, 400);
        QList<UsageBucket> buckets = days(7);
        buckets.last().requests = 3; // 01:00 of today
        buckets.last().ok = 3;
        buckets.last().clientErrors = 0;
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setData(buckets, 86400, {}, {false, true});
        auto *view = chart.findChild<QChartView *>(QStringLiteral("usageChart"));
        const auto *ok = qobject_cast<QAreaSeries *>(view->chart()->series().at(0));
        QCOMPARE(ok->upperSeries()->count(), 6); // whole days only
        bool offered = false;
        for (QLegendMarker *m : view->chart()->legend()->markers())
            offered = offered || (m->label() == QStringLiteral("Partial (so far)") && m->isVisible());
        QVERIFY(offered);
        QLineSeries *partial = nullptr;
        for (QAbstractSeries *series : view->chart()->series())
            if (auto *line = qobject_cast<QLineSeries *>(series);
                line && line->name() == QStringLiteral("Partial (so far)") && line->count() > 0)
                partial = line;
        QVERIFY(partial);
        QCOMPARE(partial->pen().style(), Qt::DashLine);
        QCOMPARE(partial->count(), 2);
        QCOMPARE(partial->at(1).y(), 3.0);
        QVERIFY(chart.describeBucket(6).endsWith(QStringLiteral("(partial: so far)")));
        QVERIFY(!chart.describeBucket(5).contains(QStringLiteral("partial")));
        // Without a partial bucket the legend does not offer one.
        chart.setData(days(7), 86400);
        for (QLegendMarker *m : view->chart()->legend()->markers())
            if (m->label() == QStringLiteral("Partial (so far)"))
                QVERIFY(!m->isVisible());
    }
};

QTEST_MAIN(TestUsageChart)
#include "tst_usagechart.moc"
