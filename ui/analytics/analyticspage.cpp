#include "ui/analytics/analyticspage.h"

#include "models/analytics/usageheadline.h"
#include "models/analytics/usageservice.h"
#include "models/items/keytablemodel.h"
#include "models/items/listmodels.h"
#include "models/keys/keystore.h"
#include "models/session/session.h"
#include "models/sync/synccontroller.h"
#include "models/workspace/workspace.h"
#include "ui/analytics/attentionlist.h"
#include "ui/analytics/errorcodestab.h"
#include "ui/analytics/usagechartview.h"
#include "ui/keys/keytypetext.h"
#include "ui/pages/navigator.h"
#include "ui/pages/pageheader.h"
#include "ui/settingskeys.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace knotie {

namespace {
constexpr int KeyIdRole = Qt::UserRole + 1;
constexpr int topCount = 10;
// The cache reaches back as far as it was filled; five years keep a custom range to a
// dozen gateway calls at most (400 days each, with the range before).
constexpr int maxCustomDays = 5 * 366;

QTreeWidget *makeTable(const QString &accessibleName, const QStringList &headers, QWidget *parent) {
    auto *table = new QTreeWidget(parent);
    table->setAccessibleName(accessibleName);
    table->setHeaderLabels(headers);
    table->setRootIsDecorated(false);
    table->setUniformRowHeights(true);
    table->setAlternatingRowColors(true);
    table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->header()->setStretchLastSection(false);
    table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    return table;
}

// Figures right-aligned, from `firstFigure` on.
QTreeWidgetItem *addRow(QTreeWidget *table, const QStringList &cells, int firstFigure = 1) {
    auto *item = new QTreeWidgetItem(table, cells);
    for (int c = firstFigure; c < cells.size(); ++c)
        item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString percent(double fraction) {
    return QLocale().toString(fraction * 100.0, 'f', 1) + QLatin1Char('%');
}

QString count(qint64 n) {
    return QLocale().toString(n);
}
} // namespace

AnalyticsPage::AnalyticsPage(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_workspace(context.workspace)
    , m_report(new UsageReport(context.workspace->usage(), this))
    , m_chart(new UsageChartView(this))
    , m_filter(new QComboBox(this))
    , m_range(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_exportCsv(new QPushButton(tr("Export CSV…"), this))
    , m_exportPng(new QPushButton(tr("Export PNG…"), this))
    , m_status(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_totals(new QLabel(this))
    , m_keyNamesNote(new QLabel(this))
    , m_keysChanged(new QTimer(this)) {
    setObjectName(QStringLiteral("analyticsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(pageTitle(Page::Analytics), this));

    auto *controls = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("&Show:"), this);
    filterLabel->setBuddy(m_filter);
    m_filter->setObjectName(QStringLiteral("usageFilter"));
    m_filter->setAccessibleName(tr("Whose usage"));
    m_filter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *rangeLabel = new QLabel(tr("&Range:"), this);
    rangeLabel->setBuddy(m_range);
    m_range->setObjectName(QStringLiteral("usageRange"));
    m_range->setAccessibleName(tr("Time range"));
    m_range->addItem(tr("Last 24 hours"), int(RangeChoice::Day));
    m_range->addItem(tr("Last 7 days"), int(RangeChoice::Week));
    m_range->addItem(tr("Last 30 days"), int(RangeChoice::Month));
    m_range->addItem(tr("Last 90 days"), int(RangeChoice::Quarter));
    m_range->addItem(tr("Custom range"), int(RangeChoice::Custom));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        edit->setVisible(false);
    }
    m_from->setAccessibleName(tr("First day (UTC)"));
    m_to->setAccessibleName(tr("Last day (UTC)"));
    const QDate today = QDateTime::fromSecsSinceEpoch(m_context.now(), Qt::UTC).date();
    m_to->setDate(today);
    m_from->setDate(today.addDays(-13));
    m_exportCsv->setObjectName(QStringLiteral("exportCsv"));
    m_exportCsv->setAccessibleName(tr("Export the shown usage as CSV"));
    m_exportPng->setObjectName(QStringLiteral("exportPng"));
    m_exportPng->setAccessibleName(tr("Export the chart as PNG"));
    controls->addWidget(filterLabel);
    controls->addWidget(m_filter);
    controls->addSpacing(12);
    controls->addWidget(rangeLabel);
    controls->addWidget(m_range);
    controls->addWidget(m_from);
    controls->addWidget(m_to);
    controls->addStretch();
    controls->addWidget(m_exportCsv);
    controls->addWidget(m_exportPng);
    layout->addLayout(controls);

    m_status->setObjectName(QStringLiteral("usageStatus"));
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_chart, 3);
    m_summary->setParent(left);
    m_summary->setObjectName(QStringLiteral("usageSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summary->setAccessibleName(tr("Chart summary"));
    leftLayout->addWidget(m_summary);
    auto *attentionBox = new QGroupBox(tr("Keys that deserve attention"), left);
    auto *attentionLayout = new QVBoxLayout(attentionBox);
    m_attention = new AttentionList(context, attentionBox);
    attentionLayout->addWidget(m_attention);
    leftLayout->addWidget(attentionBox, 2);

    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_totals->setParent(right);
    m_totals->setObjectName(QStringLiteral("usageTotals"));
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_totals->setAccessibleName(tr("Totals compared with the range before"));
    rightLayout->addWidget(m_totals);
    m_keyNamesNote->setParent(right);
    m_keyNamesNote->setObjectName(QStringLiteral("keyNamesNote"));
    m_keyNamesNote->setWordWrap(true);
    m_keyNamesNote->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_keyNamesNote->setAccessibleName(tr("Why keys show by their id"));
    m_keyNamesNote->hide();
    rightLayout->addWidget(m_keyNamesNote);
    auto *tabs = new QTabWidget(right);
    m_endpoints = makeTable(tr("Top endpoints"), {tr("Endpoint"), tr("Requests"), tr("Errors")}, tabs);
    m_endpoints->setObjectName(QStringLiteral("topEndpoints"));
    m_topKeys = makeTable(tr("Top keys by requests"), {tr("Key"), tr("Requests"), tr("Errors")}, tabs);
    m_topKeys->setObjectName(QStringLiteral("topKeys"));
    m_errorKeys = makeTable(tr("Top keys by errors"), {tr("Key"), tr("Errors"), tr("Error rate")}, tabs);
    m_errorKeys->setObjectName(QStringLiteral("errorKeys"));
    m_customers = makeTable(tr("Customer keys per customer"),
                            {tr("Customer"), tr("Keys"), tr("Requests"), tr("Errors")}, tabs);
    m_customers->setObjectName(QStringLiteral("customerRollup"));
    tabs->addTab(m_endpoints, tr("Endpoints"));
    tabs->addTab(m_topKeys, tr("Keys"));
    tabs->addTab(m_errorKeys, tr("Errors"));
    tabs->addTab(m_customers, tr("Customers"));
    m_errorCodes = new ErrorCodesTab(tabs);
    tabs->addTab(m_errorCodes, tr("Error Codes"));
    rightLayout->addWidget(tabs, 1);
    split->addWidget(left);
    split->addWidget(right);
    right->setMinimumWidth(340);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({620, 380});
    split->restoreState(QSettings().value(settingskeys::analyticsSplitter).toByteArray());
    connect(split, &QSplitter::splitterMoved, this,
            [split] { QSettings().setValue(settingskeys::analyticsSplitter, split->saveState()); });
    layout->addWidget(split, 1);

    m_report->setConnection(m_workspace->session()->connection());
    connect(m_workspace->session(), &Session::accountChanged, this,
            [this] { m_report->setConnection(m_workspace->session()->connection()); });
    connect(m_report, &UsageReport::seriesLoaded, this, &AnalyticsPage::onSeriesLoaded);
    connect(m_report, &UsageReport::detailsLoaded, this, &AnalyticsPage::onDetailsLoaded);
    connect(m_report, &UsageReport::attentionLoaded, this, &AnalyticsPage::onAttentionLoaded);
    connect(m_report, &UsageReport::detailsLoaded, this, &AnalyticsPage::updateStatus);
    connect(m_report, &UsageReport::attentionLoaded, this, &AnalyticsPage::updateStatus);
    connect(m_report, &UsageReport::failed, this, [this](const QString &message) {
        m_detailsError = message;
        updateStatus();
    });
    connect(m_chart, &UsageChartView::bucketClicked, this, &AnalyticsPage::onBucketClicked);
    connect(m_workspace->connectionState(), &ConnectionState::changed, this, &AnalyticsPage::updateStatus);
    // Each sync brings the keys and customers that name the rows.
    connect(m_workspace->sync()->worker(), &SyncWorker::syncSucceeded, this, &AnalyticsPage::refillFilter);
    // Fresh buckets every minute while the window shows, and after each sync.
    connect(m_workspace->usage(), &UsageService::refreshDue, this, [this] {
        reload();
        // The rules look at days, not minutes; a new key reloads them at once anyway.
        if (QDateTime::currentSecsSinceEpoch() - m_attentionCheckedAt > 15 * 60)
            reloadAttention();
    });
    m_keysChanged->setSingleShot(true);
    m_keysChanged->setInterval(0);
    connect(m_keysChanged, &QTimer::timeout, this, [this] {
        refillFilter();
        reloadAttention();
    });
    // Keys that come or go change the filter's list and the attention rules; a key
    // changed in place waits for the next sync.
    connect(m_workspace->keyStore(), &KeyStore::reset, m_keysChanged, qOverload<>(&QTimer::start));
    connect(m_workspace->keyStore(), &KeyStore::added, m_keysChanged, qOverload<>(&QTimer::start));
    connect(m_workspace->customerModel(), &QAbstractItemModel::modelReset, this,
            &AnalyticsPage::refillFilter);

    const auto activateKey = [this](QTreeWidgetItem *item) {
        const QString id = item ? item->data(0, KeyIdRole).toString() : QString();
        if (!id.isEmpty())
            showKey(id);
    };
    for (QTreeWidget *table : {m_topKeys, m_errorKeys})
        connect(table, &QTreeWidget::itemActivated, this, activateKey);
    connect(m_attention, &AttentionList::keyActivated, this, &AnalyticsPage::showKey);
    if (context.navigator)
        connect(context.navigator, &Navigator::keyUsageRequested, this, &AnalyticsPage::showKey);
    connect(m_customers, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        setFilter(UsageFilter::forCustomer(item->data(0, KeyIdRole).toString()));
    });

    refillFilter();
    const int savedRange = QSettings().value(settingskeys::analyticsRange, int(RangeChoice::Week)).toInt();
    m_range->setCurrentIndex(std::max(0, m_range->findData(savedRange)));
    connect(m_filter, &QComboBox::currentIndexChanged, this, &AnalyticsPage::reload);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = RangeChoice(m_range->currentData().toInt()) == RangeChoice::Custom;
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        if (!custom)
            QSettings().setValue(settingskeys::analyticsRange, m_range->currentData());
        reload();
    });
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &AnalyticsPage::reload);
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { chooseExport(false); });
    connect(m_exportPng, &QPushButton::clicked, this, [this] { chooseExport(true); });
    reload();
    reloadAttention();
}

AnalyticsPage::~AnalyticsPage() = default;

QList<ApiKey> AnalyticsPage::keys() const {
    return m_workspace->keyStore()->keys();
}

QString AnalyticsPage::keyLabel(const QString &keyId) const {
    const auto label = m_keyLabels.constFind(keyId);
    return label != m_keyLabels.cend() ? *label : keyId;
}

bool AnalyticsPage::nameHidden(const QString &keyId) const {
    // Someone who may list keys only waits for the list; the note would tell them wrong.
    return !m_keyLabels.contains(keyId) && !Access::maySee(m_workspace->session()->account(), Page::ApiKeys);
}

QString AnalyticsPage::keyNamesNote() const {
    return tr("Key names need access to API keys, so keys without a saved name show by their id.") +
           QLatin1Char(' ') + Access::deniedMessage(m_workspace->session()->account(), Page::ApiKeys);
}

QTreeWidgetItem *AnalyticsPage::addKeyRow(QTreeWidget *table, const QString &keyId,
                                          const QStringList &figures, int firstFigure) {
    QTreeWidgetItem *item = addRow(table, QStringList{keyLabel(keyId)} + figures, firstFigure);
    item->setData(0, KeyIdRole, keyId);
    if (nameHidden(keyId)) {
        item->setToolTip(0, keyNamesNote());
        m_keyNamesNote->setText(keyNamesNote());
        m_keyNamesNote->show();
    }
    return item;
}

QString AnalyticsPage::customerName(const QString &customerId) const {
    const CustomerModel *model = m_workspace->customerModel();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->customerAt(row).id == customerId)
            return model->customerAt(row).name;
    return customerId;
}

void AnalyticsPage::refillFilter() {
    const QString current = m_filter->currentData().toString();
    const QSignalBlocker block(m_filter);
    m_filter->clear();
    m_filter->addItem(tr("Whole account"), UsageFilter().scope());
    for (KeyType type : allKeyTypes)
        m_filter->addItem(tr("%1 keys").arg(keyTypeText(type).title), UsageFilter::forType(type).scope());
    const CustomerModel *customers = m_workspace->customerModel();
    for (int row = 0; row < customers->rowCount(); ++row)
        m_filter->addItem(tr("Customer: %1").arg(customers->customerAt(row).name),
                          UsageFilter::forCustomer(customers->customerAt(row).id).scope());
    const QList<ApiKey> all = keys();
    m_keyLabels.clear();
    for (const ApiKey &k : all)
        m_keyLabels.insert(k.id, knotie::keyLabel(k));
    // Working keys only; a rotated key shows with its successor, and showKey() reaches any.
    for (const ApiKey &k : all)
        if (!k.isRetired() && k.replacedBy.isEmpty())
            m_filter->addItem(tr("Key: %1").arg(keyLabel(k.id)), UsageFilter::forKey(k.id).scope());
    int index = m_filter->findData(current);
    if (index < 0 && !current.isEmpty()) {
        m_filter->addItem(tr("Key: %1").arg(keyLabel(UsageFilter::fromScope(current).keyId)), current);
        index = m_filter->count() - 1;
    }
    m_filter->setCurrentIndex(std::max(0, index));
}

void AnalyticsPage::showKey(const QString &keyId) {
    setFilter(UsageFilter::forKey(keyId));
}

void AnalyticsPage::setFilter(const UsageFilter &filter) {
    const QString scope = filter.scope();
    if (m_filter->findData(scope) < 0) {
        const QString text = filter.kind == UsageFilter::Kind::Customer
                                 ? tr("Customer: %1").arg(customerName(filter.customerId))
                                 : tr("Key: %1").arg(keyLabel(filter.keyId));
        m_filter->addItem(text, scope);
        if (filter.kind == UsageFilter::Kind::Key && nameHidden(filter.keyId))
            m_filter->setItemData(m_filter->count() - 1, keyNamesNote(), Qt::ToolTipRole);
    }
    m_filter->setCurrentIndex(m_filter->findData(scope));
}

void AnalyticsPage::setRange(RangeChoice choice) {
    const int index = m_range->findData(int(choice));
    if (index == m_range->currentIndex())
        reload(); // asked again: fresh figures
    else
        m_range->setCurrentIndex(index);
}

void AnalyticsPage::setCustomRange(const QDate &first, const QDate &last) {
    {
        const QSignalBlocker a(m_from), b(m_to);
        m_from->setDate(first);
        m_to->setDate(last);
    }
    if (RangeChoice(m_range->currentData().toInt()) == RangeChoice::Custom)
        reload();
    else
        setRange(RangeChoice::Custom);
}

UsageRange AnalyticsPage::currentRange() const {
    const UnixTime now = m_context.now();
    switch (RangeChoice(m_range->currentData().toInt())) {
    case RangeChoice::Day:
        return lastDays(now, 1);
    case RangeChoice::Week:
        return lastDays(now, 7);
    case RangeChoice::Month:
        return lastDays(now, 30);
    case RangeChoice::Quarter:
        return lastDays(now, 90);
    case RangeChoice::Custom:
        break;
    }
    const QDate last = std::max(m_from->date(), m_to->date());
    const QDate first = std::max(std::min(m_from->date(), m_to->date()), last.addDays(1 - maxCustomDays));
    return rangeCovering(first.startOfDay(Qt::UTC).toSecsSinceEpoch(),
                         last.addDays(1).startOfDay(Qt::UTC).toSecsSinceEpoch());
}

void AnalyticsPage::reload() {
    m_detailsError.clear();
    const UsageFilter filter = UsageFilter::fromScope(m_filter->currentData().toString());
    const UsageRange range = currentRange();
    m_report->load(filter, range, keys());
    UsageQuery errors{range.from, range.to, range.fetchBucket(), {}, std::nullopt, {}};
    filter.applyTo(errors);
    m_errorCodes->load(m_workspace->usage(), errors);
    if (m_report->isLoading() && m_report->buckets().isEmpty())
        m_chart->setMessage(tr("Loading usage…"));
    updateStatus();
}

void AnalyticsPage::reloadAttention() {
    const QList<ApiKey> all = keys();
    if (!Access::maySee(m_workspace->session()->account(), Page::ApiKeys)) {
        m_attention->showNote(tr("Checking keys needs access to API keys."),
                              Access::deniedMessage(m_workspace->session()->account(), Page::ApiKeys));
        return;
    }
    if (all.isEmpty()) {
        m_attention->showNote(tr("Waiting for the key list…"));
        return;
    }
    if (m_attention->entryCount() == 0)
        m_attention->showNote(tr("Checking keys…"));
    m_attentionCheckedAt = QDateTime::currentSecsSinceEpoch();
    m_report->loadAttention(all, m_attentionCheckedAt);
}

void AnalyticsPage::onSeriesLoaded() {
    const UsageRange range = m_report->range();
    QList<UsageChartView::Line> lines;
    for (const auto &[keyId, buckets] : m_report->rotationParts())
        lines.append({keyLabel(keyId), buckets});
    const QList<UsageBucket> &buckets = m_report->buckets();
    const UnixTime now = m_context.now();
    m_chart->setData(buckets, bucketSeconds(range.bucket), lines,
                     {!buckets.isEmpty() && isPartialBucket(range, buckets.first().start, now),
                      !buckets.isEmpty() && isPartialBucket(range, buckets.last().start, now)});
    const UsageComparison comparison =
        compareWithPrevious(range, buckets, m_report->previousBuckets(), m_report->recordedFrom());
    m_chart->setMessage(comparison.now.requests == 0 ? tr("No requests in this range") : QString());
    const QString rotation = rotationNote();
    m_totals->setText(UsageHeadline::totals(range, comparison) +
                      (rotation.isEmpty() ? QString() : QStringLiteral("<br>") + rotation.toHtmlEscaped()));
    const QString text = summary();
    m_summary->setText(text);
    m_chart->setAccessibleDescription(text);
    updateStatus();
}

QString AnalyticsPage::rotationNote() const {
    QStringList replaced, successors;
    for (const QString &id : m_report->replacedKeys())
        replaced << keyLabel(id);
    for (const QString &id : m_report->successorKeys())
        successors << keyLabel(id);
    return UsageHeadline::rotationNote(replaced, successors);
}

QString AnalyticsPage::summary() const {
    const QList<UsageBucket> &buckets = m_report->buckets();
    const UsageTotals t = totalsOf(buckets);
    if (t.requests == 0)
        return tr("%1: no requests in this range.").arg(m_filter->currentText());
    const auto busiest =
        std::max_element(buckets.cbegin(), buckets.cend(),
                         [](const UsageBucket &a, const UsageBucket &b) { return a.requests < b.requests; });
    int slowest = 0;
    for (const UsageBucket &b : buckets)
        slowest = std::max(slowest, b.p95Ms.value_or(0));
    const QLocale locale;
    const QString when = bucketTimeText(busiest->start, bucketSeconds(m_report->range().bucket));
    const QString rotation = rotationNote();
    return tr("%1, %2: %3 requests, %4 errors (%5). Busiest: %6 with %7 requests. Highest p95 latency %8 ms.")
               .arg(m_filter->currentText(), m_range->currentText(), count(t.requests), count(t.errors()),
                    percent(t.errorRate()), when, count(busiest->requests), QString::number(slowest)) +
           (rotation.isEmpty() ? QString() : QLatin1Char(' ') + rotation);
}

void AnalyticsPage::onDetailsLoaded() {
    m_endpoints->clear();
    for (const EndpointUsage &e : m_report->endpoints())
        addRow(m_endpoints, {e.method + QLatin1Char(' ') + e.route, count(e.requests), count(e.errors)});
    m_topKeys->clear();
    m_errorKeys->clear();
    m_keyNamesNote->hide();
    for (const KeyUsage &k : topKeysByRequests(m_report->keyUsage(), topCount))
        addKeyRow(m_topKeys, k.keyId, {count(k.requests), count(k.errors)});
    for (const KeyUsage &k : topKeysByErrors(m_report->keyUsage(), topCount))
        addKeyRow(m_errorKeys, k.keyId,
                  {count(k.errors), percent(k.requests ? double(k.errors) / double(k.requests) : 0)});
    m_customers->clear();
    for (const CustomerUsage &c : m_report->customers())
        addRow(m_customers, {customerName(c.customerId), count(c.keys), count(c.requests), count(c.errors)})
            ->setData(0, KeyIdRole, c.customerId);
}

void AnalyticsPage::onAttentionLoaded() {
    m_attention->clear();
    for (const KeyAttention &a : m_report->attention()) {
        const bool hidden = nameHidden(a.keyId);
        m_attention->addEntry(a, keyLabel(a.keyId), hidden ? keyNamesNote() : QString());
        if (hidden) {
            m_keyNamesNote->setText(keyNamesNote());
            m_keyNamesNote->show();
        }
    }
    if (m_attention->entryCount() == 0)
        m_attention->showNote(tr("No key needs attention."));
}

void AnalyticsPage::onBucketClicked(UnixTime start, qint64 seconds) {
    Q_UNUSED(seconds)
    // Narrows to the clicked day, by the hour; a day is as narrow as it gets.
    const UsageRange range = m_report->range();
    if (range.to - range.from > 86400) {
        const QDate day = QDateTime::fromSecsSinceEpoch(start, Qt::UTC).date();
        setCustomRange(day, day);
    }
}

void AnalyticsPage::updateStatus() {
    QStringList lines;
    const ConnectionState *state = m_workspace->connectionState();
    const auto when = [](UnixTime t) {
        return QLocale().toString(QDateTime::fromSecsSinceEpoch(t), QLocale::ShortFormat);
    };
    if (state->isOffline())
        lines << tr("Offline since %1: the chart shows the usage saved on this computer.")
                     .arg(when(state->offlineSince()));
    else if (m_report->fromCache())
        lines << tr("The gateway did not answer: the chart shows the usage saved on this computer.");
    if (const UnixTime kept = m_report->detailsKeptFrom())
        lines << tr("The tables beside the chart are from %1, saved on this computer.").arg(when(kept));
    else if (state->isOffline() && m_report->endpoints().isEmpty() && m_report->keyUsage().isEmpty())
        lines << tr("The tables beside the chart need the gateway: none were saved for this range.");
    if (const UnixTime kept = m_report->attentionKeptFrom())
        lines << tr("The keys that deserve attention are checked on usage from %1, saved on this computer.")
                     .arg(when(kept));
    if (!m_detailsError.isEmpty() && !state->isOffline())
        lines << m_detailsError;
    m_status->setText(lines.join(QLatin1Char('\n')));
    m_status->setVisible(!lines.isEmpty());
}

bool AnalyticsPage::exportCsv(const QString &path) const {
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(usageCsv(m_report->buckets())) >= 0 && file.commit();
}

bool AnalyticsPage::exportPng(const QString &path) const {
    return m_chart->image().save(path, "PNG");
}

void AnalyticsPage::chooseExport(bool png) {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = png ? QStringLiteral("/usage.png") : QStringLiteral("/usage.csv");
    const QString path =
        png ? QFileDialog::getSaveFileName(this, tr("Export chart"), folder + name, tr("PNG images (*.png)"))
            : QFileDialog::getSaveFileName(this, tr("Export usage"), folder + name, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (!(png ? exportPng(path) : exportCsv(path)))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1.").arg(path));
}

} // namespace knotie
