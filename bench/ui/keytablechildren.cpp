// The children of bench_keytable, in one module that bench_keytable_child (keytablelauncher.cpp)
// loads, so that both start alike, as the portal's second stage is loaded (app/launcher.cpp):
//
//   bench_keytable_child floor [type]       a bare window with an empty QTableView (the floor)
//   bench_keytable_child page CACHE [type]  the API Keys page over the 100,000 keys in CACHE
//
// Each reports "painted" at the end of the first frame that shows its table (the page's with
// rows); the page then waits for its search text; with "type", it types into a search field;
// last, its peak memory.
#include "bench/models/benchprint.h"
#include "bench/ui/keytablebench.h"
#include "models/items/keyfilterproxy.h"
#include "models/items/keytablemodel.h"
#include "models/sync/synccontroller.h"
#include "models/workspace/workspace.h"
#include "ui/pages/apikeyspage.h"
#include "ui/widgets/secretclipboard.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace knotie;

namespace {
// A figure for the parent, at the moment on the steady clock it shares with the parent.
void report(const char *name) {
    std::printf("%s %lld\n", name, bench::steadyNanoseconds());
    std::fflush(stdout);
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

// Runs the event loop, as the portal does, until a frame has been painted in which the
// table's rows satisfied isPopulated: the viewport's paint event marks it, and a call queued
// behind it runs once the whole window's frame is painted and flushed.
bool waitForFramePainted(QTableView *table, const std::function<bool()> &isPopulated) {
    struct PaintWatch : QObject {
        std::function<bool()> isPopulated;
        QEventLoop loop;
        bool seen = false;
        bool eventFilter(QObject *watched, QEvent *event) override {
            if (event->type() == QEvent::Paint && !seen && isPopulated()) {
                seen = true;
                QMetaObject::invokeMethod(
                    this, [this] { loop.exit(0); }, Qt::QueuedConnection);
            }
            return QObject::eventFilter(watched, event);
        }
    } watch;
    if (!table)
        return false;
    watch.isPopulated = isPopulated;
    table->viewport()->installEventFilter(&watch);
    QTimer::singleShot(60000, &watch.loop, [&] { watch.loop.exit(1); });
    return watch.loop.exec() == 0;
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
    if (!QTest::qWaitFor([&] { return workspace.keyModel()->rowCount() == bench::keytableKeyCount; }, 60000))
        return 5;
    page.repaint();
    report("complete");
    // The text to search is prepared on a pool thread once the keys are in. The page holds it
    // from then on, so the peak is read after it; and a person cannot type within those
    // milliseconds of the table filling, so neither does this.
    QElapsedTimer prepared;
    prepared.start();
    if (!QTest::qWaitFor([&] { return page.proxy()->isSearchReady(); }, 60000))
        return 6;
    std::printf("search_prepared_after_complete %.3f ms\n", double(prepared.nsecsElapsed()) / 1e6);
    if (typeToo)
        typeIntoAndTime(page.findChild<QLineEdit *>(QStringLiteral("keySearch")));
    std::printf("peak %.1f MiB\n", peakMemoryMiB());
    return 0;
}
} // namespace

// The child's main(): the launcher has started loading the fonts for the page, and not for the
// floor, a bare Qt program.
extern "C" Q_DECL_EXPORT int bench_keytable_child(int argc, char **argv, void (*finishLoadingFonts)()) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    finishLoadingFonts(); // after the QApplication, before the first widget, as the portal waits
    const QStringList args = app.arguments();
    if (args.value(1) == QLatin1String("floor"))
        return runFloor(args.value(2) == QLatin1String("type"));
    if (args.value(1) == QLatin1String("page") && args.size() > 2)
        return runPage(args.at(2), args.value(3) == QLatin1String("type"));
    std::fprintf(stderr, "usage: bench_keytable_child floor [type] | page CACHE [type]\n");
    return 2;
}
