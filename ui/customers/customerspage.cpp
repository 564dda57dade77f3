#include "ui/customers/customerspage.h"

#include "models/analytics/usageservice.h"
#include "models/analytics/usagestats.h"
#include "models/items/customertablemodel.h"
#include "models/items/itemroles.h"
#include "models/items/listmodels.h"
#include "models/network/datajobs.h"
#include "models/session/session.h"
#include "models/sync/connectionstate.h"
#include "models/workspace/workspace.h"
#include "ui/customers/customerdetail.h"
#include "ui/pages/pageheader.h"
#include "ui/settingskeys.h"
#include "ui/style/metrics.h"
#include "ui/widgets/messages.h"
#include "ui/widgets/searchfield.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace knotie {

namespace {
const QString scopePrefix = QStringLiteral("customer-usage:");
} // namespace

struct CustomersPage::Private {
    PageContext context;
    QLabel *offline = nullptr;
    QLineEdit *search = nullptr;
    CustomerTableModel *model = nullptr;
    QSortFilterProxyModel *proxy = nullptr;
    QTableView *table = nullptr;
    QLabel *empty = nullptr;
    CustomerDetail *detail = nullptr;
    QSplitter *splitter = nullptr;
    QHash<QString, UsageSeries> usage;
};

CustomersPage::CustomersPage(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>()) {
    d->context = context;
    setObjectName(QStringLiteral("customersPage"));
    Workspace *workspace = context.workspace;

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(pageMargins);
    layout->addWidget(new PageHeader(tr("Customers"), this));
    d->offline = makeNotice(this);
    d->offline->setObjectName(QStringLiteral("offlineNotice"));
    layout->addWidget(d->offline);

    d->search = new QLineEdit(this);
    d->search->setObjectName(QStringLiteral("customerSearch"));
    d->search->setPlaceholderText(tr("Search customers…"));
    d->search->setAccessibleName(tr("Search customers"));
    addClearButton(d->search);
    layout->addWidget(d->search);

    d->model = new CustomerTableModel(workspace->customerModel(), workspace->keyStore(), this);
    d->proxy = new QSortFilterProxyModel(this);
    d->proxy->setSourceModel(d->model);
    d->proxy->setSortRole(SortRole);
    d->proxy->setSortLocaleAware(true);
    d->proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    d->proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    d->proxy->setFilterKeyColumn(CustomerTableModel::Name);
    connect(d->search, &QLineEdit::textChanged, d->proxy, &QSortFilterProxyModel::setFilterFixedString);

    d->splitter = new QSplitter(Qt::Horizontal, this);
    d->splitter->setObjectName(QStringLiteral("customersSplitter"));
    d->splitter->setChildrenCollapsible(false);
    auto *left = new QWidget(d->splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    d->table = new QTableView(left);
    d->table->setObjectName(QStringLiteral("customerTable"));
    d->table->setAccessibleName(tr("Customers"));
    d->table->setModel(d->proxy);
    d->table->setSelectionBehavior(QAbstractItemView::SelectRows);
    d->table->setSelectionMode(QAbstractItemView::SingleSelection);
    d->table->setSortingEnabled(true);
    d->table->setTabKeyNavigation(false);
    d->table->verticalHeader()->hide();
    // Names in full; the figures take what is left.
    d->table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    d->table->horizontalHeader()->setStretchLastSection(true);
    d->table->setWordWrap(false);
    d->empty = new QLabel(tr("No customers yet."), left);
    d->empty->setObjectName(QStringLiteral("customersEmpty"));
    leftLayout->addWidget(d->table, 1);
    leftLayout->addWidget(d->empty);
    d->splitter->addWidget(left);
    layout->addWidget(d->splitter, 1);
    setTabOrder(d->search, d->table);

    QSettings settings;
    const QByteArray header = settings.value(settingskeys::customersHeader).toByteArray();
    if (header.isEmpty() || !d->table->horizontalHeader()->restoreState(header))
        d->table->sortByColumn(CustomerTableModel::Name, Qt::AscendingOrder);
    // After restoreState, which brings back hidden columns too: permissions decide, not the last session.
    applyPermissions();
    d->splitter->setStretchFactor(0, 1);
    d->splitter->setStretchFactor(1, 1);
    if (!d->splitter->restoreState(settings.value(settingskeys::customersSplitter).toByteArray()))
        d->splitter->setSizes({560, 480});
    connect(workspace->session(), &Session::accountChanged, this, [this] {
        applyPermissions();
        showSelected();
        updateOffline();
        fetchUsage();
    });

    connect(d->table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CustomersPage::showSelected);
    const auto rowsChanged = [this] {
        const bool none = d->proxy->rowCount() == 0;
        d->empty->setVisible(none);
        d->empty->setText(d->search->text().isEmpty()
                              ? tr("No customers yet.")
                              : tr("No customer matches “%1”.").arg(d->search->text()));
        if (!d->table->currentIndex().isValid() && !none)
            d->table->setCurrentIndex(d->proxy->index(0, 0));
        d->detail->setVisible(d->table->currentIndex().isValid());
    };
    connect(d->proxy, &QAbstractItemModel::modelReset, this, rowsChanged);
    connect(d->proxy, &QAbstractItemModel::rowsInserted, this, rowsChanged);
    connect(d->proxy, &QAbstractItemModel::rowsRemoved, this, rowsChanged);
    // New customers come with a sync: fetch their usage too.
    connect(workspace->customerModel(), &QAbstractItemModel::modelReset, this, &CustomersPage::fetchUsage);
    connect(workspace->customerModel(), &QAbstractItemModel::rowsInserted, this, &CustomersPage::fetchUsage);
    connect(workspace->connectionState(), &ConnectionState::changed, this, &CustomersPage::updateOffline);

    auto *minute = new QTimer(this);
    minute->setInterval(60 * 1000);
    connect(minute, &QTimer::timeout, this, [this] { d->model->setNow(QDateTime::currentSecsSinceEpoch()); });
    minute->start();

    rowsChanged();
    updateOffline();
    fetchUsage();
}

CustomersPage::~CustomersPage() {
    QSettings settings;
    settings.setValue(settingskeys::customersHeader, d->table->horizontalHeader()->saveState());
    settings.setValue(settingskeys::customersSplitter, d->splitter->saveState());
}

void CustomersPage::applyPermissions() {
    const Account &account = d->context.workspace->session()->account();
    // Only settings.manage reads keys, only analytics.view reads usage: those columns would stay empty.
    d->table->setColumnHidden(CustomerTableModel::Keys, !account.has(Permission::SettingsManage));
    d->table->setColumnHidden(CustomerTableModel::Requests, !account.has(Permission::AnalyticsView));
    // The detail is made for one set of permissions; a change makes it anew.
    auto *detail = new CustomerDetail(d->context, d->splitter);
    if (d->detail)
        d->splitter->replaceWidget(1, detail);
    else
        d->splitter->addWidget(detail);
    delete d->detail;
    d->detail = detail;
}

void CustomersPage::fetchUsage() {
    if (!d->context.workspace->session()->account().has(Permission::AnalyticsView))
        return;
    // The ranges of every usage page (lastDays): the column is Analytics' "Last 7 days".
    const UsageRange range = lastDays(d->context.now(), usageDays);
    for (const Customer &c : d->context.workspace->customerModel()->rows()) {
        UsageQuery query;
        query.from = range.from;
        query.to = range.to;
        query.bucket = range.fetchBucket();
        query.customerId = c.id;
        const QString customerId = c.id;
        connect(d->context.workspace->usage()->loadSeries(query, scopePrefix + c.id),
                &UsageOperation::finished, this, [this, customerId, range](const UsageResult &result) {
                    onUsage(customerId, range, result.series);
                });
    }
}

void CustomersPage::onUsage(const QString &customerId, const UsageRange &range, const UsageSeries &series) {
    const UsageRange table = lastDays(range.to - 1, tableDays);
    d->model->setRequests(customerId, totalsOf(shownBuckets(table, series.buckets)).requests);
    // A trend per day: whole days only, a part of one would read as a drop.
    UsageSeries days{BucketSize::Day, shownBuckets(range, series.buckets)};
    days.buckets.removeIf([&](const UsageBucket &b) { return isPartialBucket(range, b.start, range.to); });
    d->usage.insert(customerId, days);
    if (d->detail->customerId() == customerId)
        d->detail->setUsage(days);
}

void CustomersPage::showSelected() {
    const QModelIndex current = d->table->currentIndex();
    d->detail->setVisible(current.isValid());
    if (!current.isValid())
        return;
    const QString id = current.data(IdRole).toString();
    const CustomerModel *customers = d->context.workspace->customerModel();
    const int row = customers->rowOf(id);
    if (row < 0)
        return;
    d->detail->setCustomer(customers->customerAt(row));
    if (const auto it = d->usage.constFind(id); it != d->usage.cend())
        d->detail->setUsage(*it);
}

void CustomersPage::updateOffline() {
    const ConnectionState *state = d->context.workspace->connectionState();
    d->offline->setVisible(state->isOffline());
    if (state->isOffline())
        d->offline->setText(state->statusText());
    d->detail->setOffline(state->isOffline());
}

} // namespace knotie
