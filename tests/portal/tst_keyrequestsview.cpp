#include "models/analytics/usageservice.h"
#include "models/callers/errorexplanations.h"
#include "models/keys/keystore.h"
#include "models/session/session.h"
#include "models/workspace/workspace.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/portalfixture.h"
#include "tests/support/portaltranslation.h"
#include "tests/support/testdatabase.h"
#include "tests/support/testkeys.h"
#include "ui/analytics/errorcodestab.h"
#include "ui/keys/keyrequestsview.h"

#include <QCheckBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace knotie;
using namespace knotie::test;

// "Why are my calls failing?" against the real gateway: a Read-Only key that tried a
// write and a rate-limited key, their failures explained in the key's latest requests,
// and the Analytics Errors tab's figures matching the gateway's.
class TestKeyRequestsView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        installPortalTranslation();
        QVERIFY(m_gateway.start());
        TestKeySpec spec(KeyType::ReadOnly);
        spec.rateLimitRequests = 2;
        spec.rateLimitSeconds = 60;
        m_key = insertTestKey(gatewayDatabase(m_gateway), spec);
        QVERIFY(!m_key.id.isEmpty());
        const QList<QPair<QByteArray, QByteArray>> as{{"X-API-Key", m_key.secret}};
        QCOMPARE(m_gateway.request("POST", QStringLiteral("/api/v1/customers"), R"({"name":"N"})", as).status,
                 403);
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), as).status, 200);
        QCOMPARE(m_gateway.get(QStringLiteral("/api/v1/whoami"), as).status, 429);
        m_portal = std::make_unique<PortalFixture>(m_gateway, QStringLiteral("owner@demo.test"));
        QVERIFY(m_portal->ready(m_key.id));
    }

    void cleanupTestCase() { m_portal.reset(); }

    void view_explainsEachFailureWithTheKeysSituation() {
        const ApiKey *key = m_portal->workspace.keyStore()->find(m_key.id);
        QVERIFY(key);
        KeyRequestsView view(m_portal->workspace.session()->connection(), *key);
        view.resize(900, 420);
        view.show();
        auto *table = view.findChild<QTableView *>(QStringLiteral("keyRequests"));
        QVERIFY(table);
        // Usage is written in batches: reload until all three calls are there.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (!view.isLoading() && table->model()->rowCount() < 3)
                    view.reload();
                return !view.isLoading() && table->model()->rowCount() == 3;
            }(),
            15000);
        const auto cell = [&](int row, int column) {
            return table->model()->index(row, column).data().toString();
        };
        QCOMPARE(cell(0, KeyRequestsView::Status), QStringLiteral("429"));
        QCOMPARE(cell(0, KeyRequestsView::ErrorCode), QStringLiteral("rate_limited"));
        QCOMPARE(cell(1, KeyRequestsView::Status), QStringLiteral("200"));
        QCOMPARE(cell(2, KeyRequestsView::Method) + QLatin1Char(' ') + cell(2, KeyRequestsView::Route),
                 QStringLiteral("POST /api/v1/customers"));
        QCOMPARE(cell(2, KeyRequestsView::ErrorCode), QStringLiteral("key_scope"));

        auto *explanation = view.findChild<QLabel *>(QStringLiteral("keyRequestsExplanation"));
        // The newest failure is explained at once: the key's real limit.
        QVERIFY2(explanation->text().contains(QStringLiteral("2 per minute")),
                 qPrintable(explanation->text()));
        table->selectRow(2);
        QVERIFY2(explanation->text().contains(QStringLiteral("A Read-Only key tried POST /api/v1/customers")),
                 qPrintable(explanation->text()));
        QVERIFY(explanation->text().contains(QStringLiteral("Partner key")));

        auto *errorsOnly = view.findChild<QCheckBox *>(QStringLiteral("keyRequestsErrorsOnly"));
        errorsOnly->setChecked(true);
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(cell(1, KeyRequestsView::ErrorCode), QStringLiteral("key_scope"));
        // No secret anywhere on screen.
        for (int r = 0; r < table->model()->rowCount(); ++r)
            for (int c = 0; c < KeyRequestsView::ColumnCount; ++c)
                QVERIFY(!cell(r, c).contains(QString::fromLatin1(m_key.secret.right(8))));
        shoot(&view, QStringLiteral("key-requests"));
    }

    void explanations_coverEveryCodeByName() {
        ErrorSituation situation;
        situation.key = ApiKey{};
        situation.key->type = KeyType::Partner;
        situation.method = QStringLiteral("GET");
        situation.route = QStringLiteral("/api/v1/customers/{id}");
        const ErrorExplanation fallback =
            ErrorExplanations::explain(400, QStringLiteral("no_such_code"), situation);
        QSet<QString> meanings;
        for (const QString &code : ErrorExplanations::knownCodes()) {
            const ErrorExplanation e = ErrorExplanations::explain(400, code, situation);
            QVERIFY2(!e.meaning.isEmpty() && !e.fix.isEmpty(), qPrintable(code));
            if (code != QLatin1String("internal"))
                QVERIFY2(e.meaning != fallback.meaning, qPrintable(code));
            meanings.insert(e.meaning);
        }
        // invalid_field, invalid_amount and invalid_limit share their words.
        QCOMPARE(meanings.size(), ErrorExplanations::knownCodes().size() - 2);
    }

    void errorsTab_figuresMatchTheGateway() {
        const qint64 now = m_portal->now();
        UsageQuery query;
        query.from = now - now % 3600 - 3600;
        query.to = query.from + 3 * 3600;
        query.keyId = m_key.id;
        ErrorCodesTab tab;
        tab.resize(700, 240);
        tab.show();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (tab.topLevelItemCount() == 2 &&
                    tab.topLevelItem(0)->text(ErrorCodesTab::Requests) == QLatin1String("1"))
                    return true;
                tab.load(m_portal->workspace.usage(), query);
                QSignalSpy loaded(&tab, &ErrorCodesTab::loaded);
                loaded.wait(5000);
                return tab.topLevelItemCount() == 2;
            }(),
            15000);
        const QByteArray token = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        const HttpReply reply =
            m_gateway.get(QStringLiteral("/v1/usage/errors?%1")
                              .arg(query.toUrlQuery(false, true).toString(QUrl::FullyEncoded)),
                          GatewayProcess::bearer(token));
        const QJsonArray errors = reply.json().value(QStringLiteral("errors")).toArray();
        QCOMPARE(errors.size(), tab.topLevelItemCount());
        for (int i = 0; i < errors.size(); ++i) {
            const QJsonObject e = errors.at(i).toObject();
            QTreeWidgetItem *row = tab.topLevelItem(i);
            QCOMPARE(row->text(ErrorCodesTab::Status),
                     QString::number(e.value(QStringLiteral("status")).toInt()));
            QCOMPARE(row->text(ErrorCodesTab::Code), e.value(QStringLiteral("code")).toString());
            QCOMPARE(row->text(ErrorCodesTab::Requests),
                     QString::number(e.value(QStringLiteral("requests")).toInteger()));
            QVERIFY(!row->text(ErrorCodesTab::Meaning).isEmpty());
        }
        QCOMPARE(tab.topLevelItem(0)->text(ErrorCodesTab::Code) +
                     tab.topLevelItem(1)->text(ErrorCodesTab::Code),
                 QStringLiteral("key_scoperate_limited"));
        shoot(&tab, QStringLiteral("analytics-error-codes"));
    }

private:
    // Screens to look at (not committed): KNOTIE_SHOTS_DIR, when set.
    static void shoot(QWidget *widget, const QString &name) {
        const QString dir = qEnvironmentVariable("KNOTIE_SHOTS_DIR");
        if (!dir.isEmpty())
            QVERIFY(widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
    }

    GatewayProcess m_gateway;
    TestKey m_key;
    std::unique_ptr<PortalFixture> m_portal;
};

QTEST_MAIN(TestKeyRequestsView)
#include "tst_keyrequestsview.moc"
