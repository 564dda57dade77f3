#include "models/items/keyfilter.h"
#include "models/items/keytablemodel.h"
#include "models/sync/synccontroller.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/portalfixture.h"
#include "tests/support/portaltranslation.h"

#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace knotie;
using namespace knotie::test;

// The Overview against a real gateway, for each combination of permissions: what each
// person sees, and where its counts and links lead.
class TestOverviewPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(installPortalTranslation());
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
    }

    void owner_seesKeyHealthRecentActionsAndTraffic() {
        const HttpReply created =
            m_gateway.postJson(QStringLiteral("/v1/keys"),
                               {{QStringLiteral("name"), QStringLiteral("Overview test key")},
                                {QStringLiteral("type"), QStringLiteral("read_only")}},
                               GatewayProcess::bearer(m_owner));
        QCOMPARE(created.status, 201);
        PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(portal.ready());
        portal.showWindow(Page::Overview);

        // Working Read-Only keys as the gateway lists them, the new one among them.
        qint64 readOnly = 0;
        const QJsonArray keys = m_gateway.get(QStringLiteral("/v1/keys"), GatewayProcess::bearer(m_owner))
                                    .json()
                                    .value(QStringLiteral("keys"))
                                    .toArray();
        for (const QJsonValue &k : keys) {
            const QJsonObject key = k.toObject();
            const QString status = key.value(QStringLiteral("status")).toString();
            if (key.value(QStringLiteral("type")).toString() == QLatin1String("read_only") &&
                (status == QLatin1String("active") || status == QLatin1String("expiring")))
                ++readOnly;
        }
        auto *readOnlyButton = portal.find<QPushButton>(QStringLiteral("healthType_read_only"));
        QVERIFY(readOnlyButton);
        QTRY_COMPARE_WITH_TIMEOUT(readOnlyButton->text(), QStringLiteral("Read-Only: %1").arg(readOnly),
                                  20000);
        QVERIFY(!readOnlyButton->accessibleName().isEmpty());

        auto *activity = portal.find<QListWidget>(QStringLiteral("recentActivity"));
        QVERIFY(activity);
        QTRY_VERIFY_WITH_TIMEOUT(activity->count() > 0 &&
                                     activity->item(0)->text().startsWith(
                                         QStringLiteral("Maya Lindqvist created Overview test key (kn_rk_…")),
                                 20000);

        // The traffic figure is the gateway's own sum over the last 24 whole hours.
        auto *requests = portal.find<QLabel>(QStringLiteral("trafficRequests"));
        QVERIFY(requests);
        QTRY_VERIFY_WITH_TIMEOUT(
            requests->text().startsWith(QStringLiteral("Requests in the last 24 hours: ")), 20000);
        const qint64 to = (portal.now() / 3600 + 1) * 3600;
        const QJsonArray series = m_gateway
                                      .get(QStringLiteral("/v1/usage?from=%1&to=%2&bucket=hour")
                                               .arg(rfc3339(to - 24 * 3600), rfc3339(to)),
                                           GatewayProcess::bearer(m_owner))
                                      .json()
                                      .value(QStringLiteral("series"))
                                      .toArray();
        QCOMPARE(series.size(), 24);
        qint64 last24 = 0;
        for (const QJsonValue &b : series)
            last24 += b.toObject().value(QStringLiteral("requests")).toInteger();
        QVERIFY2(requests->text().contains(QStringLiteral(": %1, ").arg(QLocale().toString(last24))),
                 qPrintable(requests->text()));
        QVERIFY(!portal.find<QWidget>(QStringLiteral("welcome")));
        // The chart says which hours it shows: "HH:mm" from the first of the last 24, whole hours apart.
        auto *hours = qobject_cast<QDateTimeAxis *>(
            portal.find<QChartView>(QStringLiteral("trafficChart"))->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(hours && hours->labelsVisible());
        QCOMPARE(hours->format(), QStringLiteral("HH:mm"));
        QCOMPARE(hours->min().toSecsSinceEpoch(), to - 24 * 3600);
        QCOMPARE(hours->min().secsTo(hours->max()) % (3600 * (hours->tickCount() - 1)), 0);

        // A count opens the key table with the same filter; the chart's button opens Analytics.
        portal.find<QPushButton>(QStringLiteral("healthExpiringSoon"))->click();
        QCOMPARE(portal.window->currentPage(), Page::ApiKeys);
        QCOMPARE(portal.navigator.keyFilter().condition, KeyFilter::Condition::ExpiringSoon);
        portal.window->showPage(Page::Overview);
        portal.find<QPushButton>(QStringLiteral("openAnalytics"))->click();
        QCOMPARE(portal.window->currentPage(), Page::Analytics);
        // The chart itself is a way in, by keyboard too.
        portal.window->showPage(Page::Overview);
        auto *chart = portal.find<QWidget>(QStringLiteral("trafficChart"));
        QCOMPARE(chart->focusPolicy(), Qt::StrongFocus);
        QTest::keyClick(chart, Qt::Key_Return);
        QCOMPARE(portal.window->currentPage(), Page::Analytics);
    }

    void admin_seesKeyHealthAndTraffic() {
        PortalFixture portal(m_gateway, QStringLiteral("admin@demo.test"));
        QVERIFY(portal.ready());
        portal.showWindow(Page::Overview);
        QVERIFY(portal.find<QGroupBox>(QStringLiteral("keyHealth")));
        QVERIFY(portal.find<QListWidget>(QStringLiteral("recentActivity")));
        QVERIFY(portal.find<QLabel>(QStringLiteral("trafficRequests")));
        QVERIFY(!portal.find<QWidget>(QStringLiteral("welcome")));
        QCOMPARE(portal.find<QLabel>(QStringLiteral("partnerName"))->text(), QStringLiteral("Demo Agency"));
    }

    void memberWithAnalytics_seesTrafficButNoKeys() {
        setMemberPermissions(R"(["analytics.view","customers.view"])");
        PortalFixture portal(m_gateway, QStringLiteral("member@demo.test"));
        QVERIFY(portal.ready());
        portal.showWindow(Page::Overview);
        QVERIFY(portal.find<QLabel>(QStringLiteral("trafficRequests")));
        QVERIFY(!portal.find<QGroupBox>(QStringLiteral("keyHealth")));
        QVERIFY(!portal.find<QListWidget>(QStringLiteral("recentActivity")));
        QVERIFY(!portal.find<QWidget>(QStringLiteral("welcome")));
    }

    void memberWithOnlyCustomers_isToldWhatTheyCanDoAndWhomToAsk() {
        setMemberPermissions(R"(["customers.view"])");
        PortalFixture portal(m_gateway, QStringLiteral("member@demo.test"));
        QVERIFY(portal.ready());
        portal.showWindow(Page::Overview);
        auto *text = portal.find<QLabel>(QStringLiteral("welcomeText"));
        QVERIFY(text);
        QVERIFY(text->text().contains(QStringLiteral("look up your customers")));
        QVERIFY(text->text().contains(QStringLiteral("ask Maya Lindqvist (owner@demo.test)")));
        QVERIFY(!portal.find<QGroupBox>(QStringLiteral("keyHealth")));
        QVERIFY(!portal.find<QLabel>(QStringLiteral("trafficRequests")));
        portal.find<QPushButton>(QStringLiteral("openCustomers"))->click();
        QCOMPARE(portal.window->currentPage(), Page::Customers);
    }

    void memberWithNothing_isToldWhomToAsk() {
        setMemberPermissions("[]");
        PortalFixture portal(m_gateway, QStringLiteral("member@demo.test"));
        QVERIFY(portal.ready());
        portal.showWindow(Page::Overview);
        QCOMPARE(portal.window->navigationPages(), (QList<Page>{Page::Overview, Page::ApiReference}));
        auto *text = portal.find<QLabel>(QStringLiteral("welcomeText"));
        QVERIFY(text);
        QVERIFY(!text->text().contains(QStringLiteral("customers")));
        QVERIFY(text->text().contains(QStringLiteral("ask Maya Lindqvist (owner@demo.test)")));
        QVERIFY(!portal.find<QPushButton>(QStringLiteral("openCustomers")));
        QVERIFY(portal.find<QPushButton>(QStringLiteral("openApiReference")));
        QVERIFY(!portal.find<QGroupBox>(QStringLiteral("keyHealth")));
        QVERIFY(!portal.find<QLabel>(QStringLiteral("trafficRequests")));
    }

    void grant_whileOpenShowsKeyHealth() {
        setMemberPermissions("[]");
        PortalFixture portal(m_gateway, QStringLiteral("member@demo.test"));
        QVERIFY(portal.ready());
        portal.showWindow(Page::Overview);
        QVERIFY(portal.find<QWidget>(QStringLiteral("welcome")));
        setMemberPermissions(R"(["settings.manage"])");
        portal.workspace.sync()->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(portal.find<QGroupBox>(QStringLiteral("keyHealth")), 20000);
        QVERIFY(!portal.find<QWidget>(QStringLiteral("welcome")));
        setMemberPermissions(R"(["analytics.view","customers.view"])");
    }

private:
    void setMemberPermissions(const char *permissions) {
        QCOMPARE(m_gateway
                     .request("PATCH", QStringLiteral("/v1/team/usr_priya"),
                              QByteArray(R"({"permissions":)") + permissions + "}",
                              GatewayProcess::bearer(m_owner))
                     .status,
                 200);
    }

    static QString rfc3339(qint64 t) {
        return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate);
    }

    GatewayProcess m_gateway;
    QByteArray m_owner;
};

QTEST_MAIN(TestOverviewPage)
#include "tst_overviewpage.moc"
