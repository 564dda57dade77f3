#include "models/analytics/keyhygiene.h"

#include <QTest>

using namespace knotie;

// The hygiene rules on keys as the gateway describes them (the usage they need comes from
// the gateway in tst_usagereport; here it is given, to reach every edge of each rule).
class TestKeyHygiene : public QObject {
    Q_OBJECT
    static constexpr UnixTime now = 1764000000;
    static constexpr qint64 day = 86400;

    static ApiKey key(const QString &id, KeyType type, UnixTime createdAt) {
        ApiKey k;
        k.id = id;
        k.name = id;
        k.type = type;
        k.createdAt = createdAt;
        k.lastUsedAt = now - 3600;
        k.expiresAt = now + 30 * day;
        return k;
    }
    static KeyAttention entryFor(const QList<KeyAttention> &found, const QString &id) {
        for (const KeyAttention &a : found)
            if (a.keyId == id)
                return a;
        return {};
    }

private Q_SLOTS:
    void old_notForKeysAlreadyRotatedOrInGrace() {
        ApiKey rotated = key(QStringLiteral("rotated"), KeyType::Partner, now - 200 * day);
        rotated.replacedBy = QStringLiteral("successor");
        rotated.status = KeyStatus::Expiring; // its grace period
        ApiKey rotatedOnly = key(QStringLiteral("rotatedOnly"), KeyType::Partner, now - 200 * day);
        rotatedOnly.replacedBy = QStringLiteral("successor2");
        ApiKey inGrace = key(QStringLiteral("inGrace"), KeyType::Partner, now - 200 * day);
        inGrace.status = KeyStatus::Expiring;
        const ApiKey old = key(QStringLiteral("old"), KeyType::Partner, now - 91 * day);
        const QList<KeyAttention> found =
            keysNeedingAttention({{rotated, rotatedOnly, inGrace, old}, now, {}, {}, {}});
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first(), (KeyAttention{old.id, {AttentionReason::Old}}));
    }

    void onlyReads_needsAgeAndTraffic() {
        const ApiKey young = key(QStringLiteral("young"), KeyType::Partner, now - 600);
        const ApiKey quiet = key(QStringLiteral("quiet"), KeyType::Partner, now - 30 * day);
        const ApiKey busy =
            key(QStringLiteral("busy"), KeyType::Partner, now - hygiene::onlyReadsMinAgeSeconds);
        const ApiKey customer = key(QStringLiteral("customer"), KeyType::Customer, now - 30 * day);
        AttentionInput in{{young, quiet, busy, customer}, now, {}, {}, {}};
        in.onlyReadsIn30Days = {{young.id, 5000},
                                {quiet.id, hygiene::onlyReadsMinCalls - 1},
                                {busy.id, hygiene::onlyReadsMinCalls},
                                {customer.id, 5000}};
        const QList<KeyAttention> found = keysNeedingAttention(in);
        QCOMPARE(found, (QList<KeyAttention>{{busy.id, {AttentionReason::OnlyReads}}}));
    }

    void eachKeyOnce_withEveryReason_mostUrgentFirst() {
        ApiKey neglected = key(QStringLiteral("neglected"), KeyType::Partner, now - 400 * day);
        neglected.lastUsedAt = now - 100 * day;
        neglected.expiresAt = 0;
        const ApiKey failing = key(QStringLiteral("failing"), KeyType::Customer, now - day);
        AttentionInput in{{neglected, failing}, now, {}, {}, {}};
        in.lastDay.insert(failing.id, KeyUsage{failing.id, 10, 8, {}});
        const QList<KeyAttention> found = keysNeedingAttention(in);
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).keyId, failing.id);
        QCOMPARE(found.at(1),
                 (KeyAttention{neglected.id,
                               {AttentionReason::Unused, AttentionReason::NoExpiry, AttentionReason::Old}}));
        // The text names every reason in full, one line each.
        QCOMPARE(AttentionText::reasons(entryFor(found, neglected.id).reasons).count(QLatin1Char('\n')), 2);
    }

    void onlyReadCalls_countsOnlyWhenEveryCallRead() {
        QCOMPARE(onlyReadCalls({}), 0);
        QCOMPARE(onlyReadCalls({{QStringLiteral("GET"), QStringLiteral("/a"), 3, 0},
                                {QStringLiteral("GET"), QStringLiteral("/b"), 4, 1}}),
                 7);
        QCOMPARE(onlyReadCalls({{QStringLiteral("GET"), QStringLiteral("/a"), 3, 0},
                                {QStringLiteral("POST"), QStringLiteral("/b"), 1, 0}}),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestKeyHygiene)
#include "tst_keyhygiene.moc"
