#include "gateway/usage.h"

#include <QTest>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace knotie::gateway;

class TestLatencyHistogram : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void p95_isWithinFivePercentOfTheExactValue_data() {
        QTest::addColumn<double>("medianMs");
        QTest::addColumn<double>("spread");
        QTest::newRow("fast") << 0.3 << 0.4;
        QTest::newRow("typical") << 30.0 << 0.6;
        QTest::newRow("slow tail") << 200.0 << 1.2;
    }

    void p95_isWithinFivePercentOfTheExactValue() {
        QFETCH(double, medianMs);
        QFETCH(double, spread);
        std::mt19937 random(7);
        std::lognormal_distribution<double> latency(std::log(medianMs * 1000), spread);
        std::vector<qint64> samples;
        LatencyHistogram h;
        for (int i = 0; i < 20000; ++i) {
            samples.push_back(static_cast<qint64>(latency(random)));
            h.add(samples.back());
        }
        std::sort(samples.begin(), samples.end());
        const double exact = samples[static_cast<std::size_t>(samples.size() * 95 / 100 - 1)] / 1000.0;
        const double approx = h.p95Milliseconds();
        QVERIFY2(std::abs(approx - exact) <= exact * 0.05 + 0.01,
                 qPrintable(QStringLiteral("p95 %1 ms, exact %2 ms").arg(approx).arg(exact)));
    }

    // Every latency lands in bucket floor(log base 1.05 of it): stored histograms keep their
    // meaning whichever way the bucket is worked out. Each whole microsecond up to 1 s, then
    // both sides of every bucket's start up to the last bucket.
    void add_putsEachLatencyInItsLogarithmicBucket() {
        const auto expected = [](qint64 micros) {
            const int bucket =
                micros <= 1 ? 0 : static_cast<int>(std::floor(std::log(double(micros)) / std::log(1.05)));
            return std::min(bucket, LatencyHistogram::bucketCount - 1);
        };
        const auto bucketOf = [](qint64 micros) {
            LatencyHistogram h;
            h.add(micros);
            const QByteArray encoded = h.encode(); // one (bucket: u16, count: u64) pair
            return encoded.size() == 10 ? int(qFromLittleEndian<quint16>(encoded.constData())) : -1;
        };
        std::vector<qint64> latencies;
        for (qint64 micros = -1; micros <= 1000000; ++micros)
            latencies.push_back(micros);
        for (int bucket = 1; bucket <= LatencyHistogram::bucketCount; ++bucket) {
            const auto start = static_cast<qint64>(std::ceil(std::pow(1.05, bucket)));
            for (qint64 micros = start - 2; micros <= start + 2; ++micros)
                latencies.push_back(micros);
        }
        latencies.push_back(qint64(1) << 50);
        int checked = 0;
        for (qint64 micros : latencies) {
            if (bucketOf(micros) != expected(micros))
                QFAIL(qPrintable(QStringLiteral("%1 us: bucket %2, expected %3")
                                     .arg(micros)
                                     .arg(bucketOf(micros))
                                     .arg(expected(micros))));
            ++checked;
        }
        qInfo("%d latencies checked", checked);
    }

    void encode_roundTripsAndMergesAdd() {
        LatencyHistogram a;
        a.add(1500, 3);
        a.add(90000, 1);
        LatencyHistogram b = LatencyHistogram::decode(a.encode());
        QCOMPARE(b.encode(), a.encode());
        b.mergeEncoded(a.encode());
        LatencyHistogram doubled;
        doubled.add(1500, 6);
        doubled.add(90000, 2);
        QCOMPARE(b.encode(), doubled.encode());
        QVERIFY(LatencyHistogram().isEmpty());
        QCOMPARE(LatencyHistogram().encode(), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "tst_latencyhistogram.moc"
