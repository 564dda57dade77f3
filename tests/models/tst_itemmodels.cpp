#include "models/items/keyfilterproxy.h"
#include "models/items/keytablemodel.h"
#include "models/items/listmodels.h"
#include "models/keys/keystore.h"
#include "models/sync/synccontroller.h"
#include "tests/support/keylistserver.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace knotie;
using namespace knotie::test;

namespace {
constexpr UnixTime now = 1764250000;

ApiKey key(const QString &id, const QString &name, KeyType type, KeyStatus status, UnixTime created) {
    ApiKey k;
    k.id = id;
    k.name = name;
    k.type = type;
    k.status = status;
    k.prefix = QStringLiteral("kn_") + keyTypeTag(type) + QLatin1Char('_');
    k.last4 = QStringLiteral("ab12");
    k.createdAt = created;
    k.createdBy = {QStringLiteral("usr_maya"), QStringLiteral("Maya Lindqvist")};
    return k;
}

QList<ApiKey> sampleKeys() {
    ApiKey customer = key(QStringLiteral("k3"), QStringLiteral("Acme sync"), KeyType::Customer,
                          KeyStatus::Active, now - 2 * 3600);
    customer.customerId = QStringLiteral("cus_acme");
    customer.createdBy = {QStringLiteral("usr_jonas"), QStringLiteral("Jonas Becker")};
    return {key(QStringLiteral("k1"), QStringLiteral("N8N Production"), KeyType::Partner, KeyStatus::Active,
                now - 3 * 86400),
            key(QStringLiteral("k2"), QStringLiteral("Old dashboard"), KeyType::ReadOnly, KeyStatus::Revoked,
                now - 40 * 86400),
            customer,
            key(QStringLiteral("k4"), QStringLiteral("Zapier hooks"), KeyType::Webhook, KeyStatus::Expiring,
                now - 10 * 60)};
}

QStringList column(const QAbstractItemModel &model, int col, int role = Qt::DisplayRole) {
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(model.index(r, col).data(role).toString());
    return out;
}
} // namespace

class TestItemModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void keyModel_showsColumnsAndRawSortValues() {
        KeyTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNow(now);
        model.setKeys(sampleKeys());
        model.setCustomers({{QStringLiteral("cus_acme"), QStringLiteral("Acme Corp"), 0}});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(KeyTableModel::ColumnCount));
        // The English plural comes from knotie_en.ts, which tests do not load.
        QCOMPARE(model.index(0, KeyTableModel::Created).data().toString(),
                 KeyTableModel::tr("%n day(s) ago", nullptr, 3));
        QCOMPARE(model.index(3, KeyTableModel::Created).data().toString(),
                 KeyTableModel::tr("%n minute(s) ago", nullptr, 10));
        QCOMPARE(relativeTime(now + 7200, now), KeyTableModel::tr("in %n hour(s)", nullptr, 2));
        QCOMPARE(model.index(0, KeyTableModel::Created).data(SortRole).toLongLong(), now - 3 * 86400);
        QCOMPARE(model.index(2, KeyTableModel::Customer).data().toString(), QStringLiteral("Acme Corp"));
        QCOMPARE(model.index(0, KeyTableModel::Key).data().toString(), QStringLiteral("kn_pk_\u2026ab12"));
        QCOMPARE(model.index(1, KeyTableModel::Status).data().toString(), QStringLiteral("Revoked"));
        QCOMPARE(model.index(0, KeyTableModel::LastUsed).data().toString(), QStringLiteral("Never"));
        QCOMPARE(model.headerData(KeyTableModel::CreatedBy, Qt::Horizontal).toString(),
                 QStringLiteral("Created by"));
        model.setUsage({{QStringLiteral("k1"), 6, 0, {1, 2, 3}}});
        QCOMPARE(model.index(0, KeyTableModel::Usage).data(SparklineRole).value<QList<qint64>>(),
                 (QList<qint64>{1, 2, 3}));
        QCOMPARE(model.index(0, KeyTableModel::Usage).data(SortRole).toLongLong(), 6);
    }

    // The gateway's clock a little ahead of ours: a key made a moment ago was never made "in a moment".
    void keyModel_timesThatHappenedAreNeverInTheFuture() {
        KeyTableModel model;
        model.setNow(now);
        ApiKey fresh = key(QStringLiteral("k9"), QStringLiteral("Fresh"), KeyType::ReadOnly,
                           KeyStatus::Active, now + 75);
        fresh.lastUsedAt = now + 20;
        fresh.expiresAt = now + 2 * 3600;
        model.setKeys({fresh});
        QCOMPARE(model.index(0, KeyTableModel::Created).data().toString(), QStringLiteral("just now"));
        QCOMPARE(model.index(0, KeyTableModel::LastUsed).data().toString(), QStringLiteral("just now"));
        QCOMPARE(elapsedTime(now + 3600, now), QStringLiteral("just now"));
        // An expiry is ahead by nature.
        QCOMPARE(model.index(0, KeyTableModel::Expires).data().toString(),
                 KeyTableModel::tr("in %n hour(s)", nullptr, 2));
    }

    // A revoked key says when and by whom, and its old expiry is no longer shown.
    void keyModel_revokedKeySaysWhenAndByWhom() {
        KeyTableModel model;
        model.setNow(now);
        ApiKey revoked = key(QStringLiteral("k8"), QStringLiteral("Gone"), KeyType::ReadOnly,
                             KeyStatus::Revoked, now - 5 * 86400);
        revoked.expiresAt = now + 23 * 3600;
        revoked.revokedAt = now - 2 * 3600;
        revoked.revokedBy = PersonRef{QStringLiteral("usr_dana"), QStringLiteral("Dana Okafor")};
        model.setKeys({revoked});
        QCOMPARE(model.index(0, KeyTableModel::Expires).data().toString(), QStringLiteral("—"));
        QCOMPARE(
            revokedText(revoked, now),
            QStringLiteral("Revoked %1 by Dana Okafor").arg(KeyTableModel::tr("%n hour(s) ago", nullptr, 2)));
        const QString tip = model.index(0, KeyTableModel::Expires).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(QStringLiteral("Revoked on ")) &&
                     tip.endsWith(QStringLiteral(" by Dana Okafor")),
                 qPrintable(tip));
        QCOMPARE(model.index(0, KeyTableModel::Status).data(Qt::ToolTipRole).toString(), tip);
        QCOMPARE(keyLabel(revoked), QStringLiteral("Gone (kn_rk_…ab12)"));
    }

    void keyModel_upsert_updatesInPlaceWithoutReset() {
        KeyTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKeys(sampleKeys());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        ApiKey renamed = sampleKeys()[2];
        renamed.name = QStringLiteral("Acme nightly sync");
        ApiKey added =
            key(QStringLiteral("k5"), QStringLiteral("New"), KeyType::Partner, KeyStatus::Active, now);
        model.upsertKeys({renamed, sampleKeys()[0], added});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1); // k1 came back unchanged: no signal for it
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(2, KeyTableModel::Name).data().toString(), QStringLiteral("Acme nightly sync"));
    }

    // The keys come from the data thread in a queued signal that still holds the list while
    // the store takes it: indexing them must not copy all 100,000 (issue 18).
    void keyStore_takesASharedListWithoutCopyingIt() {
        KeyTableModel model;
        const QList<ApiKey> keys = sampleKeys();
        model.setKeys(keys);
        QVERIFY(model.store()->keys().isSharedWith(keys));
        QCOMPARE(model.store()->indexOf(QStringLiteral("k3")), 2);
    }

    // The store's own index by id, grown one key at a time through its rehashes, then
    // rebuilt at once: every key is found where it is, and an id it does not hold is not.
    void keyStore_findsEveryKeyByItsId() {
        KeyStore store;
        QList<ApiKey> keys;
        for (int i = 0; i < 5000; ++i) {
            keys.append(key(QStringLiteral("key_%1").arg(i), QStringLiteral("Key %1").arg(i),
                            KeyType::Partner, KeyStatus::Active, now - i));
            store.upsertKeys({keys.last()});
        }
        const auto everyKeyFound = [&] {
            for (int i = 0; i < keys.size(); ++i)
                if (store.indexOf(keys.at(i).id) != i)
                    return false;
            return true;
        };
        QCOMPARE(store.size(), 5000);
        QVERIFY(everyKeyFound());
        QCOMPARE(store.indexOf(QStringLiteral("key_5000")), -1);
        QCOMPARE(store.indexOf(QString()), -1);

        store.setKeys(keys);
        QVERIFY(everyKeyFound());
        // An id given twice: the last one given is the one found, as before.
        store.setKeys({keys.at(0), keys.at(1), keys.at(0)});
        QCOMPARE(store.indexOf(keys.at(0).id), 2);
        QCOMPARE(store.indexOf(keys.at(1).id), 1);
        QCOMPARE(store.indexOf(keys.at(2).id), -1);
        store.setKeys({});
        QCOMPARE(store.indexOf(keys.at(0).id), -1);
    }

    void proxy_hidesRetiredByDefault_andFiltersByEveryField() {
        KeyTableModel model;
        model.setNow(now);
        KeyFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setKeyModel(&model);
        model.setKeys(sampleKeys());
        model.setCustomers({{QStringLiteral("cus_acme"), QStringLiteral("Acme Corp"), 0}});
        QCOMPARE(proxy.rowCount(), 3); // the revoked key is hidden
        proxy.setShowRetired(true);
        QCOMPARE(proxy.rowCount(), 4);
        proxy.setText(QStringLiteral("acme corp")); // the customer's name, any case
        QCOMPARE(column(proxy, KeyTableModel::Name), QStringList{QStringLiteral("Acme sync")});
        proxy.setText(QStringLiteral("jonas")); // the creator
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setText(QStringLiteral("kn_wk_")); // the prefix
        QCOMPARE(column(proxy, KeyTableModel::Name), QStringList{QStringLiteral("Zapier hooks")});
        proxy.setText({});
        proxy.setTypes({KeyType::Partner, KeyType::ReadOnly});
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setTypes({});
        proxy.setCustomer(QStringLiteral("cus_acme"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setCustomer({});
        proxy.setCreator(QStringLiteral("usr_maya"));
        QCOMPARE(proxy.rowCount(), 3);
    }

    // A view asks for all of a cell's roles at once: the answers are data()'s, through the
    // proxy too, and nothing for a cell that is not there.
    void multiData_answersAsDataDoes_throughTheProxyToo() {
        KeyTableModel model;
        model.setNow(now);
        model.setKeys(sampleKeys());
        KeyFilterProxy proxy;
        proxy.setKeyModel(&model);
        proxy.setShowRetired(true);
        const QList<int> roles{Qt::DisplayRole, Qt::ToolTipRole, Qt::DecorationRole,
                               IdRole,          KeyStatusRole,   SortRole};
        for (const QAbstractItemModel *m : {static_cast<const QAbstractItemModel *>(&model),
                                            static_cast<const QAbstractItemModel *>(&proxy)}) {
            for (int row = 0; row < m->rowCount(); ++row) {
                for (int column = 0; column < m->columnCount(); ++column) {
                    const QModelIndex index = m->index(row, column);
                    std::vector<QModelRoleData> asked(roles.begin(), roles.end());
                    index.multiData(asked);
                    for (const QModelRoleData &answer : asked)
                        QCOMPARE(answer.data(), index.data(answer.role()));
                }
            }
            std::vector<QModelRoleData> asked{QModelRoleData(Qt::DisplayRole)};
            asked.front().setData(QStringLiteral("stale"));
            m->multiData(m->index(m->rowCount(), 0), asked);
            QVERIFY(!asked.front().data().isValid());
        }
    }

    void proxy_search_narrowsWidensAndFollowsEveryChange() {
        KeyTableModel model;
        KeyFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setKeyModel(&model);
        proxy.setShowRetired(true);
        model.setKeys(sampleKeys());
        model.setCustomers({{QStringLiteral("cus_acme"), QStringLiteral("Acme Corp"), 0}});
        // Prepared on a pool thread, then used.
        QTRY_VERIFY(proxy.isSearchReady());
        proxy.setText(QStringLiteral("o"));
        const int withO = proxy.rowCount();
        QVERIFY(withO >= 2);
        proxy.setText(QStringLiteral("old")); // narrowing
        QCOMPARE(column(proxy, KeyTableModel::Name), QStringList{QStringLiteral("Old dashboard")});
        proxy.setText(QStringLiteral("o")); // and back
        QCOMPARE(proxy.rowCount(), withO);

        // A rename, with letters beyond ASCII: found by its new name in any case, not the old.
        ApiKey renamed = sampleKeys()[3];
        renamed.name = QStringLiteral("Ärger Straße Ωmega");
        model.upsertKeys({renamed});
        proxy.setText(QStringLiteral("äRGER STRAßE ω"));
        QCOMPARE(column(proxy, KeyTableModel::Name), QStringList{renamed.name});
        proxy.setText(sampleKeys()[3].name);
        QCOMPARE(proxy.rowCount(), 0);

        // A customer renamed: its keys are found by the new name.
        model.setCustomers({{QStringLiteral("cus_acme"), QStringLiteral("Globex"), 0}});
        proxy.setText(QStringLiteral("globex"));
        QCOMPARE(column(proxy, KeyTableModel::Name), QStringList{QStringLiteral("Acme sync")});
    }

    // Each keystroke starts from where the last search found each row: text typed on
    // can match further in, text erased can match further back.
    void proxy_search_findsMatchesFurtherInAndFurtherBack() {
        KeyTableModel model;
        KeyFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setKeyModel(&model);
        QList<ApiKey> keys;
        for (const QString &name :
             {QStringLiteral("Tabx ablex"), QStringLiteral("Abd"), QStringLiteral("Zed")}) {
            // Nothing else searched for holds these letters.
            keys.append(key(name, name, KeyType::Partner, KeyStatus::Active, now));
            keys.last().last4 = QStringLiteral("0000");
            keys.last().createdBy = {};
        }
        model.setKeys(keys);
        const auto names = [&] {
            QStringList shown = column(proxy, KeyTableModel::Name);
            shown.sort();
            return shown;
        };
        const QStringList both{QStringLiteral("Abd"), QStringLiteral("Tabx ablex")};
        const QStringList tab{QStringLiteral("Tabx ablex")};
        proxy.setText(QStringLiteral("ab"));
        QCOMPARE(names(), both);
        proxy.setText(QStringLiteral("abl")); // "ab" first at 1 in "tabx ablex", "abl" at 6
        QCOMPARE(names(), tab);
        proxy.setText(QStringLiteral("able"));
        QCOMPARE(names(), tab);
        proxy.setText(QStringLiteral("ab")); // erased: "ab" first at 1 again, not at 6
        QCOMPARE(names(), both);
        proxy.setText(QStringLiteral("abx")); // found only from the earlier place
        QCOMPARE(names(), tab);
        proxy.setText(QStringLiteral("a"));
        QCOMPARE(names(), both);
        proxy.setText(QStringLiteral("ta"));
        QCOMPARE(names(), tab);
        proxy.setText(QStringLiteral("d")); // neither longer nor shorter: searched afresh
        QCOMPARE(names(), (QStringList{QStringLiteral("Abd"), QStringLiteral("Zed")}));
        proxy.setText(QStringLiteral("zed"));
        QCOMPARE(names(), QStringList{QStringLiteral("Zed")});
        proxy.setText({});
        QCOMPARE(proxy.rowCount(), 3);
    }

    // A filter change is one layout change: the selected key stays selected and current
    // wherever it moves, and a key filtered out leaves the selection.
    void proxy_filterChange_keepsSelectionOnKeysStillShown() {
        KeyTableModel model;
        KeyFilterProxy proxy;
        proxy.setKeyModel(&model);
        proxy.setShowRetired(true);
        model.setKeys(sampleKeys());
        proxy.sort(KeyTableModel::Name, Qt::AscendingOrder);
        QItemSelectionModel selection(&proxy);
        const QModelIndex zapier = model.indexFromKey(QStringLiteral("k4"), &proxy);
        const QModelIndex acme = model.indexFromKey(QStringLiteral("k3"), &proxy);
        QCOMPARE(zapier.row(), 3);
        selection.setCurrentIndex(zapier, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        selection.select(acme, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);

        proxy.setText(
            QStringLiteral("d")); // N8N Production, Old dashboard, and Maya Lindqvist's Zapier hooks
        QCOMPARE(layouts.size(), 1);
        QCOMPARE(proxy.rowCount(), 3);
        QCOMPARE(model.keyFromIndex(selection.currentIndex()), QStringLiteral("k4"));
        QCOMPARE(selection.currentIndex().row(), 2);
        QCOMPARE(selection.selectedRows().size(), 1); // Acme sync is filtered out
        QCOMPARE(model.keyFromIndex(selection.selectedRows().constFirst()), QStringLiteral("k4"));

        proxy.setText(QStringLiteral("dd")); // no key matches any longer
        QCOMPARE(proxy.rowCount(), 0);
        QVERIFY(!selection.currentIndex().isValid());
        proxy.setText(QStringLiteral("ddd")); // the same rows: nothing announced
        QCOMPARE(layouts.size(), 2);
        QCOMPARE(inserted.size() + removed.size(), 0);
    }

    void proxy_statusFilter_showsRetiredStatusEvenWhenRetiredAreHidden() {
        KeyTableModel model;
        KeyFilterProxy proxy;
        proxy.setKeyModel(&model);
        model.setKeys(sampleKeys());
        proxy.setStatus(KeyStatus::Revoked);
        QCOMPARE(column(proxy, KeyTableModel::Name), QStringList{QStringLiteral("Old dashboard")});
        proxy.setStatus(KeyStatus::Expiring);
        QCOMPARE(column(proxy, KeyTableModel::Name), QStringList{QStringLiteral("Zapier hooks")});
        proxy.setStatus(std::nullopt);
        QCOMPARE(proxy.rowCount(), 3);
    }

    void proxy_sortsTimesAsTimes_notAsText() {
        KeyTableModel model;
        model.setNow(now);
        KeyFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setKeyModel(&model);
        proxy.setShowRetired(true);
        model.setKeys(sampleKeys());
        proxy.sort(KeyTableModel::Created, Qt::DescendingOrder);
        // As text, "3 days ago" < "Nov…" < "10 minutes ago" would be nonsense.
        QCOMPARE(column(proxy, KeyTableModel::Name),
                 (QStringList{QStringLiteral("Zapier hooks"), QStringLiteral("Acme sync"),
                              QStringLiteral("N8N Production"), QStringLiteral("Old dashboard")}));
        proxy.sort(KeyTableModel::Name, Qt::AscendingOrder);
        QCOMPARE(column(proxy, KeyTableModel::Name).first(), QStringLiteral("Acme sync"));
        proxy.sort(KeyTableModel::Type, Qt::AscendingOrder); // least privilege first
        QCOMPARE(column(proxy, KeyTableModel::Type).first(), QStringLiteral("Read-Only"));
        // A sync that renames a key keeps the order right.
        ApiKey k4 = sampleKeys()[3];
        k4.name = QStringLiteral("Aardvark");
        proxy.sort(KeyTableModel::Name, Qt::AscendingOrder);
        model.upsertKeys({k4});
        QCOMPARE(column(proxy, KeyTableModel::Name).first(), QStringLiteral("Aardvark"));
        // And a key that arrives later takes its place too.
        model.upsertKeys({key(QStringLiteral("k5"), QStringLiteral("Aa first"), KeyType::Partner,
                              KeyStatus::Active, now)});
        QCOMPARE(column(proxy, KeyTableModel::Name).first(), QStringLiteral("Aa first"));
        proxy.setText(QStringLiteral("a")); // a filter change re-sorts what it keeps the same way
        QCOMPARE(column(proxy, KeyTableModel::Name).mid(0, 2),
                 (QStringList{QStringLiteral("Aa first"), QStringLiteral("Aardvark")}));
    }

    void keyFromIndex_andIndexFromKey_workThroughTheProxy() {
        KeyTableModel model;
        KeyFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setKeyModel(&model);
        model.setKeys(sampleKeys());
        proxy.sort(KeyTableModel::Name, Qt::DescendingOrder);
        const QModelIndex first = proxy.index(0, KeyTableModel::Name);
        QCOMPARE(model.keyFromIndex(first), QStringLiteral("k4"));
        const QModelIndex back = model.indexFromKey(QStringLiteral("k3"), &proxy);
        QVERIFY(back.isValid());
        QCOMPARE(back.model(), &proxy);
        QCOMPARE(back.data().toString(), QStringLiteral("Acme sync"));
        QVERIFY(!model.indexFromKey(QStringLiteral("k2"), &proxy).isValid()); // revoked: filtered out
        QVERIFY(!model.indexFromKey(QStringLiteral("nope"), &proxy).isValid());
        QCOMPARE(model.indexFromKey(QStringLiteral("k2")).row(), 1);
    }

    void listModels_passTheTester_andUpdateInPlace() {
        CustomerModel customers;
        QAbstractItemModelTester t1(&customers, QAbstractItemModelTester::FailureReportingMode::QtTest);
        customers.setCustomers({{QStringLiteral("c1"), QStringLiteral("Acme"), 1}});
        QSignalSpy reset(&customers, &QAbstractItemModel::modelReset);
        customers.setCustomers({{QStringLiteral("c1"), QStringLiteral("Acme Corp"), 1},
                                {QStringLiteral("c2"), QStringLiteral("Beta"), 2}});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(column(customers, CustomerModel::Name),
                 (QStringList{QStringLiteral("Acme Corp"), QStringLiteral("Beta")}));

        TeamModel team;
        QAbstractItemModelTester t2(&team, QAbstractItemModelTester::FailureReportingMode::QtTest);
        team.setMembers({{QStringLiteral("u1"),
                          QStringLiteral("owner@demo.test"),
                          QStringLiteral("Maya"),
                          QStringLiteral("owner"),
                          {QStringLiteral("team.manage")}}});
        QCOMPARE(team.index(0, TeamModel::Role).data().toString(), QStringLiteral("Owner"));

        AuditModel audit;
        QAbstractItemModelTester t3(&audit, QAbstractItemModelTester::FailureReportingMode::QtTest);
        audit.setEvents({{QStringLiteral("e1"), 10, {}, QStringLiteral("key.created"), {}, {}}});
        audit.addEvents({{QStringLiteral("e2"), 20, {}, QStringLiteral("key.rotated"), {}, {}},
                         {QStringLiteral("e3"), 30, {}, QStringLiteral("key.revoked"), {}, {}}});
        QCOMPARE(column(audit, AuditModel::Action),
                 (QStringList{QStringLiteral("key.revoked"), QStringLiteral("key.rotated"),
                              QStringLiteral("key.created")}));

        UsageSeriesModel usage;
        QAbstractItemModelTester t4(&usage, QAbstractItemModelTester::FailureReportingMode::QtTest);
        usage.setSeries({BucketSize::Hour, {{3600, 5, 5, 0, 0, 10}, {7200, 0, 0, 0, 0, std::nullopt}}});
        QSignalSpy usageReset(&usage, &QAbstractItemModel::modelReset);
        usage.setSeries({BucketSize::Hour, {{3600, 6, 5, 1, 0, 10}, {7200, 1, 1, 0, 0, 4}}});
        QCOMPARE(usageReset.size(), 0); // same range: in place
        QCOMPARE(usage.index(0, UsageSeriesModel::Requests).data(SortRole).toLongLong(), 6);
        QVERIFY(!usage.index(1, UsageSeriesModel::P95).data().toString().isEmpty());
        usage.setSeries({BucketSize::Day, {{86400, 1, 1, 0, 0, 1}}});
        QCOMPARE(usageReset.size(), 1);
    }

    void keyModel_fedByTheWorker_syncUpdatesRowsWithoutReset() {
        KeyListServer server(40);
        QVERIFY(server.listen());
        QTemporaryDir dir;
        SyncController controller;
        KeyTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        connect(controller.worker(), &SyncWorker::keysLoaded, &model, &KeyTableModel::setKeys);
        connect(controller.worker(), &SyncWorker::keysChanged, &model, &KeyTableModel::upsertKeys);
        controller.start(dir.filePath(QStringLiteral("c.sqlite")), GatewayConnection(nullptr, server.url()),
                         SyncPart::Keys);
        QVERIFY(QTest::qWaitFor([&] { return model.rowCount() == 40; }, 20000));
        QVERIFY(QTest::qWaitFor([&] { return controller.state()->lastSyncedAt() != 0; }, 20000));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        server.change({7}, QStringLiteral("Renamed at the gateway"));
        controller.syncNow();
        QVERIFY(changed.wait(20000));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(
            model.index(model.rowOf(QStringLiteral("key_000007")), KeyTableModel::Name).data().toString(),
            QStringLiteral("Renamed at the gateway"));
    }
};

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
