// The API Keys page with 100,000 keys in the cache, beside a bare Qt window with an
// empty table (the floor): each measured from the start of its own process to the end of
// the first frame that shows its table (the page's with rows), medians of interleaved runs;
// then typing into the search box with all rows loaded; peak memory of both processes.
//
//   bench_keytable            prepares the cache and runs everything
//   bench_keytable floor [type] (child) a bare window with an empty QTableView
//   bench_keytable page DIR [type] (child) the page over the cache in DIR
#include "bench/models/benchprint.h"
#include "models/cache/cache.h"
#include "models/items/keyfilterproxy.h"
#include "models/items/keytablemodel.h"
#include "models/sync/synccontroller.h"
#include "models/workspace/workspace.h"
#include "tests/support/synthetickeys.h"
#include "ui/pages/apikeyspage.h"
#include "ui/style/fontloading.h"
#include "ui/widgets/secretclipboard.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QVBoxLayout>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>

using namespace knotie;

namespace {
constexpr int keyCount = 100000;

QElapsedTimer &processClock() {
    static QElapsedTimer clock;
    return clock;
}

// Peak resident memory of this process, in MiB.
double peakMemoryMiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

// Watches a table's viewport for its first paint event in which isPopulated holds.
class FramePaintedFilter : public QObject {
public:
    FramePaintedFilter(std::function<bool()> isPopulated, std::function<void()> framePainted)
        : m_isPopulated(std::move(isPopulated))
        , m_framePainted(std::move(framePainted)) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Paint && !m_seen && m_isPopulated()) {
            m_seen = true;
            QMetaObject::invokeMethod(this, m_framePainted, Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<bool()> m_isPopulated;
    std::function<void()> m_framePainted;
    bool m_seen = false;
};

qint64 steadyNanoseconds() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// A figure for the parent: the time since main() began, and the moment on the machine's
// steady clock, which the parent shares, so that it can time from before the process
// started without counting how long it takes itself to wake up and read the line.
void report(const char *name) {
    std::printf("%s %.3f ms %lld\n", name, double(processClock().nsecsElapsed()) / 1e6,
                static_cast<long long>(steadyNanoseconds()));
    std::fflush(stdout);
}

// Runs the event loop, as the portal does, until a frame has been painted in which the
// table's rows satisfied isPopulated: the paint event marks it, and a call queued behind
// it runs once the whole window's frame is painted and flushed.
bool waitForFramePainted(QTableView *table, const std::function<bool()> &isPopulated) {
    if (!table)
        return false;
    QEventLoop loop;
    FramePaintedFilter filter(isPopulated, [&] { loop.exit(0); });
    table->viewport()->installEventFilter(&filter);
    QTimer::singleShot(60000, &loop, [&] { loop.exit(1); });
    return loop.exec() == 0;
}

// One character at a time, as typed: "integration 4217" narrows step by step, then back;
// three times. Prints the median and the slowest keystroke.
void typeIntoAndTime(QLineEdit *field) {
    field->setFocus();
    QList<double> keystrokes;
    const auto timed = [&](auto key) {
        QElapsedTimer t;
        t.start();
        QTest::keyClick(field, key);
        keystrokes.append(double(t.nsecsElapsed()) / 1e6);
        if (qEnvironmentVariableIsSet("BENCH_VERBOSE"))
            std::fprintf(stderr, "keystroke %d: %.2f ms (%s)\n", int(keystrokes.size()), keystrokes.last(),
                         qPrintable(field->text()));
    };
    const QString typed = QStringLiteral("integration 4217");
    for (int round = 0; round < 3; ++round) {
        for (QChar c : typed)
            timed(c.toLatin1());
        for (qsizetype i = 0; i < typed.size(); ++i)
            timed(Qt::Key_Backspace);
    }
    std::sort(keystrokes.begin(), keystrokes.end());
    std::printf("keystroke_median %.3f ms\nkeystroke_max %.3f ms\n", bench::median(keystrokes),
                keystrokes.last());
}

int runFloor(bool typeToo) {
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    QStandardItemModel model(0, KeyTableModel::ColumnCount);
    auto *table = new QTableView(&window);
    table->setModel(&model);
    layout->addWidget(table);
    window.resize(1180, 760);
    window.show();
    if (!waitForFramePainted(table, [] { return true; }))
        return 3;
    report("painted");
    if (typeToo) {
        auto *field = new QLineEdit(&window);
        layout->insertWidget(0, field);
        field->show();
        typeIntoAndTime(field);
    }
    std::printf("peak %.1f MiB\n", peakMemoryMiB());
    return 0;
}

int runPage(const QString &cachePath, bool typeToo) {
    finishLoadingFonts(); // loaded ahead, as the portal's main() does
    QNetworkAccessManager network;
    Workspace workspace(&network, nullptr);
    SecretClipboard clipboard;
    // The portal's own path: the data worker opens the cache on its thread while the
    // window is built, and sends a screenful of keys ahead of the rest. Nothing to sync.
    workspace.sync()->start(cachePath, GatewayConnection{}, SyncParts{});
    ApiKeysPage page(PageContext{&workspace, nullptr, &clipboard});
    page.resize(1180, 760);
    page.show();
    if (!waitForFramePainted(page.findChild<QTableView *>(), [&] { return page.proxy()->rowCount() > 0; }))
        return 3;
    report("painted");
    if (!QTest::qWaitFor([&] { return workspace.keyModel()->rowCount() == keyCount; }, 60000))
        return 5;
    page.repaint();
    report("complete");
    if (typeToo) {
        // The text to search is prepared on a pool thread once the keys are in; a person
        // cannot type within those milliseconds of the table filling, so neither does this.
        QElapsedTimer prepared;
        prepared.start();
        if (!QTest::qWaitFor([&] { return page.proxy()->isSearchReady(); }, 60000))
            return 6;
        std::printf("search_prepared_after_complete %.3f ms\n", double(prepared.nsecsElapsed()) / 1e6);
        typeIntoAndTime(page.findChild<QLineEdit *>(QStringLiteral("keySearch")));
    }
    std::printf("peak %.1f MiB\n", peakMemoryMiB());
    return 0;
}

QList<ApiKey> generatedKeys() {
    return test::syntheticKeys(keyCount, 7);
}

// Runs a child and returns its figures by name; "start_to_painted" is timed from before
// the process starts (loading Qt included) to the moment its "painted" line reports.
QHash<QString, double> child(const QStringList &arguments) {
    QProcess p;
    if (qEnvironmentVariableIsSet("BENCH_VERBOSE"))
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const qint64 started = steadyNanoseconds();
    p.start(QCoreApplication::applicationFilePath(), arguments);
    QHash<QString, double> figures;
    QByteArray pending;
    const auto readLines = [&] {
        pending += p.readAllStandardOutput();
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QList<QByteArray> parts = pending.left(end).split(' ');
            pending.remove(0, end + 1);
            if (parts.size() >= 2)
                figures.insert(QString::fromLatin1(parts[0]), parts[1].toDouble());
            if (parts[0] == "painted" && parts.size() >= 4)
                figures.insert(QStringLiteral("start_to_painted"),
                               double(parts[3].toLongLong() - started) / 1e6);
        }
    };
    while (p.state() != QProcess::NotRunning && p.waitForReadyRead(120000))
        readLines();
    p.waitForFinished(120000);
    readLines();
    if (p.exitCode() != 0 || !figures.contains(QStringLiteral("start_to_painted"))) {
        std::fprintf(stderr, "child %s failed (%d): %s\n", qPrintable(arguments.join(QLatin1Char(' '))),
                     p.exitCode(), p.readAllStandardError().constData());
        std::exit(1);
    }
    return figures;
}
} // namespace

int main(int argc, char **argv) {
    processClock().start();
    // The page loads its fonts ahead as the portal does (app/launcher.cpp); the floor is a bare Qt program.
    const bool page = argc > 1 && std::strcmp(argv[1], "page") == 0;
    if (page)
        startLoadingFonts();
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    if (args.value(1) == QLatin1String("floor"))
        return runFloor(args.value(2) == QLatin1String("type"));
    if (args.value(1) == QLatin1String("page"))
        return runPage(args.value(2), args.value(3) == QLatin1String("type"));

    QTemporaryDir dir;
    const QString cachePath = dir.filePath(QStringLiteral("keys.sqlite"));
    {
        Cache cache(cachePath);
        if (cache.open().status != Cache::OpenStatus::Ok || !cache.storeKeys(generatedKeys()))
            return 1;
    }
    // Warm the file cache and the dynamic loader for both, then interleave.
    child({QStringLiteral("floor")});
    child({QStringLiteral("page"), cachePath});
    QList<double> floors, pages, completes;
    double floorPeak = 0, pagePeak = 0;
    for (int run = 0; run < 11; ++run) {
        const auto f = child({QStringLiteral("floor")});
        const auto p = child({QStringLiteral("page"), cachePath});
        floors.append(f.value(QStringLiteral("start_to_painted")));
        pages.append(p.value(QStringLiteral("start_to_painted")));
        completes.append(p.value(QStringLiteral("complete")));
        floorPeak = qMax(floorPeak, f.value(QStringLiteral("peak")));
        pagePeak = qMax(pagePeak, p.value(QStringLiteral("peak")));
    }
    const auto typed = child({QStringLiteral("page"), cachePath, QStringLiteral("type")});
    const auto typedBare = child({QStringLiteral("floor"), QStringLiteral("type")});
    bench::printBench("keytable_100k_start_to_painted", bench::median(pages), "ms", bench::median(floors),
                      "target<=1.2");
    std::printf(
        "(all %d keys loaded, sorted and painted %.0f ms after start, median; the window stays usable)\n",
        keyCount, bench::median(completes));
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
    std::printf("BENCH keytable_100k_peak_memory %.1f MiB floor=%.1f ratio=%.2f limit<=none\n", pagePeak,
                floorPeak, floorPeak > 0 ? pagePeak / floorPeak : 0.0);
    return 0;
}
