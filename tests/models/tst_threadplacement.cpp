#include "models/threadplacement.h"

#include <QTest>

#include <sched.h>

#include <functional>
#include <thread>

using namespace knotie;

namespace {
// Runs what in a thread of its own, as the portal's threads run the placement first thing.
void inNewThread(const std::function<void()> &what) {
    std::thread(what).join();
}

cpu_set_t affinity() {
    cpu_set_t set;
    CPU_ZERO(&set);
    sched_getaffinity(0, sizeof set, &set);
    return set;
}
} // namespace

// A thread started on its creator's processor moves to another one, then may run anywhere
// again (models/threadplacement.h).
class TestThreadPlacement : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void onTheCreatorsProcessor_movesElsewhereAndIsFreeAgain() {
        const cpu_set_t all = affinity();
        if (CPU_COUNT(&all) < 2)
            QSKIP("this machine lets the test run on one processor only");
        int creator = -1, elsewhere = -1;
        bool freeAgain = false;
        inNewThread([&] {
            const cpu_set_t before = affinity();
            // As if the creator ran where this thread runs now. The scheduler may move the thread
            // between the two calls (the tests run two at a time): then it is elsewhere already,
            // and the next try asks again.
            for (int attempt = 0; attempt < 100 && elsewhere < 0; ++attempt) {
                creator = currentProcessor();
                elsewhere = leaveCreatorsProcessor(creator);
            }
            const cpu_set_t after = affinity();
            freeAgain = CPU_EQUAL(&before, &after);
        });
        QVERIFY(creator >= 0);
        QVERIFY2(elsewhere >= 0 && elsewhere != creator,
                 qPrintable(QStringLiteral("ran on %1, the creator on %2").arg(elsewhere).arg(creator)));
        QVERIFY(freeAgain);
    }

    void withNowhereElseToGo_staysAndKeepsItsProcessor() {
        int moved = 0;
        bool unchanged = false;
        inNewThread([&] {
            cpu_set_t one;
            CPU_ZERO(&one);
            CPU_SET(currentProcessor(), &one);
            sched_setaffinity(0, sizeof one, &one);
            moved = leaveCreatorsProcessor(currentProcessor());
            const cpu_set_t after = affinity();
            unchanged = CPU_EQUAL(&one, &after);
        });
        QCOMPARE(moved, -1);
        QVERIFY(unchanged);
    }

    void creatorUnknown_staysWhereItIs() {
        int moved = 0;
        inNewThread([&] { moved = leaveCreatorsProcessor(-1); });
        QCOMPARE(moved, -1);
    }
};

QTEST_GUILESS_MAIN(TestThreadPlacement)
#include "tst_threadplacement.moc"
