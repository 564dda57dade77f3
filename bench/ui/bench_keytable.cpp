// The API Keys page with 100,000 keys in the cache, beside a bare Qt window with an
// empty table (the floor): each measured from the start of its own process to the end of
// the first frame that shows its table (the page's with rows), medians of interleaved runs;
// then typing into the search box with all rows loaded; peak memory of both processes.
// The children are bench_keytable_child (keytablechildren.cpp), started as the portal starts.
#include "bench/models/benchprint.h"
#include "bench/ui/keytablebench.h"
#include "models/cache/cache.h"
#include "tests/support/synthetickeys.h"

#include <QCoreApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

using namespace knotie;

namespace {
QList<ApiKey> generatedKeys() {
    return test::syntheticKeys(bench::keytableKeyCount, 7);
}

// Runs a child and returns its figures by name. "painted" and "complete" are timed from before
// the process starts (loading Qt included) to the moment on the steady clock the child reports.
QHash<QString, double> child(const QStringList &arguments) {
    QProcess p;
    if (qEnvironmentVariableIsSet("BENCH_VERBOSE"))
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const qint64 started = bench::steadyNanoseconds();
    p.start(QCoreApplication::applicationDirPath() + QStringLiteral("/bench_keytable_child"), arguments);
    QHash<QString, double> figures;
    QByteArray pending;
    const auto readLines = [&] {
        pending += p.readAllStandardOutput();
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QList<QByteArray> parts = pending.left(end).split(' ');
            pending.remove(0, end + 1);
            if (parts.size() < 2)
                continue;
            const bool moment = parts[0] == "painted" || parts[0] == "complete";
            figures.insert(QString::fromLatin1(parts[0]),
                           moment ? double(parts[1].toLongLong() - started) / 1e6 : parts[1].toDouble());
        }
    };
    while (p.state() != QProcess::NotRunning && p.waitForReadyRead(120000))
        readLines();
    p.waitForFinished(120000);
    readLines();
    if (p.exitCode() != 0 || !figures.contains(QStringLiteral("painted"))) {
        std::fprintf(stderr, "child %s failed (%d): %s\n", qPrintable(arguments.join(QLatin1Char(' '))),
                     p.exitCode(), p.readAllStandardError().constData());
        std::exit(1);
    }
    return figures;
}

QHash<QString, double> bareWindow(bool typeToo) {
    QStringList arguments{QStringLiteral("floor")};
    if (typeToo)
        arguments.append(QStringLiteral("type"));
    return child(arguments);
}

QHash<QString, double> page(const QString &cachePath, bool typeToo) {
    QStringList arguments{QStringLiteral("page"), cachePath};
    if (typeToo)
        arguments.append(QStringLiteral("type"));
    return child(arguments);
}
} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);

    QTemporaryDir dir;
    const QString cachePath = dir.filePath(QStringLiteral("keys.sqlite"));
    {
        Cache cache(cachePath);
        if (cache.open().status != Cache::OpenStatus::Ok || !cache.storeKeys(generatedKeys()))
            return 1;
    }
    // Warm the file cache and the dynamic loader for both, then interleave.
    bareWindow(false);
    page(cachePath, false);
    QList<double> floors, pages, completes;
    double floorPeak = 0, pagePeak = 0;
    for (int run = 0; run < 11; ++run) {
        const auto f = bareWindow(false);
        const auto p = page(cachePath, false);
        floors.append(f.value(QStringLiteral("painted")));
        pages.append(p.value(QStringLiteral("painted")));
        completes.append(p.value(QStringLiteral("complete")));
        floorPeak = qMax(floorPeak, f.value(QStringLiteral("peak")));
        pagePeak = qMax(pagePeak, p.value(QStringLiteral("peak")));
    }
    const auto typed = page(cachePath, true);
    const auto typedBare = bareWindow(true);
    bench::printBench("keytable_100k_start_to_painted", bench::median(pages), "ms", bench::median(floors),
                      "target<=1.2");
    std::printf(
        "(all %d keys loaded, sorted and painted %.0f ms after start, median; the window stays usable)\n",
        bench::keytableKeyCount, bench::median(completes));
    // Every keystroke within half a frame at 60 Hz (#18): the slowest one counts. The floor is the
    // same typing into a bare line edit.
    std::printf(
        "BENCH keytable_100k_filter_keystroke_max %.2f ms floor=%.2f ratio=%.2f limit<8ms "
        "(median %.2f ms)\n",
        typed.value(QStringLiteral("keystroke_max")), typedBare.value(QStringLiteral("keystroke_max")),
        typed.value(QStringLiteral("keystroke_max")) / typedBare.value(QStringLiteral("keystroke_max")),
        typed.value(QStringLiteral("keystroke_median")));
    std::printf("(the text to search was prepared %.0f ms after all keys were in, on a pool thread)\n",
                typed.value(QStringLiteral("search_prepared_after_complete")));
    // With the keys and the text to search them by both in (#18's bar: 100 MiB).
    std::printf("BENCH keytable_100k_peak_memory %.1f MiB floor=%.1f ratio=%.2f limit<=100MiB\n", pagePeak,
                floorPeak, floorPeak > 0 ? pagePeak / floorPeak : 0.0);
    return 0;
}
