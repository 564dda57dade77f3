#include "ui/pages/apikeyspage.h"

#include "models/analytics/usageservice.h"
#include "models/analytics/usagestats.h"
#include "models/items/keyfilterproxy.h"
#include "models/items/keytablemodel.h"
#include "models/keys/keyservice.h"
#include "models/keys/keystore.h"
#include "models/secrets/keysecrets.h"
#include "models/session/session.h"
#include "models/sync/synccontroller.h"
#include "models/workspace/workspace.h"
#include "ui/keys/keyactions.h"
#include "ui/keys/keyfilterbar.h"
#include "ui/keys/keyflows.h"
#include "ui/keys/keytableview.h"
#include "ui/keys/keytypetext.h"
#include "ui/keys/testkeydialog.h"
#include "ui/notifications/usagewarningdialog.h"
#include "ui/pages/navigator.h"
#include "ui/pages/pageheader.h"
#include "ui/style/metrics.h"
#include "ui/widgets/actionbar.h"
#include "ui/widgets/messageline.h"
#include "ui/widgets/messages.h"

#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace knotie {

namespace {
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
    KeyTableView *table = nullptr;
    KeyFilterBar *filters = nullptr;
    KeyActions *actions = nullptr;
    KeyFlows *flows = nullptr;
    QPushButton *createButton = nullptr;
    ActionBar *toolbar = nullptr;
    QLabel *banner = nullptr;
    MessageLine *message = nullptr;
    QStackedWidget *stack = nullptr;
    QScrollArea *emptyState = nullptr; // built when first needed
    QLabel *waitingPane = nullptr;
    QTimer minuteTimer;
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
    d->flows = new KeyFlows(context, this);

    d->proxy = new KeyFilterProxy(this);
    d->proxy->setKeyModel(d->model);
    d->filters = new KeyFilterBar(d->proxy, d->workspace->keyStore(), this);
    addAction(d->filters->findAction());
    d->table = new KeyTableView(d->model, d->proxy, this);
    d->fitColumns = !d->table->restoredLayout();

    d->banner = makeNotice(this);
    d->banner->setObjectName(QStringLiteral("offlineBanner"));
    d->banner->hide();
    d->message = new MessageLine(QStringLiteral("pageMessage"), this);

    d->waitingPane = new QLabel(this);
    d->waitingPane->setObjectName(QStringLiteral("waitingState"));
    d->waitingPane->setAlignment(Qt::AlignCenter);
    d->waitingPane->setWordWrap(true);
    d->stack = new QStackedWidget(this);
    d->stack->addWidget(d->table);
    d->stack->addWidget(d->waitingPane);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(pageMarginsAboveButtons);
    layout->addLayout(buildTitleRow());
    layout->addWidget(wrappedLabel(pageDescription(Page::ApiKeys), this));
    layout->addWidget(d->toolbar);
    layout->addWidget(d->filters);
    layout->addWidget(d->banner);
    layout->addWidget(d->message);
    layout->addWidget(d->stack, 1);
    // The order they are seen in: top to bottom, left to right.
    const QList<QWidget *> tabOrder = QList<QWidget *>{d->createButton} + d->toolbar->buttons() +
                                      d->filters->fields() + QList<QWidget *>{d->table};
    for (qsizetype i = 1; i < tabOrder.size(); ++i)
        setTabOrder(tabOrder[i - 1], tabOrder[i]);

    buildCommands();
    // What the page's keyboard work starts from: the key search (MainWindow focuses it on showing the page).
    setFocusProxy(d->filters->fields().constFirst());

    // Keeping the states current: the view's rows for what shows, the store's keys for facts.
    connect(d->proxy, &QAbstractItemModel::modelReset, this, &ApiKeysPage::updateState);
    connect(d->proxy, &QAbstractItemModel::layoutChanged, this, &ApiKeysPage::updateState);
    connect(d->proxy, &QAbstractItemModel::rowsInserted, this, &ApiKeysPage::updateState);
    connect(d->proxy, &QAbstractItemModel::rowsRemoved, this, &ApiKeysPage::updateState);
    KeyStore *keys = d->workspace->keyStore();
    connect(keys, &KeyStore::added, this, &ApiKeysPage::updateState);
    connect(keys, &KeyStore::keysChanged, this, &ApiKeysPage::updateActions);
    // Queued: the proxy and the view finish their own bookkeeping of the new rows first.
    connect(keys, &KeyStore::added, d->table, &KeyTableView::selectPendingKeys, Qt::QueuedConnection);
    connect(d->workspace->connectionState(), &ConnectionState::changed, this, [this] {
        updateState();
        updateActions();
    });
    connect(d->workspace->usage(), &UsageService::refreshDue, this, &ApiKeysPage::fetchUsage);
    d->minuteTimer.setInterval(60 * 1000);
    connect(&d->minuteTimer, &QTimer::timeout, this,
            [this] { d->model->setNow(QDateTime::currentSecsSinceEpoch()); });
    d->minuteTimer.start();

    // The Overview's key counts open this page on the same keys they counted, and the
    // command palette's key search selects the key it found.
    if (Navigator *navigator = d->context.navigator) {
        if (!(navigator->keyFilter() == KeyFilter{}))
            applyFilter(navigator->keyFilter());
        connect(navigator, &Navigator::keyFilterRequested, this, &ApiKeysPage::applyFilter);
        connect(navigator, &Navigator::keySelectionRequested, this,
                [this](const QString &keyId) { selectKeys({keyId}); });
        connect(navigator, &Navigator::keyDetailsRequested, this, [this](const QString &keyId) {
            selectKeys({keyId});
            if (const ApiKey *key = d->workspace->keyStore()->find(keyId))
                d->flows->showDetails(*key);
        });
        connect(navigator, &Navigator::keyCommandRequested, this, &ApiKeysPage::runCommandOn);
        connect(navigator, &Navigator::keyCreationRequested, d->flows,
                [this](KeyType type, const QString &name, const QString &customerId) {
                    d->flows->createKey(type, name, customerId);
                });
    }
    updateState();
    updateActions();
    fetchUsage();
}

ApiKeysPage::~ApiKeysPage() {
    saveLayout();
}

// The title with the one button the help article names, and the toolbar below it.
QLayout *ApiKeysPage::buildTitleRow() {
    d->createButton = new QPushButton(tr("Create API Key"), this);
    d->createButton->setObjectName(QStringLiteral("createKeyButton"));
    d->createButton->setAccessibleName(tr("Create API Key"));
    d->createButton->setToolTip(d->actions->create->toolTip());
    connect(d->createButton, &QPushButton::clicked, d->actions->create, &QAction::trigger);
    connect(d->actions->create, &QAction::changed, d->createButton,
            [this] { d->createButton->setEnabled(d->actions->create->isEnabled()); });
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(new PageHeader(pageTitle(Page::ApiKeys), this));
    titleRow->addStretch();
    titleRow->addWidget(d->createButton);

    d->toolbar = new ActionBar(tr("Key actions"), this);
    d->toolbar->setObjectName(QStringLiteral("keyToolbar"));
    for (QAction *a :
         {d->actions->rotate, d->actions->revoke, d->actions->edit, d->actions->limits, d->actions->copyId,
          d->actions->details, d->actions->usage, d->actions->history, d->actions->linked})
        d->toolbar->addButton(a);
    d->toolbar->addSeparator();
    d->toolbar->addButton(d->actions->exportCsv);
    return titleRow;
}

// What each command does, and where its answers go.
void ApiKeysPage::buildCommands() {
    KeyActions *a = d->actions;
    a->setSelectionSource([this] { return d->table->selectedKeys(); });
    a->create->setRun([this](const QList<ApiKey> &) { createKey(); });
    a->rotate->setRun([this](const QList<ApiKey> &keys) { d->flows->rotate(keys); });
    a->revoke->setRun([this](const QList<ApiKey> &keys) { d->flows->revoke(keys); });
    a->edit->setRun([this](const QList<ApiKey> &keys) { d->flows->edit(keys.first()); });
    a->limits->setRun([this](const QList<ApiKey> &keys) { d->flows->changeLimits(keys.first()); });
    a->details->setRun([this](const QList<ApiKey> &keys) { d->flows->showDetails(keys.first()); });
    a->usageWarning->setRun([this](const QList<ApiKey> &keys) {
        UsageWarningDialog::ask(keys.first(), d->workspace->session()->account().partnerId, this,
                                [this](const QString &text) { showMessage(text, false); });
    });
    a->copyId->setRun([this](const QList<ApiKey> &keys) { d->flows->copyId(keys.first()); });
    KeySecrets *secrets = d->workspace->keySecrets();
    a->copySecret->setCondition([secrets](const ApiKey &k) { return secrets->has(k.id); });
    a->copySecret->setRun([this](const QList<ApiKey> &keys) { d->flows->copySavedSecret(keys.first()); });
    connect(secrets, &KeySecrets::changed, this, &ApiKeysPage::updateActions);
    a->usage->setRun([this](const QList<ApiKey> &keys) {
        if (d->context.navigator)
            d->context.navigator->showKeyUsage(keys.first().id);
    });
    a->history->setRun([this](const QList<ApiKey> &keys) { d->flows->showHistory(keys.first()); });
    a->requests->setRun([this](const QList<ApiKey> &keys) { d->flows->showRequests(keys.first()); });
    a->linked->setRun([this](const QList<ApiKey> &keys) { goToLinked(keys.first()); });
    a->exportCsv->setRun([this](const QList<ApiKey> &) {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export API Keys"), tr("api-keys.csv"),
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportTo(path);
    });
    connect(d->filters, &KeyFilterBar::testKeyRequested, this, [this] {
        auto *dialog = new TestKeyDialog(d->workspace->session(), this);
        dialog->test(d->filters->takePastedSecret());
        dialog->open();
    });
    connect(d->flows, &KeyFlows::message, this, &ApiKeysPage::showMessage);
    connect(d->flows, &KeyFlows::selectRequested, this, &ApiKeysPage::selectKeys);
    connect(d->flows, &KeyFlows::batchFinished, this, &ApiKeysPage::batchFinished);
    connect(d->flows, &KeyFlows::exported, this, &ApiKeysPage::exported);

    connect(d->table, &QTableView::customContextMenuRequested, this, [this](const QPoint &at) {
        QMenu menu(this);
        menu.addAction(d->actions->details);
        for (QAction *c : {d->actions->copyId, d->actions->copySecret, d->actions->edit, d->actions->limits,
                           d->actions->usageWarning, d->actions->rotate, d->actions->revoke})
            menu.addAction(c);
        menu.addSeparator();
        for (QAction *c : {d->actions->usage, d->actions->history, d->actions->linked})
            menu.addAction(c);
        menu.exec(d->table->viewport()->mapToGlobal(at));
    });
    // Double-click and Enter open a key's details (F2 still renames). Enter is the table's
    // own shortcut, so it never fires while focus is in a filter field.
    connect(d->table, &QTableView::doubleClicked, d->actions->details, &QAction::trigger);
    for (const QKeySequence &enter : {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(enter, d->table, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, d->actions->details, &QAction::trigger);
    }
    connect(d->table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ApiKeysPage::updateActions);
}

void ApiKeysPage::goToLinked(const ApiKey &key) {
    const QString target = key.replacedBy.isEmpty() ? key.replaces : key.replacedBy;
    if (!d->proxy->mapFromSource(d->model->index(qMax(0, d->model->rowOf(target)), 0)).isValid())
        d->filters->showRetired();
    selectKeys({target});
}

void ApiKeysPage::applyFilter(const KeyFilter &filter) {
    d->filters->applyFilter(filter);
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
    const int total = d->workspace->keyStore()->size();
    QWidget *pane = d->table;
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
    d->filters->setCount(d->proxy->rowCount(), total);
}

void ApiKeysPage::updateActions() {
    d->actions->update(d->table->selectedKeys(), d->workspace->keys()->refusal());
}

void ApiKeysPage::runCommandOn(const QString &command, const QString &keyId) {
    const ApiKey *key = d->workspace->keyStore()->find(keyId);
    const QList<KeyCommand *> commands = d->actions->all();
    const auto it = std::find_if(commands.begin(), commands.end(),
                                 [&command](const KeyCommand *c) { return c->objectName() == command; });
    if (!key || it == commands.end())
        return;
    selectKeys({keyId});
    if (const QString refusal = d->workspace->keys()->refusal(); !(*it)->allows({*key}, refusal))
        return showMessage(refusal.isEmpty() ? tr("This cannot be done to \"%1\" now (its status: %2).")
                                                   .arg(key->name, keyStatusDisplayName(key->status))
                                             : refusal,
                           true);
    (*it)->runOn({*key});
}

void ApiKeysPage::selectKeys(const QStringList &keyIds) {
    d->table->selectKeys(keyIds);
}

void ApiKeysPage::fetchUsage() {
    // As before, only for people who manage keys; offline too, for the saved answer.
    const Session *session = d->workspace->session();
    if (!session->isSignedIn() || !Access::mayDo(session->account(), Action::ManageKeys))
        return;
    // Analytics' "Last 7 days" (lastDays), in hours; each point of the sparkline is 24 of them.
    const UsageRange range = lastDays(QDateTime::currentSecsSinceEpoch(), 7);
    UsageQuery query;
    query.bucket = range.fetchBucket();
    query.to = range.to;
    query.from = range.from;
    // The last answer kept shows at once (offline too); the sparklines stay as they were
    // when the gateway does not answer.
    const auto show = [model = d->model](const UsageResult &result) {
        if (result.failure)
            return;
        QList<KeyUsage> usage = result.answer.keys;
        for (KeyUsage &k : usage)
            k.series = sumsPer(k.series, 24);
        model->setUsage(usage);
    };
    UsageOperation *load =
        d->workspace->usage()->loadKeyUsage(query, QStringLiteral("keytable:last-7-days-hourly"));
    connect(load, &UsageOperation::cached, d->model, show);
    connect(load, &UsageOperation::finished, d->model, show);
}

void ApiKeysPage::showMessage(const QString &text, bool error) {
    d->message->showMessage(text, error);
}

void ApiKeysPage::createKey() {
    d->flows->createKey();
}

void ApiKeysPage::rotateSelected() {
    d->flows->rotate(d->table->selectedKeys());
}

void ApiKeysPage::revokeSelected() {
    d->flows->revoke(d->table->selectedKeys());
}

void ApiKeysPage::editSelected() {
    const QList<ApiKey> keys = d->table->selectedKeys();
    if (keys.size() == 1)
        d->flows->edit(keys.first());
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
    d->flows->exportTo(std::move(keys), std::move(customers), path);
}

void ApiKeysPage::saveLayout() const {
    d->table->saveLayout();
    d->filters->saveLayout();
}

void ApiKeysPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    // The table fills the stack, which has its size by now even while another pane shows.
    if (std::exchange(d->fitColumns, false))
        d->table->fitColumnsTo(d->stack->width());
}

void ApiKeysPage::hideEvent(QHideEvent *event) {
    saveLayout();
    QWidget::hideEvent(event);
}

} // namespace knotie
