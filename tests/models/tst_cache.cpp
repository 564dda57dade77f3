#include "models/cache/cache.h"
#include "models/data/wireformat.h"
#include "testconfig.h"
#include "tests/support/damagedcache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace knotie;

namespace {
ApiKey sampleKey(const QString &id) {
    ApiKey k;
    k.id = id;
    k.name = QStringLiteral("Key ") + id;
    k.type = KeyType::Partner;
    k.prefix = QStringLiteral("kn_pk_");
    k.last4 = QStringLiteral("Zz99");
    k.createdAt = 1764000000;
    k.createdBy = {QStringLiteral("usr_1"), QStringLiteral("Maya Lindqvist")};
    return k;
}

QByteArray fileHash(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

int pragma(Cache &cache, const QString &name) {
    QSqlQuery q(cache.connection());
    return q.exec(QStringLiteral("PRAGMA ") + name) && q.next() ? q.value(0).toInt() : -1;
}
} // namespace

class TestCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaultPath_isPerGatewayAndAccount_inTheDataFolder() {
        const QString a =
            Cache::defaultPath(QUrl(QStringLiteral("https://gw.example.com")), QStringLiteral("usr_1"));
        const QString b =
            Cache::defaultPath(QUrl(QStringLiteral("https://gw.example.com")), QStringLiteral("usr_2"));
        const QString c =
            Cache::defaultPath(QUrl(QStringLiteral("http://127.0.0.1:8787")), QStringLiteral("usr_1"));
        QVERIFY(a != b && a != c);
        QVERIFY(a.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }

    void open_freshFile_hasCurrentSchemaInWalMode() {
        Cache cache(m_dir.filePath(QStringLiteral("fresh.sqlite")));
        QCOMPARE(cache.open().status, Cache::OpenStatus::Ok);
        QCOMPARE(pragma(cache, QStringLiteral("user_version")), Cache::schemaVersion());
        QSqlQuery q(cache.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    }

    void storeKeys_roundTripsEveryField_andTheCursor() {
        Cache cache(m_dir.filePath(QStringLiteral("roundtrip.sqlite")));
        QVERIFY(cache.open().status == Cache::OpenStatus::Ok);
        ApiKey full = sampleKey(QStringLiteral("key_full"));
        full.description = QStringLiteral("line one\nline two");
        full.type = KeyType::Customer;
        full.customerId = QStringLiteral("cus_1");
        full.status = KeyStatus::Revoked;
        full.lastUsedAt = 1764000100;
        full.expiresAt = 1764000200;
        full.revokedAt = 1764000300;
        full.revokedBy = PersonRef{QStringLiteral("usr_2"), QStringLiteral("Jonas Becker")};
        full.replacedBy = QStringLiteral("key_next");
        full.rateLimit = RateLimit{1000, 3600};
        const ApiKey bare = sampleKey(QStringLiteral("key_bare"));
        QVERIFY(cache.storeKeys({full, bare}, QStringLiteral("keys"), {QStringLiteral("c_7"), 1764000400}));
        QCOMPARE(cache.loadKey(QStringLiteral("key_full")), std::optional<ApiKey>(full));
        QCOMPARE(cache.loadKey(QStringLiteral("key_bare")), std::optional<ApiKey>(bare));
        QCOMPARE(cache.syncMark(QStringLiteral("keys")).cursor, QStringLiteral("c_7"));
        QCOMPARE(cache.lastSyncedAt(), UnixTime(1764000400));

        full.name = QStringLiteral("Renamed");
        QVERIFY(cache.storeKeys({full}));
        QCOMPARE(cache.loadKey(QStringLiteral("key_full"))->name, QStringLiteral("Renamed"));
        QCOMPARE(cache.keyCount(), 2);
    }

    // The cache's text is UTF-8 on disk and read back from its bytes: every script and an
    // emoji (outside the Basic Multilingual Plane) come back as they were stored.
    void loadKeys_readsTextInAnyScript() {
        Cache cache(m_dir.filePath(QStringLiteral("scripts.sqlite")));
        QVERIFY(cache.open().status == Cache::OpenStatus::Ok);
        ApiKey key = sampleKey(QStringLiteral("key_scripts"));
        key.name = QStringLiteral("Schlüssel für Müller – 東京 🔑");
        key.description = QStringLiteral("Ελληνικά, العربية, עברית");
        key.createdBy = PersonRef{QStringLiteral("usr_ü"), QStringLiteral("Zoë Ångström")};
        QVERIFY(cache.storeKeys({key}));
        QCOMPARE(cache.loadKeys(), QList<ApiKey>{key});
        QCOMPARE(cache.loadNewestKeys(1), QList<ApiKey>{key});
        QCOMPARE(cache.loadKey(QStringLiteral("key_scripts")), std::optional<ApiKey>(key));
    }

    void loadNewestKeys_returnsTheMostRecentOldestFirst() {
        QTemporaryDir dir;
        Cache cache(dir.filePath(QStringLiteral("c.sqlite")));
        QVERIFY(cache.open().status == Cache::OpenStatus::Ok);
        QList<ApiKey> keys;
        for (int i = 0; i < 5; ++i) {
            keys.append(sampleKey(QStringLiteral("key_%1").arg(i)));
            keys.last().createdAt = 1000 + i;
        }
        QVERIFY(cache.storeKeys(keys));
        QStringList ids;
        for (const ApiKey &k : cache.loadNewestKeys(2))
            ids.append(k.id);
        QCOMPARE(ids, (QStringList{QStringLiteral("key_3"), QStringLiteral("key_4")}));
        QCOMPARE(cache.loadNewestKeys(10).size(), 5);
    }

    // Values that repeat across keys are one shared string, not a string per key (issue 18).
    void loadKeys_sharesRepeatedValuesBetweenKeys() {
        QTemporaryDir dir;
        Cache cache(dir.filePath(QStringLiteral("c.sqlite")));
        QVERIFY(cache.open().status == Cache::OpenStatus::Ok);
        QList<ApiKey> keys{sampleKey(QStringLiteral("key_a")), sampleKey(QStringLiteral("key_b"))};
        keys[1].name = QStringLiteral("Another");
        for (ApiKey &k : keys) {
            k.type = KeyType::Customer;
            k.customerId = QStringLiteral("cus_acme");
        }
        QVERIFY(cache.storeKeys(keys));
        const QList<ApiKey> loaded = cache.loadKeys();
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded[0].createdBy, keys[0].createdBy);
        QCOMPARE(loaded[0].prefix, keys[0].prefix);
        QCOMPARE(loaded[1].customerId, keys[1].customerId);
        QVERIFY(!loaded[0].createdBy.name.isEmpty() && !loaded[0].customerId.isEmpty());
        QCOMPARE(loaded[1].createdBy.name.constData(), loaded[0].createdBy.name.constData());
        QCOMPARE(loaded[1].createdBy.id.constData(), loaded[0].createdBy.id.constData());
        QCOMPARE(loaded[1].prefix.constData(), loaded[0].prefix.constData());
        QCOMPARE(loaded[1].customerId.constData(), loaded[0].customerId.constData());
        QVERIFY(loaded[1].id.constData() != loaded[0].id.constData());
    }

    // Who revoked a key and who answers for it are unset on most keys: unset, each costs a
    // pointer pair, not a whole person (issue 18: 100,000 keys). Set, they round-trip,
    // compare by value, and a copy changed later leaves the original alone.
    void rarePeople_costLittleUnsetAndRoundTrip() {
        static_assert(sizeof(SharedOptional<PersonRef>) <= 2 * sizeof(void *));
        ApiKey key = sampleKey(QStringLiteral("key_rare"));
        QVERIFY(!key.revokedBy && !key.custodian);
        key.status = KeyStatus::Revoked;
        key.revokedAt = 2000;
        key.revokedBy = PersonRef{QStringLiteral("usr_2"), QStringLiteral("Dana")};
        key.custodian = PersonRef{QStringLiteral("usr_3"), QStringLiteral("Ravi")};
        QTemporaryDir dir;
        Cache cache(dir.filePath(QStringLiteral("c.sqlite")));
        QVERIFY(cache.open().status == Cache::OpenStatus::Ok);
        QVERIFY(cache.storeKeys({key}));
        const ApiKey loaded = cache.loadKeys().value(0);
        QCOMPARE(loaded, key); // separately made people, equal by value
        QCOMPARE(loaded.revokedBy->name, QStringLiteral("Dana"));
        QCOMPARE(custodianOf(loaded).id, QStringLiteral("usr_3"));

        ApiKey copy = loaded;
        copy.custodian = PersonRef{QStringLiteral("usr_4"), QStringLiteral("Mo")};
        copy.revokedBy.reset();
        QCOMPARE(loaded.custodian->name, QStringLiteral("Ravi"));
        QVERIFY(loaded.revokedBy);
        QVERIFY(!(copy == loaded));
    }

    void otherTables_roundTrip() {
        Cache cache(m_dir.filePath(QStringLiteral("tables.sqlite")));
        QVERIFY(cache.open().status == Cache::OpenStatus::Ok);
        QVERIFY(cache.replaceCustomers({{QStringLiteral("cus_b"), QStringLiteral("Beta"), 5},
                                        {QStringLiteral("cus_a"), QStringLiteral("alpha"), 6}},
                                       100));
        QCOMPARE(cache.loadCustomers().value(0).name, QStringLiteral("alpha"));
        QVERIFY(cache.replaceCustomers({{QStringLiteral("cus_c"), QStringLiteral("Gamma"), 7}}, 101));
        QCOMPARE(cache.loadCustomers().size(), 1);
        const TeamMember m{QStringLiteral("u1"),
                           QStringLiteral("a@b"),
                           QStringLiteral("A"),
                           QStringLiteral("member"),
                           {QStringLiteral("analytics.view")}};
        QVERIFY(cache.replaceTeam({m}, 102));
        QCOMPARE(cache.loadTeam(), QList<TeamMember>{m});
        const AuditEvent e{QStringLiteral("e1"),
                           50,
                           {QStringLiteral("u1"), QStringLiteral("A")},
                           QStringLiteral("key.created"),
                           QStringLiteral("key_1"),
                           QStringLiteral("{}")};
        QVERIFY(cache.storeAudit({e}, {QStringLiteral("a_1"), 103}));
        QCOMPARE(cache.loadAudit(), QList<AuditEvent>{e});
        UsageSeries s{BucketSize::Hour, {{3600, 5, 4, 1, 0, 99}, {7200, 0, 0, 0, 0, std::nullopt}}};
        QVERIFY(cache.storeUsage(QStringLiteral("all"), s, 104));
        QCOMPARE(cache.loadUsage(QStringLiteral("all"), BucketSize::Hour, 0, 7201).buckets, s.buckets);
        QCOMPARE(cache.loadUsage(QStringLiteral("all"), BucketSize::Hour, 0, 7200).buckets.size(), 1);
        QCOMPARE(cache.loadUsage(QStringLiteral("all"), BucketSize::Day, 0, 7201).buckets.size(), 0);

        // Final: ended at least usageSettleSeconds before the fetch; the bucket holding the
        // fetch time (and one just ended) may still change.
        const UnixTime fetchedAt = 3 * 3600 + 100;
        UsageSeries now{BucketSize::Hour,
                        {{3600, 1, 1, 0, 0, 10}, {7200, 2, 2, 0, 0, 20}, {10800, 3, 3, 0, 0, 30}}};
        QVERIFY(cache.storeUsage(QStringLiteral("key:k"), now, fetchedAt));
        QList<UnixTime> settled;
        QCOMPARE(cache.loadUsage(QStringLiteral("key:k"), BucketSize::Hour, 0, 14400, &settled).buckets,
                 now.buckets);
        QCOMPARE(settled, QList<UnixTime>{3600});

        UsageAnswer answer{100,
                           200,
                           300,
                           {{QStringLiteral("GET"), QStringLiteral("/api/v1/whoami"), 7, 1}},
                           {{QStringLiteral("key_1"), 7, 1, {3, 4}}},
                           false};
        QVERIFY(cache.storeUsageAnswer(QStringLiteral("slot"), answer));
        const std::optional<UsageAnswer> kept = cache.loadUsageAnswer(QStringLiteral("slot"));
        QVERIFY(kept);
        QVERIFY(kept->fromCache);
        QCOMPARE(kept->from, 100);
        QCOMPARE(kept->to, 200);
        QCOMPARE(kept->fetchedAt, 300);
        QCOMPARE(kept->endpoints.size(), 1);
        QCOMPARE(kept->endpoints.first().route, QStringLiteral("/api/v1/whoami"));
        QCOMPARE(kept->endpoints.first().errors, 1);
        QCOMPARE(kept->keys.size(), 1);
        QCOMPARE(kept->keys.first().requests, 7);
        // The series is kept too: the key table's sparklines draw from it offline.
        QCOMPARE(kept->keys.first().series, (QList<qint64>{3, 4}));
        QVERIFY(!cache.loadUsageAnswer(QStringLiteral("other")));
    }

    void migrate_fromEveryEarlierSchemaVersion_keepsTheData() {
        const QDir fixtures(QStringLiteral(KNOTIE_SOURCE_DIR "/tests/fixtures"));
        // One fixture per shipped schema, so every migration path is walked.
        for (int version = 1; version <= Cache::schemaVersion(); ++version) {
            const QString name = QStringLiteral("cache-v%1.sqlite").arg(version);
            QVERIFY2(fixtures.exists(name),
                     qPrintable(name + QStringLiteral(" is missing: run knotie-cache-fixture")));
            const QString copy = m_dir.filePath(name);
            QVERIFY(QFile::copy(fixtures.filePath(name), copy));
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
            Cache cache(copy);
            QCOMPARE(cache.open().status, Cache::OpenStatus::Ok);
            QCOMPARE(pragma(cache, QStringLiteral("user_version")), Cache::schemaVersion());
            const auto key = cache.loadKey(QStringLiteral("key_fixture"));
            QVERIFY(key);
            QCOMPARE(key->name, QStringLiteral("N8N Production"));
            QCOMPARE(key->rateLimit, std::optional<RateLimit>(RateLimit{100, 60}));
            // Before schema 4 the creator answered for every key.
            QCOMPARE(custodianOf(*key).id,
                     version >= 4 ? QStringLiteral("usr_jonas") : QStringLiteral("usr_owner"));
            QCOMPARE(cache.syncMark(QStringLiteral("keys")).cursor, QStringLiteral("fixture-cursor"));
            QCOMPARE(cache.loadCustomers().value(0).name, QStringLiteral("Acme"));
            QCOMPARE(cache.loadTeam().size(), 1);
            QCOMPARE(cache.loadAudit().size(), 1);
            // Buckets kept before schema 3 are not known to be final: asked for once more.
            QList<UnixTime> settled;
            const UsageSeries usage =
                cache.loadUsage(QStringLiteral("all"), BucketSize::Day, 1764028800, 1764115200, &settled);
            QCOMPARE(usage.buckets.size(), 1);
            QCOMPARE(usage.buckets.first().requests, 10);
            QCOMPARE(settled, version < 3 ? QList<UnixTime>() : QList<UnixTime>{1764028800});
            const std::optional<UsageAnswer> kept = cache.loadUsageAnswer(QStringLiteral("keys:day:86400"));
            QCOMPARE(kept.has_value(), version >= 3);
            if (kept) {
                QCOMPARE(kept->fetchedAt, 1764120000);
                QCOMPARE(kept->keys.size(), 1);
                QCOMPARE(kept->keys.first().errors, 2);
            }
            QVERIFY(cache.storeKeys({sampleKey(QStringLiteral("key_after_migration"))}));
            QVERIFY(cache.storeUsage(QStringLiteral("all"), usage, 1764200000));
        }
    }

    void randomBytes_areMovedAsideAndRebuilt_toldOnce() {
        const QString path = m_dir.filePath(QStringLiteral("damaged.sqlite"));
        QByteArray noise(64 * 1024, Qt::Uninitialized);
        QRandomGenerator(42).fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(noise);
        }
        {
            Cache cache(path);
            const Cache::OpenResult r = cache.open();
            QCOMPARE(r.status, Cache::OpenStatus::Rebuilt);
            QVERIFY(r.message.contains(QStringLiteral("damaged")));
            QVERIFY(QFile::exists(r.movedAsidePath));
            QCOMPARE(fileHash(r.movedAsidePath), QCryptographicHash::hash(noise, QCryptographicHash::Sha256));
            QVERIFY(cache.storeKeys({sampleKey(QStringLiteral("key_1"))}));
        }
        Cache again(path);
        const Cache::OpenResult r = again.open();
        QCOMPARE(r.status, Cache::OpenStatus::Ok);
        QVERIFY(r.message.isEmpty());
        QCOMPARE(again.keyCount(), 1);
    }

    void damagedPage_passesOpen_foundByTheIntegrityCheck_rebuilt() {
        const QString path = m_dir.filePath(QStringLiteral("damaged-page.sqlite"));
        QVERIFY(test::writeCacheWithDamagedPages(path));
        const QByteArray damaged = fileHash(path);

        Cache cache(path);
        QCOMPARE(cache.open().status, Cache::OpenStatus::Ok); // the header and schema are intact
        const Cache::OpenResult r = cache.checkIntegrity();
        QCOMPARE(r.status, Cache::OpenStatus::Rebuilt);
        QVERIFY(r.message.contains(QStringLiteral("damaged")));
        QCOMPARE(fileHash(r.movedAsidePath), damaged);
        QVERIFY(cache.isOpen());
        QCOMPARE(cache.keyCount(), 0);
        QCOMPARE(cache.checkIntegrity().status, Cache::OpenStatus::Ok);
    }

    void newerSchema_isRefused_andNotWritten() {
        const QString path = m_dir.filePath(QStringLiteral("newer.sqlite"));
        {
            Cache cache(path);
            QVERIFY(cache.open().status == Cache::OpenStatus::Ok);
            QSqlQuery q(cache.connection());
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(Cache::schemaVersion() + 1)));
        }
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        const QByteArray before = fileHash(path);
        const QDateTime modified = QFileInfo(path).lastModified();
        Cache cache(path);
        const Cache::OpenResult r = cache.open();
        QCOMPARE(r.status, Cache::OpenStatus::TooNew);
        QVERIFY(r.message.contains(QStringLiteral("newer version")));
        QVERIFY(!cache.isOpen());
        QCOMPARE(fileHash(path), before);
        QCOMPARE(QFileInfo(path).lastModified(), modified);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void twoWritersAtOnce_bothBatchesLand() {
        const QString path = m_dir.filePath(QStringLiteral("writers.sqlite"));
        {
            Cache cache(path);
            QVERIFY(cache.open().status == Cache::OpenStatus::Ok);
        }
        auto writer = [path](const QString &prefix, bool *ok) {
            Cache cache(path);
            *ok = cache.open().status == Cache::OpenStatus::Ok;
            for (int batch = 0; batch < 40 && *ok; ++batch) {
                QList<ApiKey> keys;
                for (int i = 0; i < 100; ++i)
                    keys.append(sampleKey(prefix + QString::number(batch * 100 + i)));
                *ok = cache.storeKeys(keys, prefix, {QString::number(batch), batch});
            }
        };
        bool okA = false, okB = false;
        std::unique_ptr<QThread> a(QThread::create(writer, QStringLiteral("a_"), &okA));
        std::unique_ptr<QThread> b(QThread::create(writer, QStringLiteral("b_"), &okB));
        a->start();
        b->start();
        QVERIFY(a->wait(60000) && b->wait(60000));
        QVERIFY(okA && okB);
        Cache cache(path);
        QVERIFY(cache.open().status == Cache::OpenStatus::Ok);
        QCOMPARE(cache.keyCount(), 8000);
        QCOMPARE(cache.syncMark(QStringLiteral("a_")).cursor, QStringLiteral("39"));
        QCOMPARE(cache.syncMark(QStringLiteral("b_")).cursor, QStringLiteral("39"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCache)
#include "tst_cache.moc"
