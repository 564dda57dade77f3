#include "models/sync/synccontroller.h"
#include "tests/support/damagedcache.h"
#include "tests/support/keylistserver.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace knotie;
using namespace knotie::test;

namespace {
int total(const QSignalSpy &spy) {
    int n = 0;
    for (const QList<QVariant> &args : spy)
        n += int(args.at(0).value<QList<ApiKey>>().size());
    return n;
}
} // namespace

class TestSync : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void fullThenIncremental_100000Keys_pagedAndCachedWithTheCursor() {
        KeyListServer server(100000);
        QVERIFY(server.listen());
        SyncWorker worker;
        worker.openCache(m_dir.filePath(QStringLiteral("big.sqlite")));
        worker.setConnection(GatewayConnection(nullptr, server.url()));
        QSignalSpy changed(&worker, &SyncWorker::keysChanged);
        QSignalSpy succeeded(&worker, &SyncWorker::syncSucceeded);
        worker.sync(SyncPart::Keys);
        QVERIFY(succeeded.wait(120000));
        QCOMPARE(server.server().requestCount(), 100); // limit 1000, repeated while has_more
        QCOMPARE(total(changed), 100000);
        QCOMPARE(worker.cache()->keyCount(), 100000);
        QCOMPARE(worker.cache()->loadKey(QStringLiteral("key_099999"))->name,
                 QStringLiteral("Integration 99999"));
        QVERIFY(server.server()
                    .requests()
                    .last()
                    .queryItem(QStringLiteral("since"))
                    .startsWith(QLatin1Char('c')));

        QList<int> positions;
        for (int i = 0; i < 100; ++i)
            positions.append(i * 997);
        server.change(positions, QStringLiteral("Renamed"));
        changed.clear();
        worker.sync(SyncPart::Keys);
        QVERIFY(succeeded.wait(20000));
        QCOMPARE(server.server().requestCount(), 101);
        QCOMPARE(total(changed), 100); // only the changes travel
        QCOMPARE(worker.cache()->loadKey(QStringLiteral("key_000997"))->name, QStringLiteral("Renamed"));
        QCOMPARE(worker.cache()->keyCount(), 100000);
    }

    // The screenful goes ahead; a sync asked for before the rest of the cache is read waits
    // for it, so rows read from the file never overwrite fresher ones the sync merged.
    void openAhead_screenfulFirst_syncWaitsForTheRestOfTheCache() {
        const QString path = m_dir.filePath(QStringLiteral("ahead.sqlite"));
        {
            KeyListServer filler(SyncWorker::firstKeysShown + 50);
            QVERIFY(filler.listen());
            SyncWorker worker;
            worker.openCache(path);
            worker.setConnection(GatewayConnection(nullptr, filler.url()));
            QSignalSpy succeeded(&worker, &SyncWorker::syncSucceeded);
            worker.sync(SyncPart::Keys);
            QVERIFY(succeeded.wait(20000));
        }
        KeyListServer server(SyncWorker::firstKeysShown + 50);
        QVERIFY(server.listen());
        SyncWorker worker;
        worker.setConnection(GatewayConnection(nullptr, server.url()));
        QSignalSpy loaded(&worker, &SyncWorker::keysLoaded);
        QSignalSpy started(&worker, &SyncWorker::syncStarted);
        QSignalSpy succeeded(&worker, &SyncWorker::syncSucceeded);
        QVERIFY(worker.openCacheAhead(path));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(total(loaded), SyncWorker::firstKeysShown);
        worker.sync(SyncPart::Keys);
        QCOMPARE(started.size(), 0);
        QCOMPARE(server.server().requestCount(), 0);

        worker.readCache();
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded.last().at(0).value<QList<ApiKey>>().size(), SyncWorker::firstKeysShown + 50);
        QCOMPARE(started.size(), 1); // the sync asked for meanwhile, now
        QVERIFY(succeeded.wait(20000));
        QVERIFY(server.server().requestCount() > 0);
        worker.readCache(); // read already: nothing again
        QCOMPARE(loaded.size(), 2);
    }

    void unknownCursor_startsOverFromNothing() {
        KeyListServer server(30);
        QVERIFY(server.listen());
        SyncWorker worker;
        worker.setPageSize(10);
        worker.openCache(m_dir.filePath(QStringLiteral("cursor.sqlite")));
        QVERIFY(worker.cache()->storeKeys({}, QStringLiteral("keys"), {QStringLiteral("garbage"), 1}));
        worker.setConnection(GatewayConnection(nullptr, server.url()));
        QSignalSpy succeeded(&worker, &SyncWorker::syncSucceeded);
        worker.sync(SyncPart::Keys);
        QVERIFY(succeeded.wait(20000));
        QCOMPARE(worker.cache()->keyCount(), 30);
        QCOMPARE(server.server().requestCount(), 1 + 3);
    }

    // Pages are written on a thread of their own while the next one is read: a page that
    // cannot be written still fails the sync, with words that say so.
    void keysCannotBeWritten_syncFailsAndSaysSo() {
        KeyListServer server(30);
        QVERIFY(server.listen());
        SyncWorker worker;
        worker.setPageSize(10);
        const QString path = m_dir.filePath(QStringLiteral("unwritable.sqlite"));
        worker.openCache(path);
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("saboteur"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("DROP TABLE keys")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("saboteur"));
        worker.setConnection(GatewayConnection(nullptr, server.url()));
        QSignalSpy failed(&worker, &SyncWorker::syncFailed);
        QSignalSpy succeeded(&worker, &SyncWorker::syncSucceeded);
        worker.sync(SyncPart::Keys);
        QVERIFY(failed.wait(20000));
        QCOMPARE(failed.at(0).at(0).value<GatewayResult>().message,
                 QStringLiteral("The local copy of your data could not be written."));
        QVERIFY(succeeded.isEmpty());
        worker.closeCache(); // the writing thread ends with it
    }

    void gatewayGone_offlineFromCache_actionsRefused_reconnectsByItself() {
        KeyListServer server(50);
        QVERIFY(server.listen());
        const QString path = m_dir.filePath(QStringLiteral("offline.sqlite"));
        GatewayConnection connection(nullptr, server.url());
        connection.retry.maxAttempts = 1;
        {
            SyncController controller;
            controller.setReconnectDelays(20, 100);
            QSignalSpy stateChanged(controller.state(), &ConnectionState::changed);
            controller.start(path, connection, SyncPart::Keys);
            QVERIFY(QTest::qWaitFor([&] { return controller.state()->lastSyncedAt() != 0; }, 20000));
            QCOMPARE(controller.state()->mode(), ConnectionState::Mode::Online);
            QVERIFY(controller.state()->refusal().isEmpty());

            server.setFault(FaultServer::Response::reset());
            controller.syncNow();
            QVERIFY(QTest::qWaitFor([&] { return controller.state()->isOffline(); }, 20000));
            QVERIFY(controller.state()->statusText().startsWith(QStringLiteral("Offline since")));
            QVERIFY(controller.state()->statusText().contains(QStringLiteral("Showing data from")));
            QVERIFY2(controller.state()->refusal().contains(QStringLiteral("cannot be reached")),
                     qPrintable(controller.state()->refusal()));
            const int attemptsWhileDown = server.server().requestCount();
            // It keeps trying by itself...
            QVERIFY(QTest::qWaitFor([&] { return server.server().requestCount() >= attemptsWhileDown + 2; },
                                    20000));
            // ...and comes back once the gateway does, with no one asking.
            server.setFault(std::nullopt);
            QVERIFY(QTest::qWaitFor([&] { return !controller.state()->isOffline(); }, 20000));
            QVERIFY(controller.state()->refusal().isEmpty());
        }
        // Offline from the start: the screens still get every key, from the cache.
        server.setFault(FaultServer::Response::reset());
        SyncController controller;
        QSignalSpy loaded(controller.worker(), &SyncWorker::keysLoaded);
        controller.start(path, connection, SyncPart::Keys);
        QVERIFY(QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 20000)); // recorded in the worker's thread
        QCOMPARE(loaded.at(0).at(0).value<QList<ApiKey>>().size(), 50);
        QVERIFY(QTest::qWaitFor([&] { return controller.state()->isOffline(); }, 20000));
        QVERIFY(controller.state()->lastSyncedAt() != 0);
    }

    void damagedCache_personToldOnce_rebuiltFromTheGateway_data() {
        QTest::addColumn<bool>("headerIntact");
        QTest::newRow("not a database") << false;
        QTest::newRow("damaged pages") << true; // found after the first screenful is shown
    }
    void damagedCache_personToldOnce_rebuiltFromTheGateway() {
        QFETCH(bool, headerIntact);
        KeyListServer server(20);
        QVERIFY(server.listen());
        const QString path = m_dir.filePath(QStringLiteral("damaged-%1.sqlite").arg(headerIntact));
        if (headerIntact) {
            QVERIFY(test::writeCacheWithDamagedPages(path));
        } else {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, 'x'));
        }
        for (int run = 0; run < 2; ++run) {
            SyncController controller;
            QSignalSpy notices(&controller, &SyncController::notice);
            controller.start(path, GatewayConnection(nullptr, server.url()), SyncPart::Keys);
            QVERIFY(QTest::qWaitFor([&] { return controller.state()->lastSyncedAt() != 0; }, 20000));
            QCOMPARE(notices.size(), run == 0 ? 1 : 0);
        }
        Cache cache(path);
        QVERIFY(cache.open().status == Cache::OpenStatus::Ok);
        QCOMPARE(cache.keyCount(), 20);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
