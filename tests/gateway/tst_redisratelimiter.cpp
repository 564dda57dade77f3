// The rate limiter across instances, against a real redis-server started for the test.
#include "gateway/ratelimit/redisratelimiter.h"
#include "gateway/ratelimiter.h"
#include "tests/support/loopbackport.h"
#include "tests/support/redisprocess.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using knotie::gateway::RateLimiter;
using knotie::gateway::RedisRateLimiter;
using knotie::test::RedisProcess;

namespace {

// A fixed "now", as the gateway's clock gives it, far from any real time the key
// may have been used at before.
constexpr qint64 start = 1'800'000'000'000;

RedisRateLimiter::Options optionsFor(const RedisProcess &redis) {
    RedisRateLimiter::Options options;
    options.host = redis.host();
    options.port = redis.port();
    options.reconnectInterval = std::chrono::milliseconds(50);
    // Generous, so a loaded CI machine never turns a slow answer into a fall-back.
    options.connectTimeout = std::chrono::seconds(2);
    options.commandTimeout = std::chrono::seconds(2);
    return options;
}

QString uniqueKey() {
    return QStringLiteral("key_%1").arg(QRandomGenerator::global()->generate64(), 0, 36);
}

} // namespace

class TestRedisRateLimiter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_redis.start());
    }

    void threeInstances_interleaved_admitExactlyTheLimit() {
        std::vector<std::unique_ptr<RedisRateLimiter>> instances;
        for (int i = 0; i < 3; ++i)
            instances.push_back(std::make_unique<RedisRateLimiter>(optionsFor(m_redis)));
        const QString key = uniqueKey();
        int admitted = 0;
        for (int i = 0; i < 90; ++i)
            admitted += instances[i % 3]->admit(key, 30, 60, start + i * 100).allowed ? 1 : 0;
        QCOMPARE(admitted, 30);
        for (const auto &instance : instances)
            QCOMPARE(instance->backendName(), QStringLiteral("redis"));
    }

    // The same, with the three asking at once from three threads: only an atomic
    // check-and-add keeps two of them from both taking the last place.
    void threeInstances_concurrent_admitExactlyTheLimit() {
        std::vector<std::unique_ptr<RedisRateLimiter>> instances;
        for (int i = 0; i < 3; ++i)
            instances.push_back(std::make_unique<RedisRateLimiter>(optionsFor(m_redis)));
        for (int round = 0; round < 5; ++round) {
            const QString key = uniqueKey();
            std::atomic<int> admitted{0};
            std::vector<std::thread> threads;
            for (int i = 0; i < 3; ++i)
                threads.emplace_back([&, i] {
                    for (int n = 0; n < 30; ++n)
                        if (instances[i]->admit(key, 30, 60, start + n * 10).allowed)
                            ++admitted;
                });
            for (auto &thread : threads)
                thread.join();
            QCOMPARE(admitted.load(), 30);
        }
    }

    // One instance serving on several threads: each thread gets a connection of its own.
    void oneInstanceManyThreads_admitsExactlyTheLimit() {
        RedisRateLimiter limiter(optionsFor(m_redis));
        const QString key = uniqueKey();
        std::atomic<int> admitted{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 4; ++i)
            threads.emplace_back([&] {
                for (int n = 0; n < 25; ++n)
                    if (limiter.admit(key, 30, 60, start + n).allowed)
                        ++admitted;
            });
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(admitted.load(), 30);
        QCOMPARE(limiter.backendName(), QStringLiteral("redis"));
    }

    void slidingWindow_admitsAgainAsEachAdmittedRequestLeaves() {
        RedisRateLimiter limiter(optionsFor(m_redis));
        const QString key = uniqueKey();
        QVERIFY(limiter.admit(key, 3, 10, start).allowed);
        QVERIFY(limiter.admit(key, 3, 10, start + 4000).allowed);
        QVERIFY(limiter.admit(key, 3, 10, start + 8000).allowed);
        QVERIFY(!limiter.admit(key, 3, 10, start + 9000).allowed);
        QVERIFY(!limiter.admit(key, 3, 10, start + 9999).allowed);
        // The first admitted request leaves at +10 s exactly; refused ones never counted.
        QVERIFY(limiter.admit(key, 3, 10, start + 10000).allowed);
        QVERIFY(!limiter.admit(key, 3, 10, start + 10001).allowed);
        QVERIFY(limiter.admit(key, 3, 10, start + 14000).allowed);
    }

    void retryAfter_wholeSecondsUntilTheOldestAdmittedRequestLeaves() {
        RedisRateLimiter limiter(optionsFor(m_redis));
        const QString key = uniqueKey();
        QVERIFY(limiter.admit(key, 2, 60, start).allowed);
        QVERIFY(limiter.admit(key, 2, 60, start + 500).allowed);
        QCOMPARE(limiter.admit(key, 2, 60, start + 1000).retryAfterSeconds, 59);
        QCOMPARE(limiter.admit(key, 2, 60, start + 1001).retryAfterSeconds, 59);
        QCOMPARE(limiter.admit(key, 2, 60, start + 58999).retryAfterSeconds, 2);
        QCOMPARE(limiter.admit(key, 2, 60, start + 59001).retryAfterSeconds, 1);
        QCOMPARE(limiter.admit(key, 2, 60, start + 59999).retryAfterSeconds, 1);
        QVERIFY(limiter.admit(key, 2, 60, start + 60000).allowed);
    }

    // Redis and one instance's RateLimiter give the same verdict to every request of a
    // random stream: times moving forward irregularly, limits changed on the way.
    void randomStream_sameVerdictsAsTheLocalLimiter() {
        RedisRateLimiter redisLimiter(optionsFor(m_redis));
        RateLimiter local;
        QRandomGenerator random(17);
        const QString key = uniqueKey();
        qint64 now = start;
        int refused = 0;
        for (int i = 0; i < 2000; ++i) {
            now += random.bounded(0, 700);
            const int requests = i < 1000 ? 5 : 3;
            const int seconds = i < 1500 ? 2 : 1;
            const auto expected = local.admit(key, requests, seconds, now);
            const auto actual = redisLimiter.admit(key, requests, seconds, now);
            QCOMPARE(actual.allowed, expected.allowed);
            QCOMPARE(actual.retryAfterSeconds, expected.retryAfterSeconds);
            refused += expected.allowed ? 0 : 1;
        }
        QVERIFY(refused > 100); // the stream did test refusals
        QCOMPARE(redisLimiter.backendName(), QStringLiteral("redis"));
    }

    void noLimit_admitsWithoutAsking() {
        RedisRateLimiter limiter(optionsFor(m_redis));
        QVERIFY(limiter.admit(uniqueKey(), 0, 60, start).allowed);
        QVERIFY(limiter.admit(uniqueKey(), 5, 0, start).allowed);
    }

    void redisRestartedBetweenRequests_stillCountsInRedis() {
        RedisRateLimiter limiter(optionsFor(m_redis));
        QVERIFY(limiter.admit(uniqueKey(), 1, 60, start).allowed);
        m_redis.stop();
        QVERIFY(m_redis.start());
        // The pooled connection is closed; the request is retried on a new one, silently.
        const QString key = uniqueKey();
        QVERIFY(limiter.admit(key, 1, 60, start).allowed);
        QCOMPARE(limiter.backendName(), QStringLiteral("redis"));
        RedisRateLimiter other(optionsFor(m_redis));
        QVERIFY(!other.admit(key, 1, 60, start + 1).allowed);
    }

    void redisKilled_countsLocally_thenInRedisWhenBack() {
        RedisRateLimiter first(optionsFor(m_redis));
        RedisRateLimiter second(optionsFor(m_redis));
        const QString key = uniqueKey();
        QVERIFY(first.admit(key, 2, 60, start).allowed);
        QVERIFY(second.admit(key, 2, 60, start + 1).allowed);
        QVERIFY(!first.admit(key, 2, 60, start + 2).allowed);

        m_redis.kill();
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral(
                                 "Redis at 127.0.0.1:\\d+ failed .* counted locally until it is back")));
        // Each instance counts on its own now: two more for `first`, from an empty window.
        QVERIFY(first.admit(key, 2, 60, start + 3).allowed);
        QCOMPARE(first.backendName(), QStringLiteral("local"));
        QVERIFY(first.admit(key, 2, 60, start + 4).allowed);
        QCOMPARE(first.admit(key, 2, 60, start + 5).retryAfterSeconds, 60);

        QVERIFY(m_redis.start());
        // Reconnected by the background thread, with no request needed.
        QTRY_COMPARE_WITH_TIMEOUT(first.backendName(), QStringLiteral("redis"), 5000);
        // The killed Redis kept nothing: a new window, shared again, script sent again.
        const QString fresh = uniqueKey();
        QVERIFY(first.admit(fresh, 2, 60, start + 10).allowed);
        QVERIFY(second.admit(fresh, 2, 60, start + 11).allowed);
        QVERIFY(!first.admit(fresh, 2, 60, start + 12).allowed);
        QVERIFY(!second.admit(fresh, 2, 60, start + 13).allowed);
        QCOMPARE(second.backendName(), QStringLiteral("redis"));
    }

    // A Redis that accepts but never answers: one request waits out the command timeout
    // and is counted locally; the next ones do not wait; back in Redis once it answers.
    void redisHung_oneTimeoutThenLocalUntilItAnswers() {
        RedisRateLimiter::Options options = optionsFor(m_redis);
        options.commandTimeout = std::chrono::milliseconds(300);
        RedisRateLimiter limiter(options);
        QVERIFY(limiter.admit(uniqueKey(), 1, 60, start).allowed);
        m_redis.pause();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Redis at .* failed .*")));
        const QString key = uniqueKey();
        QElapsedTimer timer;
        timer.start();
        QVERIFY(limiter.admit(key, 1, 60, start).allowed);
        const qint64 firstMs = timer.restart();
        QCOMPARE(limiter.backendName(), QStringLiteral("local"));
        QVERIFY(!limiter.admit(key, 1, 60, start + 1).allowed);
        qInfo("the request that met the hung Redis took %lld ms, the next %lld ms", firstMs, timer.elapsed());
        m_redis.resume();
        QTRY_COMPARE_WITH_TIMEOUT(limiter.backendName(), QStringLiteral("redis"), 5000);
    }

    void redisUnreachableAtStart_countsLocallyAndSaysSo() {
        RedisRateLimiter::Options options;
        options.port = knotie::test::freeLoopbackPort(); // nobody listens there
        options.reconnectInterval = std::chrono::milliseconds(50);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot be reached .* counted locally")));
        RedisRateLimiter limiter(options);
        QCOMPARE(limiter.backendName(), QStringLiteral("local"));
        const QString key = uniqueKey();
        QVERIFY(limiter.admit(key, 1, 60, start).allowed);
        QVERIFY(!limiter.admit(key, 1, 60, start + 1).allowed);
    }

    void optionsFromUrl_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host"); // empty: refused
        QTest::addColumn<int>("port");
        QTest::newRow("host and port") << "redis://10.0.0.5:6380"
                                       << "10.0.0.5" << 6380;
        QTest::newRow("default port") << "redis://redis.internal"
                                      << "redis.internal" << 6379;
        QTest::newRow("trailing slash") << "redis://127.0.0.1:7000/"
                                        << "127.0.0.1" << 7000;
        QTest::newRow("ipv6") << "redis://[::1]:6379"
                              << "::1" << 6379;
        QTest::newRow("credentials") << "redis://user:secret@127.0.0.1:6379"
                                     << "" << 0;
        QTest::newRow("database number") << "redis://127.0.0.1:6379/2"
                                         << "" << 0;
        QTest::newRow("other scheme") << "rediss://127.0.0.1:6379"
                                      << "" << 0;
        QTest::newRow("no host") << "redis://:6379"
                                 << "" << 0;
        QTest::newRow("bare address") << "127.0.0.1:6379"
                                      << "" << 0;
    }

    void optionsFromUrl() {
        QFETCH(QString, url);
        QFETCH(QString, host);
        QFETCH(int, port);
        QString error;
        const auto options = RedisRateLimiter::optionsFromUrl(url, &error);
        QCOMPARE(options.has_value(), !host.isEmpty());
        if (!options) {
            QVERIFY(error.contains(QLatin1String("redis://HOST:PORT")));
            QVERIFY(!error.contains(QLatin1String("secret")));
            return;
        }
        QCOMPARE(options->host, host);
        QCOMPARE(options->port, port);
    }

    // A figure for the record (no bar): one admit's round trip to a local Redis.
    void roundTrip_printed() {
        RedisRateLimiter limiter(optionsFor(m_redis));
        const QString key = uniqueKey();
        QElapsedTimer timer;
        timer.start();
        constexpr int count = 2000;
        for (int i = 0; i < count; ++i)
            limiter.admit(key, 1'000'000, 60, start + i);
        qInfo("one admit through Redis: %.1f us on average over %d",
              double(timer.nsecsElapsed()) / 1000 / count, count);
        QCOMPARE(limiter.backendName(), QStringLiteral("redis"));
    }

private:
    RedisProcess m_redis;
};

QTEST_GUILESS_MAIN(TestRedisRateLimiter)
#include "tst_redisratelimiter.moc"
