#include "gateway/usage.h"
#include "gateway/usagespool.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace knotie::gateway;

namespace {

UsageRecord recordFor(int n) {
    UsageRecord r;
    r.partnerId = QStringLiteral("ptr_demo");
    r.keyId = QStringLiteral("key_%1").arg(n % 7);
    r.at = 1'700'000'000 + n;
    r.method = "GET";
    // Now and then a path no route has, as the client sent it (decoded): not ASCII.
    r.route =
        n % 1000 == 0 ? QStringLiteral("/api/v1/zürich/東京/😀") : QStringLiteral("/api/v1/customers/{id}");
    r.status = n % 5 == 0 ? 429 : 200;
    r.latencyMicros = 100 + n;
    r.errorCode = n % 5 == 0 ? QStringLiteral("rate_limited") : QString();
    return r;
}

// Copies the spool folder as a process killed now would leave it: the live segment still
// mapped, its unused tail zeros.
void copyFolder(const QString &from, const QString &to) {
    const QStringList names = QDir(from).entryList(QDir::Files);
    for (const QString &name : names)
        QVERIFY(QFile::copy(QDir(from).filePath(name), QDir(to).filePath(name)));
}

} // namespace

// The usage spool's segment files on their own (the gateway's SIGKILL test covers the whole
// path): records appended across a segment boundary come back in order, each once, whether
// the process ended cleanly or was killed with a segment still mapped.
class TestUsageSpool : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void recordsAcrossSegments_replayInOrder_afterAKillAndAfterACleanEnd() {
        QTemporaryDir live;
        QTemporaryDir killed;
        QVERIFY(live.isValid() && killed.isValid());
        auto spool = std::make_unique<UsageSpool>();
        QString error;
        QVERIFY2(spool->open(live.path(), &error), qPrintable(error));
        // Enough records for more than one segment of UsageSpool::segmentBytes. The usage
        // writer makes the next segment ready between its flushes; here, every 10,000 records
        // but the first 120,000, so the first segment boundary is crossed without a spare.
        const int count = 250'000;
        for (int n = 1; n <= count; ++n) {
            UsageRecord r = recordFor(n);
            QVERIFY(spool->append(r));
            QCOMPARE(r.sequence, n);
            if (n > 120'000 && n % 10'000 == 0)
                spool->prepareSegments();
        }
        // Full segments are cut to their records by the writer's next turn, while it runs.
        const auto spoolFiles = [&] {
            return QDir(live.path()).entryList({QStringLiteral("*.spool")}, QDir::Files, QDir::Name);
        };
        const QStringList files = spoolFiles();
        QVERIFY2(files.size() >= 4, qPrintable(files.join(QLatin1Char(' ')))); // full ones, live, spare
        for (const QString &name : files.first(files.size() - 2)) {
            QFile file(QDir(live.path()).filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(file.size() < UsageSpool::segmentBytes && file.readAll().endsWith('\n'),
                     qPrintable(name));
        }
        const quint64 boot = spool->boot();
        copyFolder(live.path(), killed.path());
        spool.reset(); // a clean end: the live segment is cut to its records, the spare goes
        QCOMPARE(spoolFiles(), files.first(files.size() - 1));

        for (const QString &folder : {killed.path(), live.path()}) {
            UsageSpool next;
            QVERIFY2(next.open(folder, &error), qPrintable(error));
            const QList<UsageSpool::Leftover> leftovers = next.leftovers();
            QCOMPARE(leftovers.size(), 1);
            QCOMPARE(leftovers.first().boot, boot);
            QVERIFY2(leftovers.first().files.size() >= 3, "the records should span segments");
            const QList<UsageRecord> &records = leftovers.first().records;
            QCOMPARE(records.size(), count);
            for (int n = 1; n <= count; ++n) {
                const UsageRecord expected = recordFor(n);
                const UsageRecord &got = records.at(n - 1);
                QCOMPARE(got.sequence, n);
                QCOMPARE(got.keyId, expected.keyId);
                QCOMPARE(got.route, expected.route);
                QCOMPARE(got.status, expected.status);
                QCOMPARE(got.errorCode, expected.errorCode);
            }
        }
        // The cleanly ended segments hold records only; the killed copy's last one kept its zeros.
        for (const QString &name : QDir(live.path()).entryList({QStringLiteral("*.spool")}, QDir::Files)) {
            QFile file(QDir(live.path()).filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            if (!bytes.isEmpty())
                QVERIFY2(bytes.endsWith('\n'), qPrintable(name));
        }
    }
};

QTEST_GUILESS_MAIN(TestUsageSpool)
#include "tst_usagespool.moc"
