#include "models/cache/cache.h"
#include "models/items/customertablemodel.h"
#include "models/items/keytablemodel.h"
#include "models/keys/keystore.h"
#include "models/session/session.h"
#include "models/sync/synccontroller.h"
#include "models/workspace/workspace.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/portalfixture.h"
#include "tests/support/portaltranslation.h"
#include "tests/support/screenshots.h"
#include "tests/support/testdatabase.h"
#include "tests/support/testkeys.h"
#include "ui/analytics/analyticspage.h"
#include "ui/analytics/attentionlist.h"
#include "ui/analytics/usagechartview.h"
#include "ui/customers/customerspage.h"
#include "ui/keys/createkeydialog.h"

#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLegendMarker>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace knotie;
using namespace knotie::test;

// The Analytics page against a real gateway with the demo account's history, plus a key
// whose every call this test made.
class TestAnalyticsPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        // The page remembers its range in QSettings: start from none.
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
        QStandardPaths::setTestModeEnabled(true);
        installPortalTranslation();
        QVERIFY(m_gateway.start());
        m_key = insertTestKey(gatewayDatabase(m_gateway), TestKeySpec(KeyType::ReadOnly));
        QVERIFY(!m_key.id.isEmpty());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), {{"X-API-Key", m_key.secret}}).status,
                     200);

        m_portal = std::make_unique<PortalFixture>(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(m_portal->ready(m_key.id));

        m_page = std::make_unique<AnalyticsPage>(m_portal->context());
        m_page->resize(1100, 760);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanupTestCase() {
        m_page.reset();
        m_portal.reset();
    }

    void setRange_reloadsWithFittingBuckets() {
        m_page->setRange(AnalyticsPage::RangeChoice::Day);
        QVERIFY(loaded());
        QCOMPARE(m_page->report()->range().bucket, BucketSize::Hour);
        QCOMPARE(m_page->report()->buckets().size(), 24);

        m_page->setRange(AnalyticsPage::RangeChoice::Month);
        QVERIFY(loaded());
        QCOMPARE(m_page->report()->range().to - m_page->report()->range().from, 30 * 86400);
        QCOMPARE(m_page->report()->buckets().size(), m_page->report()->range().bucketCount());
        // The demo account has 90 days of traffic: a chart, no empty-state message.
        QVERIFY(totalsOf(m_page->report()->buckets()).requests > 0);
        QVERIFY(m_page->chart()->message().isEmpty());
        const auto *summary = m_page->findChild<QLabel *>(QStringLiteral("usageSummary"));
        QVERIFY(summary->text().startsWith(QStringLiteral("Whole account, Last 30 days: ")));

        m_page->setRange(AnalyticsPage::RangeChoice::Quarter);
        QVERIFY(loaded());
        QCOMPARE(m_page->report()->range().to - m_page->report()->range().from, 90 * 86400);
        const auto *range = m_page->findChild<QComboBox *>(QStringLiteral("usageRange"));
        QCOMPARE(range->currentText(), QStringLiteral("Last 90 days"));
    }

    void setCustomRange_longerThanTheGatewayAnswers_comparedWithTheRangeBefore() {
        const QDate today = QDateTime::fromSecsSinceEpoch(m_portal->now(), Qt::UTC).date();
        m_page->setCustomRange(today.addDays(-499), today);
        QVERIFY(loaded());
        const UsageRange range = m_page->report()->range();
        QCOMPARE(range.bucket, BucketSize::Day);
        QCOMPARE(range.bucketCount(), 500);
        QCOMPARE(range.to, today.addDays(1).startOfDay(Qt::UTC).toSecsSinceEpoch());
        QCOMPARE(m_page->report()->buckets().size(), 500);
        QCOMPARE(m_page->report()->previousBuckets().size(), 500);
        QVERIFY(totalsOf(m_page->report()->buckets()).requests > 0);
        const QString totals = m_page->findChild<QLabel *>(QStringLiteral("usageTotals"))->text();
        QVERIFY2(totals.contains(QStringLiteral("the previous 500 days")), qPrintable(totals));
    }

    // "Last 7 days" of one customer: the same figure however the page was opened, however
    // wide, and on the Customers page (issue 14: 26,925 against 23,391; 3,575 against 4,029).
    void sameCustomerAndRange_sameTotalOnEveryPageAndWidth() {
        const QString northwind = QStringLiteral("cus_northwind");
        const qint64 expected = customerRequests(northwind, lastDays(m_portal->now(), 7));
        QVERIFY(expected > 0);
        QList<qint64> seen;
        // Opened and loaded before it is ever laid out (as "show usage" opens it), then narrow and wide.
        AnalyticsPage page(m_portal->context());
        page.setFilter(UsageFilter::forCustomer(northwind));
        page.setRange(AnalyticsPage::RangeChoice::Week);
        QVERIFY(QTest::qWaitFor([&] { return !page.report()->isLoading(); }, 30000));
        seen << totalsOf(page.report()->buckets()).requests;
        for (int width : {560, 1900}) {
            page.resize(width, 760);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            page.setRange(AnalyticsPage::RangeChoice::Week);
            QVERIFY(QTest::qWaitFor([&] { return !page.report()->isLoading(); }, 30000));
            QCOMPARE(page.report()->range().bucket, BucketSize::Hour);
            seen << totalsOf(page.report()->buckets()).requests;
        }
        QCOMPARE(seen, (QList<qint64>{expected, expected, expected}));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("usageTotals"))
                    ->text()
                    .contains(QStringLiteral("<b>Requests:</b> ") + QLocale().toString(expected)));
        // 90 days in days at any width, with the same total.
        const qint64 quarter = customerRequests(northwind, lastDays(m_portal->now(), 90));
        for (int width : {560, 1900}) {
            page.resize(width, 760);
            page.setRange(AnalyticsPage::RangeChoice::Quarter);
            QVERIFY(QTest::qWaitFor([&] { return !page.report()->isLoading(); }, 30000));
            QCOMPARE(page.report()->range().bucket, BucketSize::Day);
            QCOMPARE(totalsOf(page.report()->buckets()).requests, quarter);
        }

        CustomersPage customers(m_portal->context());
        customers.resize(900, 600);
        customers.show();
        auto *table = customers.findChild<QTableView *>(QStringLiteral("customerTable"));
        QVERIFY(table);
        const auto requestsShown = [&] {
            for (int row = 0; row < table->model()->rowCount(); ++row)
                if (table->model()->index(row, CustomerTableModel::Name).data().toString() ==
                    QStringLiteral("Northwind Logistics"))
                    return table->model()->index(row, CustomerTableModel::Requests).data().toString();
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(requestsShown(), QLocale().toString(expected), 20000);
    }

    void clickBucket_narrowsTheRangeToThatDayByTheHour() {
        m_page->setRange(AnalyticsPage::RangeChoice::Quarter);
        QVERIFY(loaded());
        QCOMPARE(m_page->report()->range().bucket, BucketSize::Day);
        const UnixTime day = m_page->report()->buckets().at(10).start;
        Q_EMIT m_page->chart()->bucketClicked(day, 86400);
        QVERIFY(loaded());
        QCOMPARE(m_page->report()->range(), (UsageRange{day, day + 86400, BucketSize::Hour}));
    }

    void showKey_filtersToThatKeyWithExactCounts() {
        m_page->setRange(AnalyticsPage::RangeChoice::Day);
        m_page->showKey(m_key.id);
        QCOMPARE(m_page->report()->filter(), UsageFilter::forKey(m_key.id));
        QVERIFY(loaded());
        const auto *filter = m_page->findChild<QComboBox *>(QStringLiteral("usageFilter"));
        QCOMPARE(filter->currentData().toString(), QStringLiteral("key:") + m_key.id);
        QCOMPARE(totalsOf(m_page->report()->buckets()), (UsageTotals{3, 3, 0, 0}));
        QVERIFY(m_page->summary().contains(QStringLiteral(": 3 requests, 0 errors")));
    }

    void export_writesTheShownBucketsAndTheChart() {
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("usage.csv"));
        QVERIFY(m_page->exportCsv(csvPath));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        // A header, one row per bucket, and the empty rest after the last CRLF.
        QCOMPARE(lines.size(), m_page->report()->buckets().size() + 2);
        QCOMPARE(lines.first(), QByteArray("start,requests,ok,client_errors,server_errors,p95_ms\r"));
        qint64 requests = 0;
        for (qsizetype i = 1; i + 1 < lines.size(); ++i)
            requests += lines.at(i).split(',').at(1).toLongLong();
        QCOMPARE(requests, 3);

        const QString pngPath = dir.filePath(QStringLiteral("usage.png"));
        QVERIFY(m_page->exportPng(pngPath));
        const QImage image(pngPath);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), m_page->chart()->width());
    }

    void legend_togglesASeries() {
        UsageChartView *chart = m_page->chart();
        // A click on a legend entry hides that band or line, a second shows it.
        auto *view = chart->findChild<QChartView *>(QStringLiteral("usageChart"));
        QVERIFY(view);
        QLegendMarker *latency = view->chart()->legend()->markers().at(3);
        QCOMPARE(latency->label(), QStringLiteral("p95 latency"));
        QVERIFY(latency->series()->isVisible());
        Q_EMIT latency->clicked();
        QVERIFY(!latency->series()->isVisible());
        Q_EMIT latency->clicked();
        QVERIFY(latency->series()->isVisible());
        QLegendMarker *clientErrors = view->chart()->legend()->markers().at(1);
        QCOMPARE(clientErrors->label(), QStringLiteral("Client errors (4xx)"));
        Q_EMIT clientErrors->clicked();
        QVERIFY(!clientErrors->series()->isVisible());
        Q_EMIT clientErrors->clicked();
        QVERIFY(clientErrors->series()->isVisible());
        QVERIFY(!chart->describeBucket(0).isEmpty());
        QCOMPARE(chart->bucketAt(qint64(m_page->report()->buckets().at(2).start + 1) * 1000), 2);
    }

    void attention_oneRowPerKey_fullReasons_actionsBeside() {
        auto *attention = m_page->findChild<QTreeWidget *>(QStringLiteral("attention"));
        QVERIFY(attention);
        // The test's key never expires: it is listed, once, with the whole reason and its actions.
        QTreeWidgetItem *mine = nullptr;
        int rows = 0;
        QVERIFY(QTest::qWaitFor(
            [&] {
                mine = nullptr;
                rows = 0;
                for (int i = 0; i < attention->topLevelItemCount(); ++i)
                    if (attention->topLevelItem(i)->data(0, Qt::UserRole + 1).toString() == m_key.id) {
                        mine = attention->topLevelItem(i);
                        ++rows;
                    }
                return mine != nullptr;
            },
            20000));
        QCOMPARE(rows, 1);
        const QString never = QStringLiteral("Never expires: rotate it to a key with an expiry date");
        QVERIFY2(mine->text(1).split(QLatin1Char('\n')).contains(never), qPrintable(mine->text(1)));
        QCOMPARE(mine->toolTip(1), mine->text(1));
        QVERIFY(attention->wordWrap());
        QCOMPARE(attention->textElideMode(), Qt::ElideNone);
        QWidget *actions = attention->itemWidget(mine, 2);
        QVERIFY(actions);
        QVERIFY(actions->findChild<QPushButton *>(QStringLiteral("rotate")));
        QVERIFY(actions->findChild<QPushButton *>(QStringLiteral("revoke")));
        QVERIFY(!actions->findChild<QPushButton *>(QStringLiteral("createReadOnly")));

        m_page->setFilter(UsageFilter());
        Q_EMIT attention->itemActivated(mine, 0);
        QCOMPARE(m_page->report()->filter(), UsageFilter::forKey(m_key.id));
        grabForDocs(m_page.get(), QStringLiteral("analytics-attention"));
        m_page->resize(1100, 760);
    }

    void attention_actionsRunInApiKeys_readOnlyKeyPrefilled() {
        MainWindow &window = m_portal->showWindow(Page::Analytics);
        auto *list = window.findChild<AttentionList *>();
        QVERIFY(list);
        const ApiKey *key = m_portal->workspace.keyStore()->find(m_key.id);
        QVERIFY(key);
        list->clear();
        list->addEntry({m_key.id, {AttentionReason::OnlyReads}}, keyLabel(*key));
        QWidget *actions = list->table()->itemWidget(list->table()->topLevelItem(0), 2);
        QVERIFY(actions);

        actions->findChild<QPushButton *>(QStringLiteral("createReadOnly"))->click();
        QCOMPARE(window.currentPage(), Page::ApiKeys);
        auto *create = window.findChild<CreateKeyDialog *>();
        QVERIFY(create);
        QCOMPARE(create->request().type, KeyType::ReadOnly);
        QCOMPARE(create->request().name, key->name + QStringLiteral(" (read-only)"));
        create->reject();

        window.showPage(Page::Analytics);
        actions->findChild<QPushButton *>(QStringLiteral("rotate"))->click();
        QCOMPARE(window.currentPage(), Page::ApiKeys);
        auto *rotate = window.findChild<QDialog *>(QStringLiteral("rotateKeyDialog"));
        QVERIFY(rotate);
        rotate->reject();
        window.hide();
    }

    void member_seesKeysByIdWithWhomToAsk_andNamesTheCacheHas() {
        PortalFixture member(m_gateway, QStringLiteral("member@demo.test"), {.open = false});
        QVERIFY(member.signedIn());
        QVERIFY(!Access::maySee(member.workspace.session()->account(), Page::ApiKeys));
        // A name the member's cache kept (from when they had settings access).
        {
            Cache cache(Cache::defaultPath(member.workspace.session()->gateway(),
                                           member.workspace.session()->account().user.id));
            QCOMPARE(cache.open().status, Cache::OpenStatus::Ok);
            QVERIFY(cache.storeKeys({keyById(m_key.id)}));
        }
        member.open();
        AnalyticsPage page(member.context());
        page.resize(1100, 760);
        page.show();
        page.setRange(AnalyticsPage::RangeChoice::Day);
        QVERIFY(QTest::qWaitFor(
            [&] { return !page.report()->isLoading() && !page.report()->isDetailsLoading(); }, 20000));

        const auto *filter = page.findChild<QComboBox *>(QStringLiteral("usageFilter"));
        QVERIFY(filter->findText(QStringLiteral("Key: ") + keyById(m_key.id).name, Qt::MatchStartsWith) >= 0);
        auto *top = page.findChild<QTreeWidget *>(QStringLiteral("topKeys"));
        QVERIFY(top->topLevelItemCount() > 0);
        QTreeWidgetItem *first = top->topLevelItem(0);
        const QString id = first->data(0, Qt::UserRole + 1).toString();
        QVERIFY(id != m_key.id); // the demo keys are busier
        QCOMPARE(first->text(0), id);
        QVERIFY(first->toolTip(0).contains(QStringLiteral("Ask Maya Lindqvist (owner@demo.test)")));
        // Activating the row shows that key's usage, named by its id, the reason a tooltip.
        Q_EMIT top->itemActivated(first, 0);
        QCOMPARE(page.report()->filter(), UsageFilter::forKey(id));
        QCOMPARE(filter->currentText(), QStringLiteral("Key: ") + id);
        QVERIFY(filter->itemData(filter->currentIndex(), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Ask Maya")));
        QVERIFY(QTest::qWaitFor([&] { return !page.report()->isLoading(); }, 20000));
        QCOMPARE(page.report()->buckets().size(), 24);
        QVERIFY(totalsOf(page.report()->buckets()).requests > 0);
        page.setFilter(UsageFilter());
        QVERIFY(QTest::qWaitFor(
            [&] { return !page.report()->isLoading() && !page.report()->isDetailsLoading(); }, 20000));
        const auto *note = page.findChild<QLabel *>(QStringLiteral("keyNamesNote"));
        QVERIFY(note->isVisibleTo(&page));
        QVERIFY(note->text().startsWith(QStringLiteral("Key names need access to API keys")));
        // The owner, who may list keys, is never told to ask for access.
        QVERIFY(QTest::qWaitFor([&] { return !m_page->report()->isDetailsLoading(); }, 20000));
        QVERIFY(!m_page->findChild<QLabel *>(QStringLiteral("keyNamesNote"))->isVisibleTo(m_page.get()));
        page.findChild<QTabWidget *>()->setCurrentWidget(top);
        page.setMinimumSize(1100, 760);
        grabForDocs(&page, QStringLiteral("analytics-member-keys"));
    }

    // Last: it stops the gateway.
    void offline_showsTheCachedChartAndSaysSinceWhen() {
        m_page->setFilter(UsageFilter());
        m_page->setRange(AnalyticsPage::RangeChoice::Week);
        QVERIFY(loaded());
        QVERIFY(QTest::qWaitFor([&] { return !m_page->report()->isDetailsLoading(); }, 20000));
        const QList<UsageBucket> online = m_page->report()->buckets();
        QVERIFY(!m_page->report()->fromCache());
        auto *endpoints = m_page->findChild<QTreeWidget *>(QStringLiteral("topEndpoints"));
        const int endpointRows = endpoints->topLevelItemCount();
        QVERIFY(endpointRows > 0);

        m_gateway.stop();
        m_portal->workspace.sync()->syncNow();
        QVERIFY(QTest::qWaitFor([&] { return m_portal->workspace.connectionState()->isOffline(); }, 30000));
        const auto *status = m_page->findChild<QLabel *>(QStringLiteral("usageStatus"));
        QVERIFY(status->isVisibleTo(m_page.get()));
        QVERIFY(status->text().startsWith(QStringLiteral("Offline since ")));

        m_page->setRange(AnalyticsPage::RangeChoice::Day);
        m_page->setRange(AnalyticsPage::RangeChoice::Week);
        QVERIFY(QTest::qWaitFor(
            [&] { return !m_page->report()->isLoading() && !m_page->report()->isDetailsLoading(); }, 30000));
        QVERIFY(m_page->report()->fromCache());
        QCOMPARE(m_page->report()->buckets(), online);
        // The tables show their last answers, and say from when.
        QCOMPARE(endpoints->topLevelItemCount(), endpointRows);
        QVERIFY(status->text().contains(QStringLiteral("The tables beside the chart are from ")));
        m_page->setMinimumSize(1100, 760);
        grabForDocs(m_page.get(), QStringLiteral("analytics-offline"));
    }

private:
    // Until the gateway has answered (or failed) for every bucket of the range.
    bool loaded() const {
        return QTest::qWaitFor([&] { return !m_page->report()->isLoading(); }, 30000);
    }

    // The gateway's own count of one customer's requests in `range`, hour by hour.
    qint64 customerRequests(const QString &customerId, const UsageRange &range) const {
        const auto time = [](UnixTime t) {
            return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate);
        };
        const QByteArray token = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        const QJsonArray series =
            m_gateway
                .get(QStringLiteral("/v1/usage?from=%1&to=%2&bucket=hour&customer_id=%3")
                         .arg(time(range.from), time(range.to), customerId),
                     GatewayProcess::bearer(token))
                .json()
                .value(QStringLiteral("series"))
                .toArray();
        qint64 sum = 0;
        for (const QJsonValue &b : series)
            sum += b.toObject().value(QStringLiteral("requests")).toInteger();
        return sum;
    }

    ApiKey keyById(const QString &id) const {
        const KeyTableModel *model = m_portal->workspace.keyModel();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->keyAt(row).id == id)
                return model->keyAt(row);
        return {};
    }

    QString keyName() const {
        const KeyTableModel *model = m_portal->workspace.keyModel();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->keyAt(row).id == m_key.id)
                return model->keyAt(row).maskedSecret();
        return m_key.id;
    }

    QTemporaryDir m_config;
    GatewayProcess m_gateway;
    TestKey m_key;
    std::unique_ptr<PortalFixture> m_portal;
    std::unique_ptr<AnalyticsPage> m_page;
};

QTEST_MAIN(TestAnalyticsPage)
#include "tst_analyticspage.moc"
