#include "ui/customers/customerdetail.h"

#include "models/items/keyfilterproxy.h"
#include "models/items/keytablemodel.h"
#include "models/session/session.h"
#include "models/sync/connectionstate.h"
#include "models/workspace/workspace.h"
#include "ui/keys/createkeyflow.h"
#include "ui/widgets/timeaxis.h"

#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace knotie {

CustomerDetail::CustomerDetail(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context) {
    setObjectName(QStringLiteral("customerDetail"));
    const Account &account = context.workspace->session()->account();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("customerName"));
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_title->setFont(f);
    m_created = new QLabel(this);
    m_created->setObjectName(QStringLiteral("customerCreated"));
    layout->addWidget(m_title);
    layout->addWidget(m_created);

    auto *keysTitle = new QLabel(tr("Customer keys"), this);
    keysTitle->setFont([&] {
        QFont bold = font();
        bold.setBold(true);
        return bold;
    }());
    layout->addWidget(keysTitle);
    if (account.has(Permission::SettingsManage)) {
        m_create = new QPushButton(tr("Create Customer Key…"), this);
        m_create->setObjectName(QStringLiteral("createCustomerKey"));
        m_create->setAccessibleName(tr("Create a Customer key for this customer"));
        connect(m_create, &QPushButton::clicked, this, &CustomerDetail::createKey);
        m_keys = new KeyFilterProxy(this);
        m_keys->setKeyModel(context.workspace->keyModel());
        m_keys->setTypes({KeyType::Customer});
        m_keyTable = new QTableView(this);
        m_keyTable->setObjectName(QStringLiteral("customerKeys"));
        m_keyTable->setAccessibleName(tr("Customer keys"));
        m_keyTable->setModel(m_keys);
        m_keyTable->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_keyTable->setSortingEnabled(true);
        m_keyTable->sortByColumn(KeyTableModel::Created, Qt::DescendingOrder);
        m_keyTable->verticalHeader()->hide();
        m_keyTable->setTabKeyNavigation(false);
        // The customer is this page's subject; the type is always Customer here.
        m_keyTable->setColumnHidden(KeyTableModel::Customer, true);
        m_keyTable->setColumnHidden(KeyTableModel::Type, true);
        m_keyTable->setColumnHidden(KeyTableModel::CreatedBy, true);
        // The sparkline needs the key usage the API Keys page fetches; the chart below shows the trend.
        m_keyTable->setColumnHidden(KeyTableModel::Usage, true);
        m_keyTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        m_keyTable->horizontalHeader()->setStretchLastSection(true);
        layout->addWidget(m_create, 0, Qt::AlignLeft);
        layout->addWidget(m_keyTable, 1);
    } else {
        auto *note = new QLabel(tr("People with settings access see this customer's keys here."), this);
        note->setObjectName(QStringLiteral("customerKeysHidden"));
        note->setWordWrap(true);
        layout->addWidget(note);
    }

    auto *usageTitle = new QLabel(tr("Requests per day, last 30 days"), this);
    usageTitle->setFont(keysTitle->font());
    layout->addWidget(usageTitle);
    if (account.has(Permission::AnalyticsView)) {
        m_usage = new QLineSeries;
        m_usage->setName(tr("Requests"));
        auto *chart = new QChart;
        chart->addSeries(m_usage);
        chart->legend()->hide();
        chart->setMargins(QMargins(4, 4, 4, 4));
        m_dates = new QDateTimeAxis;
        m_counts = new QValueAxis;
        m_counts->setLabelFormat(QStringLiteral("%d"));
        m_counts->setTickCount(3);
        chart->addAxis(m_dates, Qt::AlignBottom);
        chart->addAxis(m_counts, Qt::AlignLeft);
        m_usage->attachAxis(m_dates);
        m_usage->attachAxis(m_counts);
        m_chartView = new QChartView(chart, this);
        m_chartView->setObjectName(QStringLiteral("customerUsage"));
        m_chartView->setAccessibleName(tr("Requests per day, last 30 days"));
        m_chartView->setRenderHint(QPainter::Antialiasing);
        m_chartView->setMinimumHeight(170);
        layout->addWidget(m_chartView, 1);
    } else {
        auto *note = new QLabel(
            tr("People with %1 access see this customer's usage here.").arg(pageTitle(Page::Analytics)),
            this);
        note->setObjectName(QStringLiteral("customerUsageHidden"));
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    if (!m_keyTable && !m_chartView)
        layout->addStretch();
}

void CustomerDetail::setCustomer(const Customer &customer) {
    m_customer = customer;
    m_title->setText(customer.name);
    m_title->setAccessibleName(customer.name);
    m_created->setText(tr("Customer since %1")
                           .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(customer.createdAt).date(),
                                                   QLocale::LongFormat)));
    if (m_keys)
        m_keys->setCustomer(customer.id);
    if (m_usage)
        m_usage->clear();
}

void CustomerDetail::setUsage(const UsageSeries &series) {
    if (!m_usage)
        return;
    QList<QPointF> points;
    qint64 top = 0;
    for (const UsageBucket &b : series.buckets) {
        points.append(QPointF(chartTime(b.start, 86400), double(b.requests)));
        top = std::max(top, b.requests);
    }
    m_usage->replace(points);
    if (!series.buckets.isEmpty())
        setTimeAxis(m_dates, series.buckets.constFirst().start, series.buckets.constLast().start + 86400,
                    86400, 8);
    m_counts->setRange(0, double(std::max<qint64>(top, 4)));
    m_counts->applyNiceNumbers();
}

void CustomerDetail::setOffline(bool offline) {
    if (m_create) {
        m_create->setEnabled(!offline);
        m_create->setToolTip(offline ? m_context.workspace->connectionState()->refusal() : QString());
    }
}

void CustomerDetail::createKey() {
    auto *flow = new CreateKeyFlow(m_context, this);
    flow->start(KeyType::Customer, m_customer.id);
}

} // namespace knotie
