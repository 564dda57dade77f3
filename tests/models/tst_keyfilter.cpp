#include "models/items/keyfilter.h"

#include <QTest>

using namespace knotie;

// The filter behind the Overview's counts and the key table they open.
class TestKeyFilter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void empty_matchesWorkingKeysOnly() {
        const KeyFilter any;
        QVERIFY(any.matches(key(KeyStatus::Active), now));
        QVERIFY(any.matches(key(KeyStatus::Expiring), now));
        QVERIFY(!any.matches(key(KeyStatus::Revoked), now));
        QVERIFY(!any.matches(key(KeyStatus::Expired), now));
    }

    void status_revokedMatchesRevokedKeysAndShowsRetired() {
        KeyFilter revoked;
        revoked.status = KeyStatus::Revoked;
        QVERIFY(revoked.matches(key(KeyStatus::Revoked), now));
        QVERIFY(!revoked.matches(key(KeyStatus::Active), now));
        QVERIFY(revoked.showsRetired());
    }

    void typeAndCustomer_matchOnlyThatCustomersKeys() {
        KeyFilter filter;
        filter.type = KeyType::Customer;
        filter.customerId = QStringLiteral("cus_a");
        ApiKey k = key(KeyStatus::Active);
        k.type = KeyType::Customer;
        k.customerId = QStringLiteral("cus_a");
        QVERIFY(filter.matches(k, now));
        k.customerId = QStringLiteral("cus_b");
        QVERIFY(!filter.matches(k, now));
        k.type = KeyType::Partner;
        k.customerId.clear();
        QVERIFY(!filter.matches(k, now));
    }

    void expiringSoon_countsTheNextSevenDaysOnly() {
        KeyFilter filter;
        filter.condition = KeyFilter::Condition::ExpiringSoon;
        ApiKey k = key(KeyStatus::Active);
        k.expiresAt = now + 7 * 86400;
        QVERIFY(filter.matches(k, now));
        k.expiresAt = now + 7 * 86400 + 1;
        QVERIFY(!filter.matches(k, now));
        k.expiresAt = 0;
        QVERIFY(!filter.matches(k, now));
        k.expiresAt = now + 3600;
        k.status = KeyStatus::Revoked;
        QVERIFY(!filter.matches(k, now));
    }

    void unused_countsFromCreationWhenNeverUsed() {
        KeyFilter filter;
        filter.condition = KeyFilter::Condition::Unused;
        ApiKey k = key(KeyStatus::Active);
        k.createdAt = now - 10 * 86400;
        QVERIFY(!filter.matches(k, now)); // new, not unused
        k.createdAt = now - 200 * 86400;
        QVERIFY(filter.matches(k, now));
        k.lastUsedAt = now - 89 * 86400;
        QVERIFY(!filter.matches(k, now));
        k.lastUsedAt = now - 90 * 86400;
        QVERIFY(filter.matches(k, now));
    }

    void noExpiry_matchesWorkingKeysWithoutExpiry() {
        KeyFilter filter;
        filter.condition = KeyFilter::Condition::NoExpiry;
        ApiKey k = key(KeyStatus::Active);
        QVERIFY(filter.matches(k, now));
        k.expiresAt = now + 86400;
        QVERIFY(!filter.matches(k, now));
        k = key(KeyStatus::Revoked);
        QVERIFY(!filter.matches(k, now));
    }

private:
    static constexpr UnixTime now = 1'800'000'000;
    static ApiKey key(KeyStatus status) {
        ApiKey k;
        k.id = QStringLiteral("key_1");
        k.status = status;
        k.createdAt = now - 86400;
        return k;
    }
};

QTEST_GUILESS_MAIN(TestKeyFilter)
#include "tst_keyfilter.moc"
