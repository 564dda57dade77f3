// Full sync of 100,000 keys into an empty cache, beside the floor of downloading and
// parsing the same pages with the same client without storing them; then an incremental
// sync of 100 changes among the 100,000, beside the same single request without storing.
#include "bench/models/benchprint.h"
#include "models/network/keyjobs.h"
#include "models/sync/syncworker.h"
#include "tests/support/keylistserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

using namespace knotie;

namespace {
// Runs one sync on this thread and returns its wall time in milliseconds.
double timedSync(SyncWorker &worker) {
    QSignalSpy done(&worker, &SyncWorker::syncSucceeded);
    QSignalSpy failed(&worker, &SyncWorker::syncFailed);
    QElapsedTimer t;
    t.start();
    worker.sync(SyncPart::Keys);
    while (done.isEmpty() && failed.isEmpty())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const double ms = double(t.nsecsElapsed()) / 1e6;
    if (!failed.isEmpty())
        qFatal("sync failed");
    return ms;
}
} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    constexpr int keyCount = 100000;
    constexpr int runs = 5;
    // The server has a thread of its own, as a gateway would: the sync's writes must not
    // stall the server.
    test::KeyListServer server(keyCount);
    QThread serverThread;
    serverThread.start();
    server.server().moveToThread(&serverThread);
    const auto onServer = [&server](const std::function<void()> &f) {
        QMetaObject::invokeMethod(&server.server(), f, Qt::BlockingQueuedConnection);
    };
    bool listening = false;
    onServer([&] { listening = server.listen(); });
    if (!listening)
        return 1;
    const GatewayConnection connection(nullptr, server.url());
    QTemporaryDir dir;

    QList<double> full, floor;
    for (int run = 0; run < runs; ++run) { // interleaved, so both see the same machine
        SyncWorker parseOnly;
        parseOnly.setConnection(connection);
        floor.append(timedSync(parseOnly));

        SyncWorker storing;
        storing.openCache(dir.filePath(QStringLiteral("full-%1.sqlite").arg(run)));
        storing.setConnection(connection);
        full.append(timedSync(storing));
        if (storing.cache()->keyCount() != keyCount)
            qFatal("the cache holds %d keys", storing.cache()->keyCount());
    }
    bench::printBench("full_sync_100k_keys", bench::median(full), "ms", bench::median(floor), "target<=1.4");

    // Incremental: the last run's cache is up to date; change 100 keys each time.
    SyncWorker worker;
    worker.openCache(dir.filePath(QStringLiteral("full-%1.sqlite").arg(runs - 1)));
    worker.setConnection(connection);
    QNetworkAccessManager network;
    QList<double> incremental, requestOnly;
    for (int run = 0; run < 7; ++run) {
        QList<int> positions;
        for (int i = 0; i < 100; ++i)
            positions.append((i * 997 + run * 31) % keyCount);
        const QString cursor = worker.cache()->syncMark(QStringLiteral("keys")).cursor;
        onServer([&] { server.change(positions, QStringLiteral("Changed in run %1").arg(run)); });

        ListKeysJob job(GatewayConnection(&network, server.url()), cursor);
        QSignalSpy jobDone(&job, &GatewayJob::finished);
        QElapsedTimer t;
        t.start();
        job.start();
        while (jobDone.isEmpty())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        requestOnly.append(double(t.nsecsElapsed()) / 1e6);
        if (job.page().keys.size() != 100)
            qFatal("expected 100 changes, got %d", int(job.page().keys.size()));

        incremental.append(timedSync(worker));
    }
    bench::printBench("incremental_sync_100_of_100k_keys", bench::median(incremental), "ms",
                      bench::median(requestOnly), "limit<=50");
    onServer([&] { server.server().moveToThread(app.thread()); });
    serverThread.quit();
    serverThread.wait();
    return 0;
}
