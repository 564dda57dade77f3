#include "ui/pages/teampage.h"

#include "models/items/listmodels.h"
#include "models/network/datajobs.h"
#include "models/session/session.h"
#include "models/workspace/workspace.h"
#include "ui/pages/pageheader.h"
#include "ui/style/metrics.h"
#include "ui/team/memberleavesdialog.h"
#include "ui/widgets/messageline.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace knotie {

namespace {
constexpr int userRole = Qt::UserRole + 1;
constexpr int permissionRole = Qt::UserRole + 2;
constexpr int firstPermissionColumn = 3;

QList<Permission> grantablePermissions() {
    QList<Permission> out;
    for (Permission p : allPermissions())
        if (isGrantable(p))
            out.append(p);
    return out;
}
} // namespace

QString TeamPage::permissionTitle(Permission permission) {
    switch (permission) {
    case Permission::SettingsManage:
        return tr("Settings (API keys, team)");
    case Permission::AnalyticsView:
        return pageTitle(Page::Analytics);
    case Permission::CustomersView:
        return tr("Customers");
    case Permission::TeamManage:
        return tr("Manage team");
    }
    return {};
}

TeamPage::TeamPage(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_table(new QTableWidget(this))
    , m_message(new MessageLine(QStringLiteral("teamMessage"), this))
    , m_leaves(new QPushButton(tr("A Member &Leaves…"), this)) {
    setObjectName(QStringLiteral("teamPage"));
    m_table->setObjectName(QStringLiteral("teamTable"));
    m_table->setAccessibleName(tr("Team members and their permissions"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_leaves->setObjectName(QStringLiteral("memberLeavesButton"));
    m_leaves->setToolTip(tr("Rotate or revoke every key a departing member created"));
    connect(m_leaves, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        openMemberLeaves(row >= 0 ? m_table->item(row, 0)->data(userRole).toString() : QString());
    });

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(new PageHeader(pageTitle(Page::Team), this));
    titleRow->addStretch();
    titleRow->addWidget(m_leaves);
    const bool owner = context.workspace->session()->account().has(Permission::TeamManage);
    auto *description =
        new QLabel(owner ? tr("Tick a box to grant a permission, untick it to take it away: the "
                              "change applies at once. Owners and admins have every permission.")
                         : tr("Only the account owner can change permissions."),
                   this);
    description->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(pageMarginsAboveButtons);
    layout->addLayout(titleRow);
    layout->addWidget(description);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);

    TeamModel *team = context.workspace->teamModel();
    connect(team, &QAbstractItemModel::modelReset, this, &TeamPage::rebuild);
    connect(team, &QAbstractItemModel::rowsInserted, this, &TeamPage::rebuild);
    connect(team, &QAbstractItemModel::rowsRemoved, this, &TeamPage::rebuild);
    connect(team, &QAbstractItemModel::dataChanged, this, &TeamPage::rebuild);
    connect(m_table, &QTableWidget::itemChanged, this, &TeamPage::onItemChanged);
    rebuild();
}

void TeamPage::rebuild() {
    m_rebuilding = true;
    const Account &account = m_context.workspace->session()->account();
    const bool mayChange = account.has(Permission::TeamManage);
    const QList<Permission> permissions = grantablePermissions();
    const QList<TeamMember> &members = m_context.workspace->teamModel()->rows();
    const QString current = m_table->currentRow() >= 0 && m_table->item(m_table->currentRow(), 0)
                                ? m_table->item(m_table->currentRow(), 0)->data(userRole).toString()
                                : QString();
    TeamModel *team = m_context.workspace->teamModel();
    QStringList headers;
    for (int c : {TeamModel::Name, TeamModel::Email, TeamModel::Role})
        headers.append(team->headerData(c, Qt::Horizontal).toString());
    for (Permission p : permissions)
        headers.append(permissionTitle(p));
    // Widths fitted once to the members (or set by the person) stay: a change rebuilds the rows,
    // and fitting again would make every column jump.
    QList<int> widths;
    if (m_fitted && m_table->columnCount() == headers.size())
        for (int c = 0; c < headers.size(); ++c)
            widths.append(m_table->columnWidth(c));
    m_table->clear();
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(members.size()));
    for (int r = 0; r < members.size(); ++r) {
        const TeamMember &m = members[r];
        for (int c : {TeamModel::Name, TeamModel::Email, TeamModel::Role}) {
            auto *item = new QTableWidgetItem(team->index(r, c).data().toString());
            item->setData(userRole, m.id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            m_table->setItem(r, c, item);
        }
        const bool editable = mayChange && m.role == roleWireName(Role::Member);
        for (int i = 0; i < permissions.size(); ++i) {
            auto *item = new QTableWidgetItem;
            item->setData(userRole, m.id);
            item->setData(permissionRole, int(permissions[i]));
            const bool has = m.permissions.contains(permissionWireName(permissions[i]));
            item->setCheckState(has ? Qt::Checked : Qt::Unchecked);
            item->setData(Qt::AccessibleTextRole,
                          QStringLiteral("%1: %2").arg(m.name, permissionTitle(permissions[i])));
            item->setFlags(Qt::ItemIsSelectable |
                           (editable ? Qt::ItemIsEnabled | Qt::ItemIsUserCheckable : Qt::ItemFlags()));
            m_table->setItem(r, firstPermissionColumn + i, item);
        }
        if (m.id == current)
            m_table->setCurrentCell(r, 0);
    }
    if (widths.isEmpty()) {
        m_table->resizeColumnsToContents();
        m_fitted = !members.isEmpty();
    } else {
        for (int c = 0; c < widths.size(); ++c)
            m_table->setColumnWidth(c, widths[c]);
    }
    m_rebuilding = false;
}

void TeamPage::onItemChanged(QTableWidgetItem *item) {
    if (m_rebuilding || !item->data(permissionRole).isValid())
        return;
    const QString userId = item->data(userRole).toString();
    const auto permission = Permission(item->data(permissionRole).toInt());
    const bool granted = item->checkState() == Qt::Checked;
    if (!(granted && permission == Permission::SettingsManage))
        return setPermission(userId, permission, granted);
    // Settings is the one grant that reaches other people's keys: say so before it applies.
    TeamModel *team = m_context.workspace->teamModel();
    const int row = team->rowOf(userId);
    const QString name = row >= 0 ? team->memberAt(row).name : userId;
    auto *question = new QMessageBox(
        QMessageBox::Warning, tr("Grant Settings to %1?").arg(name),
        tr("%1 will be able to create keys of every type, Partner keys with full account access "
           "included, and to rotate and revoke anyone's keys, yours too.")
            .arg(name),
        QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("grantSettingsQuestion"));
    QPushButton *grant = question->addButton(tr("&Grant Settings"), QMessageBox::AcceptRole);
    grant->setObjectName(QStringLiteral("grantSettingsButton"));
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, question, grant, userId, permission] {
        if (question->clickedButton() == grant)
            setPermission(userId, permission, true);
        else
            rebuild(); // the box unticked again
    });
    question->open();
}

void TeamPage::setPermission(const QString &userId, Permission permission, bool granted) {
    TeamModel *team = m_context.workspace->teamModel();
    const int row = team->rowOf(userId);
    if (row < 0)
        return;
    const TeamMember member = team->memberAt(row);
    QStringList wanted;
    for (Permission p : grantablePermissions()) {
        const bool has = p == permission ? granted : member.permissions.contains(permissionWireName(p));
        if (has)
            wanted.append(permissionWireName(p));
    }
    Session *session = m_context.workspace->session();
    auto *job = new UpdatePermissionsJob(session->connection(), userId, wanted, this);
    job->setAutoDelete(true);
    session->watch(job);
    connect(job, &GatewayJob::finished, this, [this, job, member](const GatewayResult &r) {
        if (r.ok()) {
            QList<TeamMember> members = m_context.workspace->teamModel()->rows();
            for (TeamMember &m : members)
                if (m.id == job->member().id)
                    m = job->member();
            m_context.workspace->teamModel()->setMembers(members);
            m_message->showMessage(tr("Saved: %1's permissions apply now.").arg(member.name), false);
        } else {
            m_message->showMessage(tr("Could not change %1's permissions: %2").arg(member.name, r.message),
                                   true);
            rebuild(); // back to what the gateway holds
        }
        Q_EMIT permissionsApplied(r.ok(), r.message);
    });
    job->start();
}

void TeamPage::openMemberLeaves(const QString &userId) {
    auto *dialog = new MemberLeavesDialog(m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!userId.isEmpty())
        dialog->setMember(userId);
    dialog->open();
}

} // namespace knotie
