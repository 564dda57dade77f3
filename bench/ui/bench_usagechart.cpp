// Switching the Analytics chart to 90 days by hour for the whole account (2,160 buckets
// × 3 stacked series plus p95), from the cache to a painted chart, beside painting an
// empty chart of the same size in the same run.
#include "bench/models/benchprint.h"
#include "models/analytics/usagestats.h"
#include "models/cache/cache.h"
#include "ui/analytics/usagechartview.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QPixmap>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace knotie;

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    Cache cache(dir.filePath(QStringLiteral("usage.sqlite")));
    if (cache.open().status != Cache::OpenStatus::Ok)
        return 1;

    const UsageRange range = UsageRange{1764000000 - 90 * 86400, 1764000000, BucketSize::Hour};
    if (range.bucketCount() != 2160 || range.bucket != BucketSize::Hour)
        return 1;
    // The range and the one before it, as the page fetches them: one call, one stretch.
    UsageSeries stored{BucketSize::Hour, {}};
    for (UnixTime t = range.previous().from; t < range.to; t += 3600) {
        const qint64 hourOfDay = (t / 3600) % 24;
        const qint64 requests = 200 + 150 * (hourOfDay > 7 && hourOfDay < 19) + (t / 3600) % 37;
        stored.buckets.append({t, requests, requests - requests / 20 - requests / 90, requests / 20,
                               requests / 90, int(80 + (t / 3600) % 53)});
    }
    if (!cache.storeUsage(QStringLiteral("all"), stored, 1764000000))
        return 1;

    UsageChartView view;
    view.resize(1200, 480);
    view.show();
    QList<double> painted, floors;
    for (int run = 0; run < 9; ++run) {
        QElapsedTimer t;
        // Floor: the same view emptied and painted.
        view.setData({}, 3600);
        t.start();
        view.setData({}, 3600);
        const QPixmap empty = view.grab();
        floors.append(double(t.nsecsElapsed()) / 1e6);

        t.restart();
        const UsageSeries cached =
            cache.loadUsage(QStringLiteral("all"), range.bucket, range.previous().from, range.to);
        const QList<UsageBucket> shown = shownBuckets(range, cached.buckets);
        const double a = double(t.nsecsElapsed()) / 1e6;
        view.setData(shown, bucketSeconds(range.bucket));
        const double b = double(t.nsecsElapsed()) / 1e6;
        const QPixmap full = view.grab();
        // BENCH_PARTS=1: where the time goes, and the last chart painted, to look at.
        if (qEnvironmentVariableIsSet("BENCH_PARTS")) {
            std::printf("load %.1f ms, set %.1f ms, paint %.1f ms\n", a, b - a,
                        double(t.nsecsElapsed()) / 1e6 - b);
            full.save(QDir::temp().filePath(QStringLiteral("bench_usagechart.png")));
        }
        painted.append(double(t.nsecsElapsed()) / 1e6);
        if (shown.size() != 2160 || empty.isNull() || full.isNull())
            return 1;
    }
    bench::printBench("usage_chart_90d_hourly", bench::median(painted), "ms", bench::median(floors),
                      "target<=25");
    return 0;
}
