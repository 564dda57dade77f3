#include "ui/audit/auditlogpage.h"

#include "models/domain/auditactions.h"
#include "models/domain/rfc3339.h"
#include "models/items/auditfilterproxy.h"
#include "models/items/listmodels.h"
#include "models/keys/keystore.h"
#include "models/workspace/workspace.h"
#include "ui/keys/keycsv.h"
#include "ui/pages/pageheader.h"
#include "ui/style/metrics.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace knotie {

namespace {
// What the table shows of an event: the action in words (its name in the tooltip, with the
// event's details) and the key by name. Filters and the CSV keep the names as recorded.
class AuditDisplay : public QIdentityProxyModel {
public:
    AuditDisplay(const KeyStore *keys, QObject *parent)
        : QIdentityProxyModel(parent)
        , m_keys(keys) {}

    QVariant data(const QModelIndex &index, int role) const override {
        const QVariant raw = QIdentityProxyModel::data(index, Qt::DisplayRole);
        if (role == Qt::DisplayRole && index.column() == AuditModel::Action)
            return AuditLogPage::actionTitle(raw.toString());
        if (role == Qt::DisplayRole && index.column() == AuditModel::Key) {
            const ApiKey *key = m_keys->find(raw.toString());
            return key ? AuditLogPage::tr("%1 (%2)").arg(key->name, key->maskedSecret()) : raw;
        }
        if (role == Qt::ToolTipRole && index.column() == AuditModel::Action) {
            const auto *events = static_cast<const AuditFilterProxy *>(sourceModel());
            const QModelIndex source = events->mapToSource(mapToSource(index));
            const QString details =
                static_cast<const AuditModel *>(events->sourceModel())->eventAt(source.row()).details;
            return details.isEmpty() || details == QLatin1String("null")
                       ? raw
                       : QVariant(raw.toString() + QLatin1Char('\n') + details);
        }
        return QIdentityProxyModel::data(index, role);
    }

private:
    const KeyStore *m_keys;
};

// A day edit at its minimum means "no bound": it then shows "Any".
const QDate noBound(2000, 1, 1);

QDateEdit *dayEdit(const QString &name, const QString &accessibleName, QWidget *parent) {
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(name);
    edit->setAccessibleName(accessibleName);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(noBound);
    edit->setSpecialValueText(AuditLogPage::tr("Any day"));
    edit->setDate(noBound);
    return edit;
}
} // namespace

QString AuditLogPage::actionTitle(const QString &action) {
    namespace a = auditaction;
    const QHash<QString, QString> titles{
        {a::keyCreated, tr("Key created")},
        {a::keyRenamed, tr("Key renamed or described")},
        {a::keyRotated, tr("Key rotated")},
        {a::keyRevoked, tr("Key revoked")},
        {QStringLiteral("key.limits_changed"), tr("Key limits changed")},
        {QStringLiteral("key.custody_changed"), tr("Key custodian changed")},
        {a::teamPermissionsChanged, tr("Permissions changed")},
        {a::teamRoleChanged, tr("Role changed")},
        {a::teamMemberRemoved, tr("Member removed")},
        {a::sessionCreated, tr("Signed in")},
        {a::sessionFailed, tr("Sign-in failed")},
        {a::sessionRevoked, tr("Session ended")},
        {a::userPasswordChanged, tr("Password changed")},
        {QStringLiteral("customer.created"), tr("Customer created")},
        {QStringLiteral("customer.renamed"), tr("Customer renamed")},
    };
    return titles.value(action, action);
}

AuditLogPage::AuditLogPage(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_proxy(new AuditFilterProxy(context.workspace->auditModel(), this))
    , m_table(new QTableView(this))
    , m_person(new QComboBox(this))
    , m_action(new QComboBox(this))
    , m_key(new QComboBox(this))
    , m_from(dayEdit(QStringLiteral("auditFrom"), tr("From day"), this))
    , m_to(dayEdit(QStringLiteral("auditTo"), tr("To day"), this))
    , m_count(new QLabel(this)) {
    setObjectName(QStringLiteral("auditLogPage"));
    auto *description =
        new QLabel(tr("Everything the gateway records for your account: keys, permissions, roles, "
                      "removals, sign-ins and failed sign-ins. New events appear as they happen."),
                   this);
    description->setWordWrap(true);

    m_person->setObjectName(QStringLiteral("auditPerson"));
    m_person->setAccessibleName(tr("Filter by person"));
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_action->setAccessibleName(tr("Filter by action"));
    m_key->setObjectName(QStringLiteral("auditKey"));
    m_key->setAccessibleName(tr("Filter by key"));
    m_key->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_count->setObjectName(QStringLiteral("auditCount"));
    for (QComboBox *box : {m_person, m_action, m_key})
        connect(box, &QComboBox::currentIndexChanged, this, &AuditLogPage::applyFilters);
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &AuditLogPage::applyFilters);

    auto *exportButton = new QPushButton(tr("&Export to CSV…"), this);
    exportButton->setObjectName(QStringLiteral("auditExport"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Audit Log"), tr("audit-log.csv"),
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportTo(path);
    });

    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Audit log"));
    auto *display = new AuditDisplay(context.workspace->keyStore(), this);
    display->setSourceModel(m_proxy);
    m_table->setModel(display);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(AuditModel::Time, 170);
    m_table->setColumnWidth(AuditModel::Actor, 170);
    m_table->setColumnWidth(AuditModel::Action, 220);

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(new PageHeader(tr("Audit Log"), this));
    titleRow->addStretch();
    titleRow->addWidget(exportButton);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_person);
    filters->addWidget(m_action);
    filters->addWidget(m_key);
    auto *fromLabel = new QLabel(tr("&From"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&to"), this);
    toLabel->setBuddy(m_to);
    filters->addWidget(fromLabel);
    filters->addWidget(m_from);
    filters->addWidget(toLabel);
    filters->addWidget(m_to);
    filters->addStretch();
    filters->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(pageMargins);
    layout->addLayout(titleRow);
    layout->addWidget(description);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    // The choices list who and what the events name; worked out once a sync's events are in.
    auto *choices = new QTimer(this);
    choices->setSingleShot(true);
    choices->setInterval(0);
    connect(choices, &QTimer::timeout, this, &AuditLogPage::updateChoices);
    AuditModel *events = context.workspace->auditModel();
    connect(events, &QAbstractItemModel::modelReset, choices, qOverload<>(&QTimer::start));
    connect(events, &QAbstractItemModel::rowsInserted, choices, qOverload<>(&QTimer::start));
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AuditLogPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &AuditLogPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &AuditLogPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &AuditLogPage::updateCount);
    updateChoices();
    updateCount();
}

void AuditLogPage::updateChoices() {
    const AuditModel *events = m_context.workspace->auditModel();
    QMap<QString, QString> people; // name → id, sorted by name
    QSet<QString> actions;
    QSet<QString> keyIds;
    for (int row = 0; row < events->rowCount(); ++row) {
        const AuditEvent &e = events->eventAt(row);
        if (!e.actor.id.isEmpty())
            people.insert(e.actor.name, e.actor.id);
        actions.insert(e.action);
        if (!e.keyId.isEmpty())
            keyIds.insert(e.keyId);
    }
    const auto refill = [](QComboBox *box, const QString &any,
                           const QList<std::pair<QString, QString>> &items) {
        const QString current = box->currentData().toString();
        const QSignalBlocker blocker(box);
        box->clear();
        box->addItem(any, QString());
        for (const auto &[text, value] : items)
            box->addItem(text, value);
        box->setCurrentIndex(qMax(0, box->findData(current)));
    };
    QList<std::pair<QString, QString>> items;
    for (auto it = people.cbegin(); it != people.cend(); ++it)
        items.append({it.key(), it.value()});
    refill(m_person, tr("Anyone"), items);
    items.clear();
    for (const QString &action : std::as_const(actions))
        items.append({actionTitle(action), action});
    std::sort(items.begin(), items.end());
    refill(m_action, tr("Any action"), items);
    items.clear();
    const KeyStore *keys = m_context.workspace->keyStore();
    for (const QString &id : std::as_const(keyIds)) {
        const ApiKey *key = keys->find(id);
        items.append({key ? tr("%1 (%2)").arg(key->name, key->maskedSecret()) : id, id});
    }
    std::sort(items.begin(), items.end());
    refill(m_key, tr("Any key"), items);
}

void AuditLogPage::applyFilters() {
    m_proxy->setActor(m_person->currentData().toString());
    m_proxy->setAction(m_action->currentData().toString());
    m_proxy->setKey(m_key->currentData().toString());
    // Local days, both included.
    const auto start = [](const QDate &day) {
        return day.startOfDay().toSecsSinceEpoch();
    };
    m_proxy->setRange(m_from->date() == noBound ? 0 : start(m_from->date()),
                      m_to->date() == noBound ? 0 : start(m_to->date().addDays(1)));
    updateCount();
}

void AuditLogPage::updateCount() {
    m_count->setText(tr("%1 of %n event(s)", nullptr, m_context.workspace->auditModel()->rowCount())
                         .arg(m_proxy->rowCount()));
}

void AuditLogPage::exportTo(const QString &path) {
    // Column names are a file format: English, for scripts.
    const QStringList header{QStringLiteral("time"),   QStringLiteral("actor_id"), QStringLiteral("actor"),
                             QStringLiteral("action"), QStringLiteral("key_id"),   QStringLiteral("key"),
                             QStringLiteral("details")};
    const AuditModel *events = m_context.workspace->auditModel();
    const KeyStore *keys = m_context.workspace->keyStore();
    QList<QStringList> rows;
    rows.reserve(m_proxy->rowCount());
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const AuditEvent &e = events->eventAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
        const ApiKey *key = e.keyId.isEmpty() ? nullptr : keys->find(e.keyId);
        rows.append({toRfc3339(e.at), e.actor.id, e.actor.name, e.action, e.keyId,
                     key ? key->name : QString(), e.details});
    }
    writeFileInBackground(csvTable(header, rows), path, this,
                          [this](const QString &error) { Q_EMIT exported(error); });
}

} // namespace knotie
