#include "ui/overview/overviewpage.h"

#include "models/analytics/usageservice.h"
#include "models/analytics/usagestats.h"
#include "models/domain/auditactions.h"
#include "models/items/keyfilter.h"
#include "models/items/keytablemodel.h"
#include "models/items/listmodels.h"
#include "models/keys/keystore.h"
#include "models/network/datajobs.h"
#include "models/session/session.h"
#include "models/sync/connectionstate.h"
#include "models/sync/synccontroller.h"
#include "models/workspace/workspace.h"
#include "ui/keys/keytypetext.h"
#include "ui/overview/trafficchart.h"
#include "ui/pages/navigator.h"
#include "ui/pages/pageheader.h"
#include "ui/style/metrics.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace knotie {

namespace {
const QString trafficScope = QStringLiteral("overview:traffic");

UnixTime currentTime() {
    return QDateTime::currentSecsSinceEpoch();
}

QString percent(double value) {
    return QLocale().toString(value, 'f', 1) + QStringLiteral(" %");
}

struct HealthButton {
    QPushButton *button;
    QString label;
    KeyFilter filter;
};
} // namespace

struct OverviewPage::Private {
    PageContext context;
    Session *session = nullptr;
    QLabel *partner = nullptr;
    QLabel *gateway = nullptr;
    QLabel *syncState = nullptr;
    QVBoxLayout *bodyLayout = nullptr;
    QWidget *body = nullptr;
    QList<HealthButton> health;
    QListWidget *activity = nullptr;
    QLabel *requests = nullptr;
    QLabel *errorRate = nullptr;
    TrafficChart *chart = nullptr;
    QTimer refreshHealth;
};

OverviewPage::OverviewPage(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>()) {
    d->context = context;
    d->session = context.workspace->session();
    setObjectName(QStringLiteral("overviewPage"));

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(pageMargins);
    layout->setSpacing(14);
    layout->addWidget(new PageHeader(tr("Overview"), content));

    auto *account = new QGroupBox(tr("Your account"), content);
    account->setObjectName(QStringLiteral("accountSummary"));
    auto *form = new QFormLayout(account);
    d->partner = new QLabel(account);
    d->partner->setObjectName(QStringLiteral("partnerName"));
    d->gateway = new QLabel(account);
    d->gateway->setObjectName(QStringLiteral("gatewayAddress"));
    d->gateway->setTextInteractionFlags(Qt::TextSelectableByMouse);
    d->syncState = new QLabel(account);
    d->syncState->setObjectName(QStringLiteral("syncState"));
    form->addRow(tr("Partner:"), d->partner);
    form->addRow(tr("Gateway:"), d->gateway);
    form->addRow(tr("Data:"), d->syncState);
    layout->addWidget(account);

    d->bodyLayout = new QVBoxLayout;
    d->bodyLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(d->bodyLayout);
    layout->addStretch();
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    Workspace *workspace = context.workspace;
    ConnectionState *state = workspace->connectionState();
    connect(state, &ConnectionState::changed, this, &OverviewPage::updateAccount);
    connect(state, &ConnectionState::changed, &d->refreshHealth, qOverload<>(&QTimer::start));
    connect(d->session, &Session::accountChanged, this, &OverviewPage::rebuild);

    // Many sync pages arrive in a burst: count the keys once after the burst.
    d->refreshHealth.setSingleShot(true);
    d->refreshHealth.setInterval(0);
    connect(&d->refreshHealth, &QTimer::timeout, this, &OverviewPage::updateKeyHealth);
    connect(workspace->keyStore(), &KeyStore::keysChanged, &d->refreshHealth, qOverload<>(&QTimer::start));
    AuditModel *audit = workspace->auditModel();
    connect(audit, &QAbstractItemModel::modelReset, this, &OverviewPage::updateActivity);
    connect(audit, &QAbstractItemModel::rowsInserted, this, &OverviewPage::updateActivity);

    // Every minute while the window shows, and after each sync (UsageService::refreshDue).
    connect(workspace->usage(), &UsageService::refreshDue, this, &OverviewPage::fetchTraffic);

    // "3 minutes ago" and "expiring in 7 days" move with the clock.
    auto *minute = new QTimer(this);
    minute->setInterval(60 * 1000);
    connect(minute, &QTimer::timeout, this, [this] {
        updateAccount();
        updateKeyHealth();
    });
    minute->start();

    rebuild();
}

OverviewPage::~OverviewPage() = default;

void OverviewPage::rebuild() {
    delete d->body;
    d->health.clear();
    d->activity = nullptr;
    d->requests = nullptr;
    d->errorRate = nullptr;
    d->chart = nullptr;
    d->body = new QWidget(this);
    auto *grid = new QGridLayout(d->body);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(14);
    const Account &account = d->session->account();
    const bool manages = account.has(Permission::SettingsManage);
    const bool analyses = account.has(Permission::AnalyticsView);
    // Key health across the top; below it the recent actions beside the traffic.
    if (manages) {
        grid->addWidget(makeKeyHealth(d->body), 0, 0, 1, 2);
        grid->addWidget(makeActivity(d->body), 1, 0);
    }
    if (analyses)
        grid->addWidget(makeTraffic(d->body), 1, manages ? 1 : 0, 1, manages ? 1 : 2);
    if (!manages && !analyses)
        grid->addWidget(makeWelcome(d->body), 0, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    d->bodyLayout->addWidget(d->body);
    updateAccount();
    updateKeyHealth();
    updateActivity();
    fetchTraffic();
}

void OverviewPage::updateAccount() {
    const Account &account = d->session->account();
    d->partner->setText(account.partnerName);
    d->gateway->setText(d->session->gateway().toDisplayString());
    const ConnectionState *state = d->context.workspace->connectionState();
    QString text;
    if (state->isOffline()) {
        const QString since =
            QLocale().toString(QDateTime::fromSecsSinceEpoch(state->offlineSince()), QLocale::ShortFormat);
        text = tr("Offline since %1: showing what was last synced.").arg(since);
    } else if (state->lastSyncedAt()) {
        text = tr("Last synced %1").arg(elapsedTime(state->lastSyncedAt(), currentTime()));
    } else {
        text = tr("Syncing…");
    }
    d->syncState->setText(text);
    d->syncState->setAccessibleName(text);
}

QWidget *OverviewPage::makeKeyHealth(QWidget *parent) {
    auto *box = new QGroupBox(tr("Key health"), parent);
    box->setObjectName(QStringLiteral("keyHealth"));
    auto *columns = new QHBoxLayout(box);
    const auto column = [box, columns](const QString &title) {
        auto *layout = new QVBoxLayout;
        layout->setSpacing(2);
        auto *heading = new QLabel(title, box);
        QFont f = heading->font();
        f.setBold(true);
        heading->setFont(f);
        layout->addWidget(heading);
        columns->addLayout(layout, 1);
        return layout;
    };
    const auto add = [this, box](QVBoxLayout *layout, const QString &name, const QString &label,
                                 const KeyFilter &filter) {
        auto *button = new QPushButton(box);
        button->setObjectName(name);
        button->setCursor(Qt::PointingHandCursor);
        button->setToolTip(tr("Show these keys"));
        // Links into the key table, not commands: they read as such.
        button->setStyleSheet(
            QStringLiteral("QPushButton { text-align: left; color: palette(link); border: none;"
                           " padding: 3px 2px; }"
                           "QPushButton:hover, QPushButton:focus { text-decoration: underline; }"));
        connect(button, &QPushButton::clicked, this, [this, filter] {
            if (d->context.navigator)
                d->context.navigator->showKeys(filter);
        });
        layout->addWidget(button);
        d->health.append({button, label, filter});
    };
    QVBoxLayout *types = column(tr("Working keys by type"));
    for (KeyType type : allKeyTypes) {
        KeyFilter filter;
        filter.type = type;
        add(types, QStringLiteral("healthType_%1").arg(keyTypeWireName(type)), keyTypeText(type).title,
            filter);
    }
    QVBoxLayout *statuses = column(tr("By status"));
    for (KeyStatus status :
         {KeyStatus::Active, KeyStatus::Expiring, KeyStatus::Revoked, KeyStatus::Expired}) {
        KeyFilter filter;
        filter.status = status;
        add(statuses, QStringLiteral("healthStatus_%1").arg(keyStatusWireName(status)),
            keyStatusDisplayName(status), filter);
    }
    QVBoxLayout *attention = column(tr("Needs attention"));
    const struct {
        KeyFilter::Condition condition;
        QString name;
        QString label;
    } conditions[] = {
        {KeyFilter::Condition::ExpiringSoon, QStringLiteral("healthExpiringSoon"),
         tr("Expiring in the next 7 days")},
        {KeyFilter::Condition::Unused, QStringLiteral("healthUnused"), tr("Unused for 90 days")},
        {KeyFilter::Condition::NoExpiry, QStringLiteral("healthNoExpiry"), tr("Without expiry")},
    };
    for (const auto &c : conditions) {
        KeyFilter filter;
        filter.condition = c.condition;
        add(attention, c.name, c.label, filter);
    }
    for (QVBoxLayout *layout : {types, statuses, attention})
        layout->addStretch();
    return box;
}

void OverviewPage::updateKeyHealth() {
    if (d->health.isEmpty())
        return;
    const UnixTime now = currentTime();
    const QList<ApiKey> &keys = d->context.workspace->keyStore()->keys();
    // Before the first sync an empty cache is not "0 keys": say that the counts are coming.
    if (keys.isEmpty() && d->context.workspace->connectionState()->lastSyncedAt() == 0) {
        for (HealthButton &h : d->health) {
            h.button->setText(tr("%1: …").arg(h.label));
            h.button->setAccessibleName(tr("%1: loading").arg(h.label));
        }
        return;
    }
    for (HealthButton &h : d->health) {
        const auto count = std::count_if(keys.begin(), keys.end(),
                                         [&](const ApiKey &key) { return h.filter.matches(key, now); });
        h.button->setText(tr("%1: %2").arg(h.label, QLocale().toString(qint64(count))));
        h.button->setAccessibleName(tr("%1: %n key(s). Show them", nullptr, int(count)).arg(h.label));
    }
}

QWidget *OverviewPage::makeActivity(QWidget *parent) {
    auto *box = new QGroupBox(tr("Recent key actions"), parent);
    auto *layout = new QVBoxLayout(box);
    d->activity = new QListWidget(box);
    d->activity->setObjectName(QStringLiteral("recentActivity"));
    d->activity->setAccessibleName(tr("Recent key actions"));
    d->activity->setFrameShape(QFrame::NoFrame);
    // Long key names (and longer German sentences) wrap rather than hide behind a scroll bar.
    d->activity->setWordWrap(true);
    d->activity->setResizeMode(QListView::Adjust);
    d->activity->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    d->activity->setSpacing(2);
    d->activity->setMinimumHeight(recentActions * (fontMetrics().height() + 6));
    layout->addWidget(d->activity);
    return box;
}

void OverviewPage::updateActivity() {
    if (!d->activity)
        return;
    d->activity->clear();
    const AuditModel *audit = d->context.workspace->auditModel();
    const KeyStore *keys = d->context.workspace->keyStore();
    const UnixTime now = currentTime();
    for (const AuditEvent &event : audit->rows()) {
        QString what;
        if (event.action == auditaction::keyCreated)
            what = tr("%1 created %2");
        else if (event.action == auditaction::keyRotated)
            what = tr("%1 rotated %2");
        else if (event.action == auditaction::keyRevoked)
            what = tr("%1 revoked %2");
        else if (event.action == auditaction::keyRenamed)
            what = tr("%1 renamed %2");
        else
            continue;
        const ApiKey *known = keys->find(event.keyId);
        // A key the table does not hold yet is named as the event recorded it.
        const QString key = known ? keyLabel(*known)
                                  : QJsonDocument::fromJson(event.details.toUtf8())
                                        .object()
                                        .value(QLatin1String("name"))
                                        .toString(event.keyId);
        d->activity->addItem(tr("%1 · %2").arg(what.arg(event.actor.name, key), elapsedTime(event.at, now)));
        if (d->activity->count() == recentActions)
            break;
    }
    if (d->activity->count() == 0)
        d->activity->addItem(tr("No key actions yet."));
}

QWidget *OverviewPage::makeTraffic(QWidget *parent) {
    auto *box = new QGroupBox(tr("Traffic"), parent);
    box->setObjectName(QStringLiteral("traffic"));
    auto *layout = new QVBoxLayout(box);
    d->requests = new QLabel(tr("Loading…"), box);
    d->requests->setObjectName(QStringLiteral("trafficRequests"));
    d->errorRate = new QLabel(box);
    d->errorRate->setObjectName(QStringLiteral("trafficErrorRate"));
    d->chart = new TrafficChart(box);
    auto *open = new QPushButton(tr("Open %1").arg(pageTitle(Page::Analytics)), box);
    open->setObjectName(QStringLiteral("openAnalytics"));
    open->setAccessibleName(open->text());
    const auto openAnalytics = [this] {
        if (d->context.navigator)
            d->context.navigator->showPage(Page::Analytics);
    };
    connect(d->chart, &TrafficChart::activated, this, openAnalytics);
    connect(open, &QPushButton::clicked, this, openAnalytics);
    layout->addWidget(d->requests);
    layout->addWidget(d->errorRate);
    layout->addWidget(d->chart);
    layout->addWidget(open, 0, Qt::AlignLeft);
    return box;
}

void OverviewPage::fetchTraffic() {
    if (!d->chart)
        return;
    // Analytics' "Last 24 hours" (lastDays): the current hour, still filling, ends it.
    const UsageRange range = lastDays(d->context.now(), 1);
    UsageQuery query;
    query.from = range.previous().from;
    query.to = range.to;
    query.bucket = range.fetchBucket();
    // What the cache holds shows at once (offline, that is all there is), then the gateway's.
    UsageOperation *load = d->context.workspace->usage()->loadSeries(query, trafficScope);
    connect(load, &UsageOperation::cached, this, [this, range](const UsageResult &result) {
        if (!result.series.buckets.isEmpty())
            showTraffic(range, result.series, true);
    });
    connect(load, &UsageOperation::finished, this, [this, range](const UsageResult &result) {
        showTraffic(range, result.series, result.fromCache);
    });
}

void OverviewPage::showTraffic(const UsageRange &range, const UsageSeries &series, bool fromCache) {
    if (!d->chart)
        return;
    QList<qint64> halves[2];
    qint64 totals[2] = {0, 0};
    qint64 errors[2] = {0, 0};
    const UsageRange ranges[2] = {range.previous(), range};
    for (int half = 0; half < 2; ++half) {
        const QList<UsageBucket> buckets = shownBuckets(ranges[half], series.buckets);
        for (const UsageBucket &b : buckets)
            halves[half].append(b.requests);
        const UsageTotals t = totalsOf(buckets);
        totals[half] = t.requests;
        errors[half] = t.errors();
    }
    const QList<qint64> &previous = halves[0];
    const QList<qint64> &last = halves[1];
    if (series.buckets.isEmpty()) {
        d->requests->setText(fromCache ? tr("No saved traffic for the last 48 hours while offline.")
                                       : tr("No traffic in the last 48 hours."));
        d->errorRate->clear();
        d->chart->setSeries({}, {});
        return;
    }
    const auto rate = [&](int half) {
        return totals[half] ? 100.0 * double(errors[half]) / double(totals[half]) : 0.0;
    };
    QString change;
    if (totals[0])
        change =
            tr(" (%1%2 %)")
                .arg(totals[1] >= totals[0] ? QStringLiteral("+") : QString())
                .arg(QLocale().toString(100.0 * double(totals[1] - totals[0]) / double(totals[0]), 'f', 0));
    d->requests->setText(tr("Requests in the last 24 hours: %1, against %2 in the 24 before%3")
                             .arg(QLocale().toString(totals[1]), QLocale().toString(totals[0]), change));
    d->errorRate->setText(tr("Error rate: %1, against %2").arg(percent(rate(1)), percent(rate(0))));
    // The last 24 hours end with the current one: the chart's axis starts 23 hours before it.
    d->chart->setSeries(last, previous, range.from);
}

QWidget *OverviewPage::makeWelcome(QWidget *parent) {
    auto *box = new QGroupBox(tr("Welcome"), parent);
    box->setObjectName(QStringLiteral("welcome"));
    auto *layout = new QVBoxLayout(box);
    const Account &account = d->session->account();
    const bool customers = account.has(Permission::CustomersView);
    const QString owner = account.owner.email.isEmpty()
                              ? account.owner.name
                              : QStringLiteral("%1 (%2)").arg(account.owner.name, account.owner.email);
    auto *text = new QLabel(box);
    text->setObjectName(QStringLiteral("welcomeText"));
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QString can = customers ? tr("Here you can look up your customers and read the API reference, with "
                                 "copy-and-paste examples for your tools.")
                            : tr("Here you can read the API reference, with copy-and-paste examples for "
                                 "your tools.");
    text->setText(tr("Hello %1. %2\n\nTo manage API keys or see Agent Analytics, ask %3, who owns the %4 "
                     "account, to give you access.")
                      .arg(account.user.name, can, owner, account.partnerName));
    layout->addWidget(text);
    auto *buttons = new QHBoxLayout;
    const auto addOpen = [this, box, buttons](Page page, const QString &name) {
        auto *button = new QPushButton(tr("Open %1").arg(pageTitle(page)), box);
        button->setObjectName(name);
        connect(button, &QPushButton::clicked, this, [this, page] {
            if (d->context.navigator)
                d->context.navigator->showPage(page);
        });
        buttons->addWidget(button);
    };
    if (customers)
        addOpen(Page::Customers, QStringLiteral("openCustomers"));
    addOpen(Page::ApiReference, QStringLiteral("openApiReference"));
    buttons->addStretch();
    layout->addLayout(buttons);
    return box;
}

} // namespace knotie
