#include "models/items/customertablemodel.h"
#include "models/sync/connectionstate.h"
#include "models/sync/synccontroller.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/portalfixture.h"
#include "tests/support/portaltranslation.h"
#include "ui/keys/createkeydialog.h"
#include "ui/keys/secretrevealdialog.h"
#include "ui/widgets/timeaxis.h"

#include <QApplication>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace knotie;
using namespace knotie::test;

// The Customers page against a real gateway, for each combination of permissions.
class TestCustomersPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(installPortalTranslation());
        setConfirmDiscardFunction([](QWidget *) { return true; });
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
        const QJsonArray customers =
            m_gateway.get(QStringLiteral("/v1/customers"), GatewayProcess::bearer(m_owner))
                .json()
                .value(QStringLiteral("customers"))
                .toArray();
        for (const QJsonValue &c : customers)
            m_customers.insert(c.toObject().value(QStringLiteral("name")).toString(),
                               c.toObject().value(QStringLiteral("id")).toString());
        QVERIFY(m_customers.contains(QStringLiteral("Northwind Logistics")));
    }

    void owner_tableShowsKeysAndRequestsAsTheGatewayCountsThem() {
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready());
        portal.showWindow(Page::Customers);
        QTableView *table = customerTable(portal);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), int(m_customers.size()), 20000);
        QVERIFY(!table->isColumnHidden(CustomerTableModel::Keys));
        QVERIFY(!table->isColumnHidden(CustomerTableModel::Requests));

        portal.window->findChild<QLineEdit *>(QStringLiteral("customerSearch"))
            ->setText(QStringLiteral("NORTH"));
        QCOMPARE(table->model()->rowCount(), 1);
        const QString northwind = m_customers.value(QStringLiteral("Northwind Logistics"));
        QCOMPARE(cell(table, 0, CustomerTableModel::Name), QStringLiteral("Northwind Logistics"));
        QCOMPARE(cell(table, 0, CustomerTableModel::Keys), QString::number(workingCustomerKeys(northwind)));
        const QString requests = QLocale().toString(requestsLast7Days(northwind, portal.now()));
        QTRY_COMPARE_WITH_TIMEOUT(cell(table, 0, CustomerTableModel::Requests), requests, 20000);
    }

    void owner_sortByKeysPutsTheCustomerWithMostKeysFirst() {
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready());
        portal.showWindow(Page::Customers);
        QTableView *table = customerTable(portal);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), int(m_customers.size()), 20000);
        QString most;
        int mostKeys = -1;
        for (auto it = m_customers.cbegin(); it != m_customers.cend(); ++it)
            if (const int n = workingCustomerKeys(it.value()); n > mostKeys) {
                mostKeys = n;
                most = it.key();
            }
        table->sortByColumn(CustomerTableModel::Keys, Qt::DescendingOrder);
        QCOMPARE(cell(table, 0, CustomerTableModel::Name), most);
        table->sortByColumn(CustomerTableModel::Name, Qt::AscendingOrder);
        QCOMPARE(cell(table, 0, CustomerTableModel::Name), m_customers.firstKey());
    }

    void owner_createCustomerKeyPreselectsTheCustomerAndAddsTheKey() {
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready());
        portal.showWindow(Page::Customers);
        QTableView *table = customerTable(portal);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), int(m_customers.size()), 20000);
        portal.window->findChild<QLineEdit *>(QStringLiteral("customerSearch"))
            ->setText(QStringLiteral("Copperleaf"));
        table->setCurrentIndex(table->model()->index(0, 0));
        auto *keys = portal.window->findChild<QTableView *>(QStringLiteral("customerKeys"));
        QVERIFY(keys);
        const QString copperleaf = m_customers.value(QStringLiteral("Copperleaf Law Group"));
        QTRY_COMPARE(keys->model()->rowCount(), workingCustomerKeys(copperleaf));
        const int before = keys->model()->rowCount();
        // Its usage chart reads days as every chart does, a whole number of days apart.
        auto *usage = portal.window->findChild<QChartView *>(QStringLiteral("customerUsage"));
        QVERIFY(usage);
        auto *days = qobject_cast<QDateTimeAxis *>(usage->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(days);
        QTRY_VERIFY_WITH_TIMEOUT(days->min().secsTo(days->max()) >= 7 * 86400, 20000);
        QCOMPARE(days->format(), chartDayFormat());
        QCOMPARE(days->min().secsTo(days->max()) % (86400 * (days->tickCount() - 1)), 0);

        portal.window->findChild<QPushButton *>(QStringLiteral("createCustomerKey"))->click();
        CreateKeyDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = portal.window->findChild<CreateKeyDialog *>()));
        QCOMPARE(dialog->request().type, KeyType::Customer);
        QCOMPARE(dialog->request().customerId, copperleaf);
        dialog->setName(QStringLiteral("Copperleaf intake form"));
        dialog->accept();
        SecretRevealDialog *reveal = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((reveal = portal.window->findChild<SecretRevealDialog *>()), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(keys->model()->rowCount(), before + 1, 20000);
        QCOMPARE(workingCustomerKeys(copperleaf), before + 1);
        reveal->reject();
    }

    void admin_seesKeysAndMayCreateThem() {
        PortalFixture portal(m_gateway, QStringLiteral("admin@demo.test"));
        QVERIFY(portal.ready());
        portal.showWindow(Page::Customers);
        QTRY_COMPARE_WITH_TIMEOUT(customerTable(portal)->model()->rowCount(), int(m_customers.size()), 20000);
        QVERIFY(!customerTable(portal)->isColumnHidden(CustomerTableModel::Keys));
        QVERIFY(portal.window->findChild<QPushButton *>(QStringLiteral("createCustomerKey")));
        QVERIFY(portal.window->findChild<QTableView *>(QStringLiteral("customerKeys")));
    }

    void memberWithOnlyCustomers_seesCustomersWithoutKeysOrUsage() {
        setMemberPermissions(R"(["customers.view"])");
        PortalFixture portal(m_gateway, QStringLiteral("member@demo.test"));
        QVERIFY(portal.ready());
        portal.showWindow(Page::Customers);
        QTRY_COMPARE_WITH_TIMEOUT(customerTable(portal)->model()->rowCount(), int(m_customers.size()), 20000);
        QVERIFY(customerTable(portal)->isColumnHidden(CustomerTableModel::Keys));
        QVERIFY(customerTable(portal)->isColumnHidden(CustomerTableModel::Requests));
        QVERIFY(!portal.window->findChild<QPushButton *>(QStringLiteral("createCustomerKey")));
        QVERIFY(!portal.window->findChild<QTableView *>(QStringLiteral("customerKeys")));
        QVERIFY(portal.window->findChild<QLabel *>(QStringLiteral("customerKeysHidden")));
        QVERIFY(portal.window->findChild<QLabel *>(QStringLiteral("customerUsageHidden")));
        setMemberPermissions(R"(["analytics.view","customers.view"])");
    }

    void grant_whileOpenShowsKeysAndCreate() {
        setMemberPermissions(R"(["customers.view"])");
        PortalFixture portal(m_gateway, QStringLiteral("member@demo.test"));
        QVERIFY(portal.ready());
        portal.showWindow(Page::Customers);
        QTRY_COMPARE_WITH_TIMEOUT(customerTable(portal)->model()->rowCount(), int(m_customers.size()), 20000);
        QVERIFY(!portal.window->findChild<QPushButton *>(QStringLiteral("createCustomerKey")));
        setMemberPermissions(R"(["settings.manage","customers.view"])");
        portal.workspace.sync()->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(portal.window->findChild<QPushButton *>(QStringLiteral("createCustomerKey")),
                                 20000);
        QVERIFY(!customerTable(portal)->isColumnHidden(CustomerTableModel::Keys));
        QVERIFY(customerTable(portal)->isColumnHidden(CustomerTableModel::Requests));
        QVERIFY(!portal.window->findChild<QLabel *>(QStringLiteral("customerKeysHidden")));
        setMemberPermissions(R"(["analytics.view","customers.view"])");
    }

    void memberWithNothing_isToldWhomToAsk() {
        setMemberPermissions("[]");
        PortalFixture portal(m_gateway, QStringLiteral("member@demo.test"));
        QVERIFY(portal.ready());
        portal.showWindow(Page::Customers);
        QVERIFY(!customerTable(portal));
        auto *message = portal.window->findChild<QLabel *>(QStringLiteral("accessDeniedMessage"));
        QVERIFY(message);
        QVERIFY(message->text().contains(QStringLiteral("Maya Lindqvist")));
        setMemberPermissions(R"(["analytics.view","customers.view"])");
    }

    void offline_showsTheCacheWithANoticeAndNoCreate() {
        GatewayProcess gateway;
        QVERIFY(gateway.start());
        PortalFixture portal(gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready());
        portal.showWindow(Page::Customers);
        QTRY_COMPARE_WITH_TIMEOUT(customerTable(portal)->model()->rowCount(), int(m_customers.size()), 20000);
        auto *notice = portal.window->findChild<QLabel *>(QStringLiteral("offlineNotice"));
        QVERIFY(notice && !notice->isVisible());
        auto *create = portal.window->findChild<QPushButton *>(QStringLiteral("createCustomerKey"));
        QVERIFY(create->isEnabled());

        gateway.stop();
        portal.workspace.sync()->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), 20000);
        QVERIFY(notice->text().contains(QStringLiteral("Offline")));
        QCOMPARE(customerTable(portal)->model()->rowCount(), int(m_customers.size()));
        QVERIFY(!create->isEnabled());
    }

private:
    static QTableView *customerTable(const PortalFixture &portal) {
        return portal.find<QTableView>(QStringLiteral("customerTable"));
    }

    static QString cell(QTableView *table, int row, int column) {
        return table->model()->index(row, column).data().toString();
    }

    int workingCustomerKeys(const QString &customerId) const {
        int n = 0;
        const QJsonArray keys = m_gateway.get(QStringLiteral("/v1/keys"), GatewayProcess::bearer(m_owner))
                                    .json()
                                    .value(QStringLiteral("keys"))
                                    .toArray();
        for (const QJsonValue &k : keys) {
            const QJsonObject key = k.toObject();
            const QString status = key.value(QStringLiteral("status")).toString();
            if (key.value(QStringLiteral("customer_id")).toString() == customerId &&
                (status == QLatin1String("active") || status == QLatin1String("expiring")))
                ++n;
        }
        return n;
    }

    // Analytics' "Last 7 days": the 168 hours ending with the current one.
    qint64 requestsLast7Days(const QString &customerId, UnixTime now) const {
        const qint64 to = (now / 3600 + 1) * 3600;
        const auto time = [](qint64 t) {
            return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate);
        };
        const QJsonArray series =
            m_gateway
                .get(QStringLiteral("/v1/usage?from=%1&to=%2&bucket=hour&customer_id=%3")
                         .arg(time(to - 7 * 86400), time(to), customerId),
                     GatewayProcess::bearer(m_owner))
                .json()
                .value(QStringLiteral("series"))
                .toArray();
        qint64 sum = 0;
        for (const QJsonValue &b : series)
            sum += b.toObject().value(QStringLiteral("requests")).toInteger();
        return sum;
    }

    void setMemberPermissions(const char *permissions) {
        QCOMPARE(m_gateway
                     .request("PATCH", QStringLiteral("/v1/team/usr_priya"),
                              QByteArray(R"({"permissions":)") + permissions + "}",
                              GatewayProcess::bearer(m_owner))
                     .status,
                 200);
    }

    GatewayProcess m_gateway;
    QByteArray m_owner;
    QMap<QString, QString> m_customers; // name → id
};

QTEST_MAIN(TestCustomersPage)
#include "tst_customerspage.moc"
