#include "ui/pages/apikeyspage.h"

#include "models/items/keyfilterproxy.h"
#include "models/items/keytablemodel.h"
#include "models/items/listmodels.h"
#include "models/keys/keyservice.h"
#include "models/sync/synccontroller.h"
#include "models/workspace/workspace.h"
#include "ui/keys/createkeydialog.h"
#include "ui/keys/createkeyflow.h"
#include "ui/keys/editkeydialog.h"
#include "ui/keys/keyactions.h"
#include "ui/keys/keybatch.h"
#include "ui/keys/keycsv.h"
#include "ui/keys/keyhistorydialog.h"
#include "ui/keys/keytabledelegate.h"
#include "ui/keys/keytypetext.h"
#include "ui/keys/revealsecret.h"
#include "ui/keys/revokekeydialog.h"
#include "ui/keys/rotatekeydialog.h"
#include "ui/pages/navigator.h"
#include "ui/pages/pageheader.h"
#include "ui/widgets/actionbar.h"
#include "ui/widgets/messages.h"
#include "ui/widgets/searchfield.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace knotie {

namespace {
const QString headerSetting = QStringLiteral("apiKeys/tableHeader");
const QString retiredSetting = QStringLiteral("apiKeys/showRetired");

QLabel *wrappedLabel(const QString &text, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}
} // namespace

struct ApiKeysPage::Private {
    PageContext context;
    Workspace *workspace = nullptr;
    KeyTableModel *model = nullptr;
    KeyFilterProxy *proxy = nullptr;
    QTableView *table = nullptr;
    KeyActions *actions = nullptr;
    QLineEdit *search = nullptr;
    QComboBox *type = nullptr;
    QComboBox *status = nullptr;
    QComboBox *creator = nullptr;
    QCheckBox *showRetired = nullptr;
    QLabel *condition = nullptr; // the Overview's key-health condition, with a way out
    QLabel *count = nullptr;
    QLabel *banner = nullptr;
    QLabel *message = nullptr;
    QStackedWidget *stack = nullptr;
    QWidget *tablePane = nullptr;
    QScrollArea *emptyState = nullptr; // built when first needed
    QLabel *waitingPane = nullptr;
    QPointer<CreateKeyDialog> createDialog;
    QPointer<KeyBatch> batch;
    QTimer creatorsTimer;
    QTimer minuteTimer;
    // Keys to select once the worker has stored them (a new key arrives a moment after its secret).
    QStringList pendingSelection;
    bool fitColumns = false; // no widths remembered: fitted to the table when first shown
};

ApiKeysPage::ApiKeysPage(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>()) {
    d->context = context;
    d->workspace = context.workspace;
    d->model = d->workspace->keyModel();
    setObjectName(QStringLiteral("apiKeysPage"));
    d->actions = new KeyActions(this);

    // Title row with the one button the help article names.
    auto *createButton = new QPushButton(tr("Create API Key"), this);
    createButton->setObjectName(QStringLiteral("createKeyButton"));
    createButton->setAccessibleName(tr("Create API Key"));
    createButton->setToolTip(d->actions->create->toolTip());
    connect(createButton, &QPushButton::clicked, d->actions->create, &QAction::trigger);
    connect(d->actions->create, &QAction::changed, createButton,
            [this, createButton] { createButton->setEnabled(d->actions->create->isEnabled()); });
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(new PageHeader(pageTitle(Page::ApiKeys), this));
    titleRow->addStretch();
    titleRow->addWidget(createButton);

    auto *toolbar = new ActionBar(tr("Key actions"), this);
    toolbar->setObjectName(QStringLiteral("keyToolbar"));
    for (QAction *a : {d->actions->rotate, d->actions->revoke, d->actions->edit, d->actions->copyId,
                       d->actions->usage, d->actions->history, d->actions->linked})
        toolbar->addButton(a);
    toolbar->addSeparator();
    toolbar->addButton(d->actions->exportCsv);

    d->proxy = new KeyFilterProxy(this);
    d->proxy->setKeyModel(d->model);
    auto *filterBar = new QWidget(this);
    buildFilters(filterBar);

    d->banner = makeNotice(this);
    d->banner->setObjectName(QStringLiteral("offlineBanner"));
    d->banner->hide();
    d->message = wrappedLabel(QString(), this);
    d->message->setObjectName(QStringLiteral("pageMessage"));
    d->message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    d->message->hide();

    // The table.
    d->table = new QTableView(this);
    d->table->setObjectName(QStringLiteral("keyTable"));
    d->table->setAccessibleName(tr("API keys"));
    d->table->setItemDelegate(new KeyTableDelegate(d->model, d->table));
    d->table->setModel(d->proxy);
    d->table->setSelectionBehavior(QAbstractItemView::SelectRows);
    d->table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    d->table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    d->table->setWordWrap(false);
    d->table->setAlternatingRowColors(true);
    d->table->setSortingEnabled(true);
    d->table->setContextMenuPolicy(Qt::CustomContextMenu);
    d->table->verticalHeader()->hide();
    // Fixed row heights: the view never measures 100,000 rows.
    d->table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    d->table->verticalHeader()->setDefaultSectionSize(d->table->fontMetrics().height() + 12);
    QHeaderView *header = d->table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    // Times as wide as the longest usual one ("59 minutes ago", in the person's language).
    const int time = d->table->fontMetrics().horizontalAdvance(relativeTime(1, 1 + 59 * 60)) + 16;
    const QList<int> widths{190, 95, 140, 105, 190, time, 120, time, time, 90};
    for (int c = 0; c < widths.size(); ++c)
        header->resizeSection(c, widths[c]);
    if (!header->restoreState(QSettings().value(headerSetting).toByteArray())) {
        d->fitColumns = true;
        // What a person checks first comes first: is it working, is it used.
        header->moveSection(header->visualIndex(KeyTableModel::Usage), KeyTableModel::Status + 1);
        header->moveSection(header->visualIndex(KeyTableModel::LastUsed), KeyTableModel::Status + 2);
        d->table->sortByColumn(KeyTableModel::Created, Qt::DescendingOrder);
    }
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](const QPoint &at) {
        QMenu menu(this);
        menu.setTitle(tr("Columns"));
        for (int c = 0; c < KeyTableModel::ColumnCount; ++c) {
            QAction *a = menu.addAction(d->model->headerData(c, Qt::Horizontal).toString());
            a->setCheckable(true);
            a->setChecked(!header->isSectionHidden(c));
            // The name says which key a row is: it always stays.
            a->setEnabled(c != KeyTableModel::Name);
            connect(a, &QAction::toggled, header, [header, c](bool on) { header->setSectionHidden(c, !on); });
        }
        menu.exec(header->mapToGlobal(at));
    });
    connect(d->table, &QTableView::customContextMenuRequested, this, [this](const QPoint &at) {
        QMenu menu(this);
        for (QAction *a : {d->actions->copyId, d->actions->edit, d->actions->rotate, d->actions->revoke})
            menu.addAction(a);
        menu.addSeparator();
        for (QAction *a : {d->actions->usage, d->actions->history, d->actions->linked})
            menu.addAction(a);
        menu.exec(d->table->viewport()->mapToGlobal(at));
    });
    connect(d->table, &QTableView::doubleClicked, d->actions->edit, &QAction::trigger);
    connect(d->table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ApiKeysPage::updateActions);

    d->tablePane = d->table;

    d->waitingPane = new QLabel(this);
    d->waitingPane->setObjectName(QStringLiteral("waitingState"));
    d->waitingPane->setAlignment(Qt::AlignCenter);
    d->waitingPane->setWordWrap(true);

    d->stack = new QStackedWidget(this);
    d->stack->addWidget(d->tablePane);
    d->stack->addWidget(d->waitingPane);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->addLayout(titleRow);
    layout->addWidget(wrappedLabel(pageDescription(Page::ApiKeys), this));
    layout->addWidget(toolbar);
    layout->addWidget(filterBar);
    layout->addWidget(d->banner);
    layout->addWidget(d->message);
    layout->addWidget(d->stack, 1);
    // The order they are seen in: top to bottom, left to right.
    const QList<QWidget *> tabOrder =
        QList<QWidget *>{createButton} + toolbar->buttons() +
        QList<QWidget *>{d->search, d->type, d->status, d->creator, d->showRetired, d->table};
    for (qsizetype i = 1; i < tabOrder.size(); ++i)
        setTabOrder(tabOrder[i - 1], tabOrder[i]);

    // The flows.
    connect(d->actions->create, &QAction::triggered, this, &ApiKeysPage::createKey);
    connect(d->actions->rotate, &QAction::triggered, this, &ApiKeysPage::rotateSelected);
    connect(d->actions->revoke, &QAction::triggered, this, &ApiKeysPage::revokeSelected);
    connect(d->actions->edit, &QAction::triggered, this, &ApiKeysPage::editSelected);
    connect(d->actions->copyId, &QAction::triggered, this, [this] {
        const QList<ApiKey> keys = selectedKeys();
        if (keys.size() != 1)
            return;
        QGuiApplication::clipboard()->setText(keys.first().id);
        showMessage(tr("Copied the key id %1.").arg(keys.first().id), false);
    });
    connect(d->actions->usage, &QAction::triggered, this, [this] {
        const QList<ApiKey> keys = selectedKeys();
        if (keys.size() == 1)
            Q_EMIT keyUsageRequested(keys.first().id);
    });
    connect(d->actions->history, &QAction::triggered, this, [this] {
        const QList<ApiKey> keys = selectedKeys();
        if (keys.size() != 1)
            return;
        const ApiKey &k = keys.first();
        QSet<QString> ids{k.id};
        if (!k.replaces.isEmpty())
            ids.insert(k.replaces);
        if (!k.replacedBy.isEmpty())
            ids.insert(k.replacedBy);
        auto *dialog = new KeyHistoryDialog(d->workspace->auditModel(), k.name, ids, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(d->actions->linked, &QAction::triggered, this, [this] {
        const QList<ApiKey> keys = selectedKeys();
        if (keys.size() != 1)
            return;
        const QString target =
            keys.first().replacedBy.isEmpty() ? keys.first().replaces : keys.first().replacedBy;
        if (!d->proxy->mapFromSource(d->model->index(qMax(0, d->model->rowOf(target)), 0)).isValid())
            d->showRetired->setChecked(true);
        selectKeys({target});
    });
    connect(d->actions->exportCsv, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export API Keys"), tr("api-keys.csv"),
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportTo(path);
    });
    // Failures of renames (creates and batches report their own).
    connect(d->workspace->keys(), &KeyService::failed, this, [this](const QString &message) {
        if (!d->createDialog && !d->batch)
            showMessage(message, true);
    });
    connect(d->workspace->keys(), &KeyService::refused, this, [this](const QString &reason) {
        if (!d->createDialog && !d->batch)
            showMessage(reason, true);
    });

    // Keeping the states current.
    connect(d->proxy, &QAbstractItemModel::modelReset, this, &ApiKeysPage::updateState);
    connect(d->proxy, &QAbstractItemModel::layoutChanged, this, &ApiKeysPage::updateState);
    connect(d->proxy, &QAbstractItemModel::rowsInserted, this, &ApiKeysPage::updateState);
    connect(d->proxy, &QAbstractItemModel::rowsRemoved, this, &ApiKeysPage::updateState);
    connect(d->model, &QAbstractItemModel::rowsInserted, this, &ApiKeysPage::updateState);
    connect(d->model, &QAbstractItemModel::dataChanged, this, &ApiKeysPage::updateActions);
    // Queued: the proxy and the view finish their own bookkeeping of the new rows first.
    connect(
        d->model, &QAbstractItemModel::rowsInserted, this,
        [this] {
            if (!d->pendingSelection.isEmpty())
                selectKeys(d->pendingSelection);
        },
        Qt::QueuedConnection);
    ConnectionState *state = d->workspace->connectionState();
    connect(state, &ConnectionState::changed, this, [this] {
        updateState();
        updateActions();
    });
    connect(d->workspace->sync()->worker(), &SyncWorker::syncSucceeded, this, &ApiKeysPage::fetchUsage);
    // The creator filter lists whoever created a key; worked out once the rows settle.
    d->creatorsTimer.setSingleShot(true);
    d->creatorsTimer.setInterval(0);
    connect(&d->creatorsTimer, &QTimer::timeout, this, &ApiKeysPage::updateCreators);
    connect(d->model, &QAbstractItemModel::modelReset, &d->creatorsTimer, qOverload<>(&QTimer::start));
    connect(d->model, &QAbstractItemModel::rowsInserted, &d->creatorsTimer, qOverload<>(&QTimer::start));
    d->minuteTimer.setInterval(60 * 1000);
    connect(&d->minuteTimer, &QTimer::timeout, this,
            [this] { d->model->setNow(QDateTime::currentSecsSinceEpoch()); });
    d->minuteTimer.start();

    d->creatorsTimer.start();
    updateState();
    updateActions();
    fetchUsage();
}

ApiKeysPage::~ApiKeysPage() {
    saveLayout();
}

void ApiKeysPage::buildFilters(QWidget *bar) {
    d->search = new QLineEdit(bar);
    d->search->setObjectName(QStringLiteral("keySearch"));
    d->search->setAccessibleName(tr("Search keys"));
    d->search->setPlaceholderText(tr("Search name, description, prefix, customer or creator"));
    addClearButton(d->search);
    d->search->setMinimumWidth(d->search->fontMetrics().horizontalAdvance(d->search->placeholderText()) / 2);
    connect(d->search, &QLineEdit::textChanged, d->proxy, &KeyFilterProxy::setText);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, d->search, [this] {
        d->search->setFocus();
        d->search->selectAll();
    });
    addAction(find);

    d->type = new QComboBox(bar);
    d->type->setObjectName(QStringLiteral("typeFilter"));
    d->type->setAccessibleName(tr("Filter by type"));
    d->type->addItem(tr("All types"), -1);
    for (KeyType t : allKeyTypes)
        d->type->addItem(keyTypeText(t).title, int(t));
    connect(d->type, &QComboBox::currentIndexChanged, d->proxy, [this] {
        const int t = d->type->currentData().toInt();
        d->proxy->setTypes(t < 0 ? QSet<KeyType>() : QSet<KeyType>{KeyType(t)});
    });

    d->status = new QComboBox(bar);
    d->status->setObjectName(QStringLiteral("statusFilter"));
    d->status->setAccessibleName(tr("Filter by status"));
    d->status->addItem(tr("Any status"), -1);
    for (KeyStatus s : {KeyStatus::Active, KeyStatus::Expiring, KeyStatus::Revoked, KeyStatus::Expired})
        d->status->addItem(keyStatusDisplayName(s), int(s));
    connect(d->status, &QComboBox::currentIndexChanged, d->proxy, [this] {
        const int s = d->status->currentData().toInt();
        d->proxy->setStatus(s < 0 ? std::nullopt : std::optional<KeyStatus>(KeyStatus(s)));
    });

    d->creator = new QComboBox(bar);
    d->creator->setObjectName(QStringLiteral("creatorFilter"));
    d->creator->setAccessibleName(tr("Filter by creator"));
    d->creator->addItem(tr("Anyone"), QString());
    d->creator->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(d->creator, &QComboBox::currentIndexChanged, d->proxy,
            [this] { d->proxy->setCreator(d->creator->currentData().toString()); });

    d->showRetired = new QCheckBox(tr("Show re&voked and expired"), bar);
    d->showRetired->setObjectName(QStringLiteral("showRetired"));
    d->showRetired->setChecked(QSettings().value(retiredSetting, false).toBool());
    d->proxy->setShowRetired(d->showRetired->isChecked());
    connect(d->showRetired, &QCheckBox::toggled, d->proxy, &KeyFilterProxy::setShowRetired);
    d->count = new QLabel(bar);
    d->count->setObjectName(QStringLiteral("keyCount"));

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->search, 1);
    layout->addWidget(d->type);
    layout->addWidget(d->status);
    layout->addWidget(d->creator);
    layout->addWidget(d->showRetired);
    layout->addWidget(d->count);

    d->condition = new QLabel(bar);
    d->condition->setObjectName(QStringLiteral("conditionFilter"));
    d->condition->setTextFormat(Qt::RichText);
    d->condition->hide();
    connect(d->condition, &QLabel::linkActivated, this, [this] { applyFilter(KeyFilter{}); });
    layout->insertWidget(1, d->condition);
    // The Overview's key counts open this page on the same keys they counted.
    if (Navigator *navigator = d->context.navigator) {
        if (!(navigator->keyFilter() == KeyFilter{}))
            applyFilter(navigator->keyFilter());
        connect(navigator, &Navigator::keyFilterRequested, this, &ApiKeysPage::applyFilter);
    }
}

void ApiKeysPage::applyFilter(const KeyFilter &filter) {
    d->type->setCurrentIndex(filter.type ? d->type->findData(int(*filter.type)) : 0);
    d->status->setCurrentIndex(filter.status ? d->status->findData(int(*filter.status)) : 0);
    if (filter.showsRetired())
        d->showRetired->setChecked(true);
    d->proxy->setCustomer(filter.customerId);
    d->proxy->setCondition(filter.condition);
    QString text;
    switch (filter.condition) {
    case KeyFilter::Condition::None:
        break;
    case KeyFilter::Condition::ExpiringSoon:
        text = tr("Expiring within 7 days");
        break;
    case KeyFilter::Condition::Unused:
        text = tr("Unused for 90 days");
        break;
    case KeyFilter::Condition::NoExpiry:
        text = tr("Without expiry");
        break;
    }
    if (!filter.customerId.isEmpty())
        text = text.isEmpty() ? tr("One customer's keys") : text;
    d->condition->setText(text.isEmpty() ? QString()
                                         : QStringLiteral("<b>%1</b> · <a href=\"clear\">%2</a>")
                                               .arg(text.toHtmlEscaped(), tr("Show all")));
    d->condition->setAccessibleName(text);
    d->condition->setVisible(!text.isEmpty());
}

QTableView *ApiKeysPage::table() const {
    return d->table;
}

KeyFilterProxy *ApiKeysPage::proxy() const {
    return d->proxy;
}

KeyActions *ApiKeysPage::actions() const {
    return d->actions;
}

void ApiKeysPage::updateCreators() {
    QHash<QString, QString> creators;
    for (const ApiKey &k : d->model->rows())
        creators.insert(k.createdBy.id, k.createdBy.name);
    const QString current = d->creator->currentData().toString();
    const QSignalBlocker blocker(d->creator);
    while (d->creator->count() > 1)
        d->creator->removeItem(1);
    QList<std::pair<QString, QString>> sorted;
    for (auto it = creators.cbegin(); it != creators.cend(); ++it)
        sorted.append({it.value(), it.key()});
    std::sort(sorted.begin(), sorted.end());
    for (const auto &[name, id] : sorted)
        d->creator->addItem(name, id);
    d->creator->setCurrentIndex(qMax(0, d->creator->findData(current)));
}

QWidget *ApiKeysPage::emptyState() {
    if (d->emptyState)
        return d->emptyState;
    // What the four types are for, least privilege first, and the button.
    auto *pane = new QWidget;
    pane->setObjectName(QStringLiteral("emptyState"));
    auto *layout = new QVBoxLayout(pane);
    auto *title = new QLabel(tr("Create your first API key"), pane);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    f.setBold(true);
    title->setFont(f);
    layout->addWidget(title);
    layout->addWidget(wrappedLabel(tr("API keys connect Knotie AI Pro to your tools and automations: AI "
                                      "automation over MCP, internal dashboards, onboarding scripts. There "
                                      "are four types; pick the least privileged one that does the job."),
                                   pane));
    for (KeyType type : allKeyTypes) {
        const KeyTypeText text = keyTypeText(type);
        auto *row = wrappedLabel(QStringLiteral("<span style=\"color:%1\"><b>%2</b></span> — %3 %4")
                                     .arg(text.badge.name(), text.title.toHtmlEscaped(),
                                          text.summary.toHtmlEscaped(), text.useFor.toHtmlEscaped()),
                                 pane);
        row->setObjectName(QStringLiteral("emptyType_") + keyTypeWireName(type));
        layout->addWidget(row);
    }
    auto *button = new QPushButton(tr("Create API Key"), pane);
    button->setObjectName(QStringLiteral("emptyCreateButton"));
    connect(button, &QPushButton::clicked, d->actions->create, &QAction::trigger);
    layout->addSpacing(8);
    layout->addWidget(button, 0, Qt::AlignLeft);
    layout->addStretch();

    // Scrolls rather than squeezes its wrapped sentences in a short window.
    d->emptyState = new QScrollArea(d->stack);
    d->emptyState->setObjectName(QStringLiteral("emptyScroll"));
    d->emptyState->setWidget(pane);
    d->emptyState->setWidgetResizable(true);
    d->emptyState->setFrameShape(QFrame::NoFrame);
    d->stack->addWidget(d->emptyState);
    return d->emptyState;
}

void ApiKeysPage::updateState() {
    ConnectionState *state = d->workspace->connectionState();
    const int total = d->model->rowCount();
    QWidget *pane = d->tablePane;
    if (total == 0) {
        if (state->isOffline()) {
            d->waitingPane->setText(
                state->statusText() + QLatin1Char('\n') +
                tr("Your keys appear here once the gateway can be reached. The portal keeps "
                   "trying."));
            pane = d->waitingPane;
        } else if (!state->lastSyncedAt()) {
            d->waitingPane->setText(tr("Loading your keys…"));
            pane = d->waitingPane;
        } else {
            pane = emptyState();
        }
    }
    d->stack->setCurrentWidget(pane);
    d->banner->setVisible(state->isOffline() && total > 0);
    if (state->isOffline())
        d->banner->setText(state->statusText() + QLatin1Char(' ') +
                           tr("Creating, rotating and revoking keys need the gateway."));
    d->count->setText(tr("%1 of %n key(s)", nullptr, total).arg(d->proxy->rowCount()));
}

void ApiKeysPage::updateActions() {
    d->actions->update(selectedKeys(), d->workspace->keys()->refusal());
}

QList<ApiKey> ApiKeysPage::selectedKeys() const {
    QList<ApiKey> keys;
    for (const QModelIndex &index : d->table->selectionModel()->selectedRows()) {
        const int row = d->proxy->mapToSource(index).row();
        if (row >= 0)
            keys.append(d->model->keyAt(row));
    }
    return keys;
}

void ApiKeysPage::selectKeys(const QStringList &wanted) {
    const QStringList keyIds = wanted; // `wanted` may be pendingSelection itself
    d->pendingSelection.clear();
    for (const QString &id : keyIds)
        if (d->model->rowOf(id) < 0)
            d->pendingSelection = keyIds;
    QItemSelection selection;
    QModelIndex first;
    for (const QString &id : keyIds) {
        const QModelIndex index = d->model->indexFromKey(id, d->proxy);
        if (!index.isValid())
            continue;
        if (!first.isValid())
            first = index;
        selection.select(index, index.siblingAtColumn(KeyTableModel::ColumnCount - 1));
    }
    d->table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (first.isValid()) {
        d->table->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        d->table->scrollTo(first);
    }
}

void ApiKeysPage::fetchUsage() {
    if (!d->workspace->keys()->refusal().isEmpty())
        return;
    // The last seven whole UTC days, today included: the gateway wants day boundaries.
    const UnixTime now = QDateTime::currentSecsSinceEpoch();
    UsageQuery query;
    query.bucket = BucketSize::Day;
    query.to = now - now % 86400 + 86400;
    query.from = query.to - 7 * 86400;
    SyncWorker *worker = d->workspace->sync()->worker();
    QMetaObject::invokeMethod(worker, [worker, query] { worker->fetchKeyUsage(query); });
}

void ApiKeysPage::showMessage(const QString &text, bool error) {
    showStatus(d->message, text, error);
}

void ApiKeysPage::createKey() {
    KeyService *service = d->workspace->keys();
    if (const QString refusal = service->refusal(); !refusal.isEmpty())
        return showMessage(refusal, true);
    if (d->createDialog)
        return d->createDialog->raise();
    auto *flow = new CreateKeyFlow(d->context, this);
    connect(flow, &CreateKeyFlow::created, this, [this](const ApiKey &key) { selectKeys({key.id}); });
    d->createDialog = flow->start();
}

void ApiKeysPage::runBatch(int action, const QList<ApiKey> &keys, int graceSeconds) {
    if (d->batch || keys.isEmpty())
        return;
    auto *batch = new KeyBatch(d->workspace->keys(), KeyBatch::Action(action), keys, graceSeconds, this);
    d->batch = batch;
    connect(batch, &KeyBatch::secretIssued, this, [this](const ApiKey &key, const QByteArray &secret) {
        revealSecret(d->context, key, secret, this);
    });
    connect(batch, &KeyBatch::progress, this, [this, batch](int done, int total) {
        if (done < total)
            showMessage(batch->action() == KeyBatch::Action::Rotate
                            ? tr("Rotating %1 of %2…").arg(done + 1).arg(total)
                            : tr("Revoking %1 of %2…").arg(done + 1).arg(total),
                        false);
    });
    connect(batch, &KeyBatch::finished, this, [this, batch] {
        const QString summary = batch->summary();
        showMessage(summary, batch->succeeded() < batch->outcomes().size());
        QStringList ids;
        for (const KeyBatch::Outcome &o : batch->outcomes())
            ids.append(o.key.id);
        selectKeys(ids);
        batch->deleteLater();
        d->batch = nullptr;
        updateActions();
        Q_EMIT batchFinished(summary);
    });
    batch->start();
}

void ApiKeysPage::rotateSelected() {
    QList<ApiKey> keys = selectedKeys();
    keys.removeIf([](const ApiKey &k) { return !KeyActions::mayRotate(k); });
    if (keys.isEmpty())
        return;
    auto *dialog = new RotateKeyDialog(keys, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, keys] { runBatch(int(KeyBatch::Action::Rotate), keys, dialog->graceSeconds()); });
    dialog->open();
}

void ApiKeysPage::revokeSelected() {
    QList<ApiKey> keys = selectedKeys();
    keys.removeIf([](const ApiKey &k) { return !KeyActions::mayRevoke(k); });
    if (keys.isEmpty())
        return;
    auto *dialog = new RevokeKeyDialog(keys, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, keys] { runBatch(int(KeyBatch::Action::Revoke), keys, 0); });
    dialog->open();
}

void ApiKeysPage::editSelected() {
    const QList<ApiKey> keys = selectedKeys();
    if (keys.size() != 1 || keys.first().isRetired())
        return;
    const ApiKey key = keys.first();
    auto *dialog = new EditKeyDialog(key, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, key] {
        std::optional<QString> name, description;
        if (dialog->name() != key.name)
            name = dialog->name();
        if (dialog->description() != key.description)
            description = dialog->description();
        if (name || description)
            d->workspace->keys()->update(key.id, name, description);
    });
    dialog->open();
}

void ApiKeysPage::exportTo(const QString &path) {
    QList<ApiKey> keys;
    QHash<QString, QString> customers;
    keys.reserve(d->proxy->rowCount());
    for (int r = 0; r < d->proxy->rowCount(); ++r) {
        const ApiKey &k = d->model->keyAt(d->proxy->mapToSource(d->proxy->index(r, 0)).row());
        keys.append(k);
        if (!k.customerId.isEmpty() && !customers.contains(k.customerId))
            customers.insert(k.customerId, d->model->customerName(k.customerId));
    }
    const int n = int(keys.size());
    exportKeysCsv(std::move(keys), std::move(customers), path, this, [this, n, path](const QString &error) {
        showMessage(error.isEmpty() ? tr("Exported %n key(s) to %1.", nullptr, n).arg(path)
                                    : tr("Could not export the keys: %1").arg(error),
                    !error.isEmpty());
        Q_EMIT exported(error);
    });
}

void ApiKeysPage::saveLayout() const {
    QSettings settings;
    settings.setValue(headerSetting, d->table->horizontalHeader()->saveState());
    settings.setValue(retiredSetting, d->showRetired->isChecked());
}

void ApiKeysPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (std::exchange(d->fitColumns, false))
        fitColumnsToTable();
}

// The default widths fit the columns' usual contents. Where the table is narrower than
// their sum, the columns whose text elides well give way, down to a width that still reads,
// so that every column shows without scrolling sideways.
void ApiKeysPage::fitColumnsToTable() {
    QHeaderView *header = d->table->horizontalHeader();
    // The table fills the stack; room is kept for the scroll bar a long list needs.
    const int available = d->stack->width() - 2 * d->table->frameWidth() -
                          d->table->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, d->table);
    int excess = header->length() - available;
    // Each gives a little before the next gives more: a name or a customer is still told
    // apart at 160 and 120 pixels; the status in full is its tooltip.
    const QList<std::pair<int, int>> steps{{KeyTableModel::Name, 160},      {KeyTableModel::Customer, 120},
                                           {KeyTableModel::CreatedBy, 110}, {KeyTableModel::Status, 110},
                                           {KeyTableModel::Name, 140},      {KeyTableModel::Customer, 100}};
    QHash<int, int> widths;
    for (const auto &[column, narrowest] : steps) {
        const int width = widths.value(column, header->sectionSize(column));
        const int given = qMax(0, qMin(excess, width - narrowest));
        widths.insert(column, width - given);
        excess -= given;
    }
    // If they cannot all fit, they keep their widths: scrolling sideways is needed anyway,
    // and the columns in view stay readable.
    if (excess > 0)
        return;
    for (auto it = widths.cbegin(); it != widths.cend(); ++it)
        header->resizeSection(it.key(), it.value());
}

void ApiKeysPage::hideEvent(QHideEvent *event) {
    saveLayout();
    QWidget::hideEvent(event);
}

} // namespace knotie
