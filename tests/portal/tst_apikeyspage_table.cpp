#include "models/items/itemroles.h"
#include "models/items/keyfilterproxy.h"
#include "models/items/keytablemodel.h"
#include "models/workspace/workspace.h"
#include "tests/portal/apikeyspagefixture.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/keyboard.h"
#include "tests/support/screenshots.h"
#include "ui/keys/keytabledelegate.h"
#include "ui/pages/apikeyspage.h"
#include "ui/widgets/secretclipboard.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace knotie;
using namespace knotie::test;

// The key table and its filters against a real gateway process: how the table is drawn and laid out,
// what search, filters, the keyboard and the export reach.
class TestApiKeysPageTable : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareKeysPageTests();
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
    }

    // The delegate shapes a cell's text once where Qt's own path shapes it three times;
    // what it draws must not differ from Qt's, whether the text fits or is elided.
    void keyTable_cellTextIsDrawnAsQtDrawsIt_data() {
        QTest::addColumn<int>("nameWidth");
        QTest::newRow("fits") << 320;
        QTest::newRow("elided") << 90;
    }
    void keyTable_cellTextIsDrawnAsQtDrawsIt() {
        QFETCH(int, nameWidth);
        KeyTableModel model;
        ApiKey key;
        key.id = QStringLiteral("key_1");
        key.name = QStringLiteral("Northwind Dispatch Agent");
        model.setKeys({key});
        QTableView view;
        view.setModel(&model);
        view.setWordWrap(false); // as the page sets it: one line per row
        view.resize(700, 120);
        view.setColumnWidth(KeyTableModel::Name, nameWidth);
        view.setCurrentIndex({});
        const auto drawnBy = [&](QAbstractItemDelegate *delegate) {
            view.setItemDelegate(delegate);
            const QRect cell = view.visualRect(model.index(0, KeyTableModel::Name));
            return cell.isEmpty() ? QImage() : view.viewport()->grab(cell).toImage();
        };
        QStyledItemDelegate qts;
        KeyTableDelegate ours(&model);
        const auto drawnAsQtDrawsIt = [&] {
            const QImage expected = drawnBy(&qts);
            return !expected.isNull() && drawnBy(&ours) == expected;
        };
        QVERIFY(drawnAsQtDrawsIt());
        // Again, from the shaped text the delegate keeps; selected; then at another width,
        // where the kept text is elided anew.
        QVERIFY(drawnAsQtDrawsIt());
        view.selectRow(0);
        QVERIFY(drawnAsQtDrawsIt());
        view.setColumnWidth(KeyTableModel::Name, nameWidth - 30);
        QVERIFY(drawnAsQtDrawsIt());
    }

    // With no widths remembered, the columns fit the table as first shown (a scroll bar's
    // room kept) if they can; the widths the person then sets are the ones the next window
    // opens with.
    void columns_fitTheTableWhenFirstShownIfTheyCan_thenStayAsLeft() {
        QSettings().remove(QStringLiteral("apiKeys/tableHeader"));
        QNetworkAccessManager network;
        Workspace workspace(&network, nullptr);
        SecretClipboard clipboard;
        {
            ApiKeysPage page(PageContext{&workspace, nullptr, &clipboard});
            page.resize(1180, 760);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            QTableView *table = page.table();
            const int scrollBar = table->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, table);
            QHeaderView *header = table->horizontalHeader();
            // Until keys come, the table waits behind a message, at the width it will have.
            const int room =
                page.findChild<QStackedWidget *>()->width() - 2 * table->frameWidth() - scrollBar;
            QVERIFY2(header->length() <= room,
                     qPrintable(QStringLiteral("%1 > %2").arg(header->length()).arg(room)));
            QVERIFY(header->sectionSize(KeyTableModel::Status) >= 110);
            header->resizeSection(KeyTableModel::Status, 300);
            page.hide();
        }
        ApiKeysPage again(PageContext{&workspace, nullptr, &clipboard});
        again.resize(1180, 760);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.table()->horizontalHeader()->sectionSize(KeyTableModel::Status), 300);
        again.hide();

        // Too narrow for all of them: they keep their widths, readable, and scroll sideways.
        QSettings().remove(QStringLiteral("apiKeys/tableHeader"));
        ApiKeysPage narrow(PageContext{&workspace, nullptr, &clipboard});
        const int statusWidth = narrow.table()->horizontalHeader()->sectionSize(KeyTableModel::Status);
        narrow.resize(800, 600);
        narrow.show();
        QVERIFY(QTest::qWaitForWindowExposed(&narrow));
        QCOMPARE(narrow.table()->horizontalHeader()->sectionSize(KeyTableModel::Status), statusWidth);
        narrow.hide();
        QSettings().remove(QStringLiteral("apiKeys/tableHeader"));
    }

    void searchAndFilters_narrowTheTable() {
        const CreatedKey zebra = createKey(QStringLiteral("Searchable Zebra"));
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(zebra.id));
        QTRY_VERIFY_WITH_TIMEOUT(f.page->proxy()->rowCount() > 3, 5000);
        auto *search = f.page->findChild<QLineEdit *>(QStringLiteral("keySearch"));
        const int all = f.page->proxy()->rowCount();
        auto *clear = search->findChild<QAction *>(QStringLiteral("clearSearch"));
        QVERIFY(!clear->isVisible());
        QTest::keyClicks(search, QStringLiteral("zebra"));
        QCOMPARE(f.page->proxy()->rowCount(), 1);
        QVERIFY(clear->isVisible());
        clear->trigger();
        QCOMPARE(f.page->proxy()->rowCount(), all);
        QTest::keyClicks(search, QStringLiteral("zebra"));
        search->setFocus();
        QTest::keyClick(search, Qt::Key_Escape);
        QVERIFY(search->text().isEmpty());
        auto *type = f.page->findChild<QComboBox *>(QStringLiteral("typeFilter"));
        type->setCurrentIndex(type->findData(int(KeyType::Webhook)));
        for (int r = 0; r < f.page->proxy()->rowCount(); ++r)
            QCOMPARE(f.page->proxy()->index(r, 0).data(KeyTypeRole).toInt(), int(KeyType::Webhook));
        type->setCurrentIndex(0);
        auto *status = f.page->findChild<QComboBox *>(QStringLiteral("statusFilter"));
        status->setCurrentIndex(status->findData(int(KeyStatus::Revoked)));
        QVERIFY(f.page->proxy()->rowCount() > 0); // revoked keys show when asked for, toggle or not
        for (int r = 0; r < f.page->proxy()->rowCount(); ++r)
            QCOMPARE(f.page->proxy()->index(r, 0).data(KeyStatusRole).toInt(), int(KeyStatus::Revoked));
        status->setCurrentIndex(0);
        auto *creator = f.page->findChild<QComboBox *>(QStringLiteral("creatorFilter"));
        QTRY_VERIFY_WITH_TIMEOUT(creator->findData(QStringLiteral("usr_jonas")) > 0, 5000);
        creator->setCurrentIndex(creator->findData(QStringLiteral("usr_jonas")));
        QVERIFY(f.page->proxy()->rowCount() > 0);
        for (int r = 0; r < f.page->proxy()->rowCount(); ++r)
            QCOMPARE(f.page->proxy()->index(r, KeyTableModel::CreatedBy).data().toString(),
                     QStringLiteral("Jonas Becker"));
    }

    void keyboard_tabVisitsEveryControlInTheOrderSeen_eachNamed() {
        const CreatedKey key = createKey(QStringLiteral("Reached By Tab"));
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(key.id));
        f.page->selectKeys({key.id}); // an active key: every action but "linked key" applies
        f.page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(f.page));
        QWidget *widget = f.page->findChild<QWidget *>(QStringLiteral("createKeyButton"));
        widget->setFocus();
        QStringList visited;
        while (widget && widget != f.page->table() && visited.size() < 30) {
            const QString name = spokenName(widget);
            QVERIFY2(!name.isEmpty(), widget->metaObject()->className());
            visited << name;
            QTest::keyClick(widget, Qt::Key_Tab);
            widget = QApplication::focusWidget();
        }
        QCOMPARE(widget, f.page->table());
        QCOMPARE(visited,
                 (QStringList{QStringLiteral("Create API Key"), QStringLiteral("Rotate…"),
                              QStringLiteral("Revoke…"), QStringLiteral("Rename and Describe…"),
                              QStringLiteral("Change Limits…"), QStringLiteral("Copy Key ID"),
                              QStringLiteral("Key Details…"), QStringLiteral("Show Usage"),
                              QStringLiteral("Show History"), QStringLiteral("Export to CSV…"),
                              QStringLiteral("Search keys"), QStringLiteral("Filter by type"),
                              QStringLiteral("Filter by status"), QStringLiteral("Filter by creator"),
                              QStringLiteral("Show revoked and expired")}));
    }

    void export_writesTheVisibleRowsAndNoSecret() {
        const CreatedKey created = createKey(QStringLiteral("Exported, \"quoted\""));
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready(created.id));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keys.csv"));
        QSignalSpy exported(f.page, &ApiKeysPage::exported);
        f.page->exportTo(path);
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.at(0).at(0).toString(), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(csv.startsWith("id,name,description,type"));
        QVERIFY(csv.contains("\"Exported, \"\"quoted\"\"\""));
        QVERIFY(csv.contains(created.id.toLatin1()));
        QVERIFY(!csv.contains(created.secret));
        QVERIFY(!csv.contains(created.secret.left(20)));
        QCOMPARE(csv.count("\r\n"), qsizetype(f.page->proxy()->rowCount() + 1));
    }

    void tenThousandKeys_allListedAndSearchable() {
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"), {.open = false});
        QVERIFY(f.signedIn());
        QList<ApiKey> keys;
        const UnixTime now = QDateTime::currentSecsSinceEpoch();
        const QStringList names{QStringLiteral("N8N Production"), QStringLiteral("Zapier Webhooks"),
                                QStringLiteral("Internal Dashboard"), QStringLiteral("Onboarding Script")};
        for (int i = 0; i < 10000; ++i) {
            ApiKey k;
            k.id = QStringLiteral("key_gen_%1").arg(i, 5, 10, QLatin1Char('0'));
            k.type = allKeyTypes[size_t(i % 4)];
            k.name = QStringLiteral("%1 %2").arg(names[i % 4]).arg(i);
            k.customerId = k.type == KeyType::Customer ? QStringLiteral("cus_northwind") : QString();
            k.prefix = QStringLiteral("kn_") + keyTypeTag(k.type) + QLatin1Char('_');
            k.last4 = QStringLiteral("%1").arg(i % 10000, 4, 10, QLatin1Char('0'));
            k.status = i % 50 == 7 ? KeyStatus::Expiring : KeyStatus::Active;
            k.createdAt = now - i * 600;
            k.createdBy = {QStringLiteral("usr_maya"), QStringLiteral("Maya Lindqvist")};
            k.lastUsedAt = i % 3 ? now - i * 60 : 0;
            k.expiresAt = k.status == KeyStatus::Expiring ? now + 5 * 3600 : now + (90 - i % 90) * 86400;
            keys.append(k);
        }
        f.workspace.keyModel()->setCustomers(
            {{QStringLiteral("cus_northwind"), QStringLiteral("Northwind Logistics"), 0}});
        f.workspace.keyModel()->setKeys(keys);
        QList<KeyUsage> usage;
        for (int i = 0; i < 40; ++i)
            usage.append({keys[i].id, 0, 0, {i * 3LL % 17, 9, i % 5 * 4LL, 12, 20, i % 7 * 3LL, 15}});
        f.workspace.keyModel()->setUsage(usage);
        QCOMPARE(f.page->proxy()->rowCount(), 10000);
        QTest::keyClicks(f.page->findChild<QLineEdit *>(QStringLiteral("keySearch")),
                         QStringLiteral("webhooks 97"));
        // 97, 977, 9701…9797 (every fourth is a webhook key): counted as a person would.
        const int expected = int(std::count_if(keys.begin(), keys.end(), [](const ApiKey &k) {
            return k.name.startsWith(QStringLiteral("Zapier Webhooks 97"));
        }));
        QVERIFY(expected > 1);
        QCOMPARE(f.page->proxy()->rowCount(), expected);
        f.page->findChild<QLineEdit *>(QStringLiteral("keySearch"))->clear();
        f.page->resize(1180, 700);
        QVERIFY(grabForDocs(f.page, QStringLiteral("api-keys-10000")));
    }

    void overviewFilter_showsTheKeysTheCountCounted() {
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(f.ready());
        KeyFilter noExpiry;
        noExpiry.condition = KeyFilter::Condition::NoExpiry;
        f.page->applyFilter(noExpiry);
        const UnixTime now = QDateTime::currentSecsSinceEpoch();
        int counted = 0;
        for (int r = 0; r < f.workspace.keyModel()->rowCount(); ++r)
            counted += noExpiry.matches(f.workspace.keyModel()->keyAt(r), now) ? 1 : 0;
        QVERIFY(counted > 0);
        QCOMPARE(f.page->proxy()->rowCount(), counted);
        auto *note = f.page->findChild<QLabel *>(QStringLiteral("conditionFilter"));
        QVERIFY(!note->isHidden());
        QVERIFY(note->text().contains(QStringLiteral("Without expiry")));
        Q_EMIT note->linkActivated(QStringLiteral("clear"));
        QVERIFY(note->isHidden());
        QVERIFY(f.page->proxy()->rowCount() > counted);
    }

private:
    CreatedKey createKey(const QString &name) const { return createReadOnlyKey(m_gateway, m_owner, name); }

    GatewayProcess m_gateway;
    QByteArray m_owner;
};

QTEST_MAIN(TestApiKeysPageTable)
#include "tst_apikeyspage_table.moc"
