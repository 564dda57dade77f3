#include "ui/pages/teampage.h"

#include "models/items/listmodels.h"
#include "models/keys/keystore.h"
#include "models/session/peopleservice.h"
#include "models/session/session.h"
#include "models/workspace/workspace.h"
#include "ui/pages/pageheader.h"
#include "ui/style/metrics.h"
#include "ui/team/memberleavesdialog.h"
#include "ui/widgets/messageline.h"

#include <QAction>
#include <QActionGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
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
    connect(m_leaves, &QPushButton::clicked, this, [this] { openMemberLeaves(currentMemberId()); });
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QModelIndex index = m_table->indexAt(at);
        if (index.isValid())
            m_table->setCurrentCell(index.row(), index.column());
        const QString id = currentMemberId();
        if (id.isEmpty())
            return;
        QMenu *menu = memberMenu(id);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_table->viewport()->mapToGlobal(at));
    });
    // Delete on the table removes the selected person (the owner only; asked first).
    auto *remove = new QAction(tr("Remove from Team"), m_table);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, [this] {
        if (m_context.workspace->session()->account().has(Permission::TeamManage))
            removeMember(currentMemberId());
    });
    m_table->addAction(remove);

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(new PageHeader(pageTitle(Page::Team), this));
    titleRow->addStretch();
    titleRow->addWidget(m_leaves);
    const bool owner = context.workspace->session()->account().has(Permission::TeamManage);
    auto *description =
        new QLabel(owner ? tr("Tick a box to grant a permission, untick it to take it away: the "
                              "change applies at once. Owners and admins have every permission. "
                              "Right-click a person to change their role or remove them.")
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
    PeopleOperation *operation = m_context.workspace->people()->setPermissions(userId, wanted);
    connect(operation, &PeopleOperation::finished, this, [this, member](const PeopleResult &r) {
        if (r.ok) {
            m_message->showMessage(tr("Saved: %1's permissions apply now.").arg(member.name), false);
        } else {
            m_message->showMessage(tr("Could not change %1's permissions: %2").arg(member.name, r.error),
                                   true);
            rebuild(); // back to what the gateway holds
        }
        Q_EMIT permissionsApplied(r.ok, r.error);
    });
}

void TeamPage::openMemberLeaves(const QString &userId) {
    auto *dialog = new MemberLeavesDialog(m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!userId.isEmpty())
        dialog->setMember(userId);
    dialog->open();
}

QString TeamPage::currentMemberId() const {
    const int row = m_table->currentRow();
    const QTableWidgetItem *item = row >= 0 ? m_table->item(row, 0) : nullptr;
    return item ? item->data(userRole).toString() : QString();
}

QString TeamPage::memberName(const QString &userId) const {
    const TeamModel *team = m_context.workspace->teamModel();
    const int row = team->rowOf(userId);
    return row >= 0 ? team->memberAt(row).name : userId;
}

QMenu *TeamPage::memberMenu(const QString &userId) {
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("memberMenu"));
    const TeamModel *team = m_context.workspace->teamModel();
    const int row = team->rowOf(userId);
    const QString role = row >= 0 ? team->memberAt(row).role : QString();
    // The owner changes others; nobody changes the owner (API.md: cannot_change_owner).
    const bool mayChange = m_context.workspace->session()->account().has(Permission::TeamManage) &&
                           row >= 0 && role != roleWireName(Role::Owner);
    QMenu *roles = menu->addMenu(tr("&Role"));
    roles->setObjectName(QStringLiteral("roleMenu"));
    roles->setEnabled(mayChange);
    auto *group = new QActionGroup(roles);
    const std::pair<Role, QString> choices[] = {{Role::Admin, tr("&Admin: every permission but the team")},
                                                {Role::Member, tr("&Member: only the permissions ticked")}};
    for (const auto &[choice, text] : choices) {
        QAction *action = roles->addAction(text);
        action->setObjectName(QStringLiteral("role_") + roleWireName(choice));
        action->setCheckable(true);
        action->setChecked(role == roleWireName(choice));
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, userId, choice, role] {
            if (role != roleWireName(choice))
                changeRole(userId, choice);
        });
    }
    menu->addSeparator();
    QAction *remove = menu->addAction(tr("Remove from &Team…"));
    remove->setObjectName(QStringLiteral("removeMemberAction"));
    remove->setShortcut(QKeySequence::Delete);
    remove->setEnabled(mayChange);
    connect(remove, &QAction::triggered, this, [this, userId] { removeMember(userId); });
    QAction *leaves = menu->addAction(tr("A Member &Leaves…"));
    leaves->setEnabled(mayChange);
    connect(leaves, &QAction::triggered, this, [this, userId] { openMemberLeaves(userId); });
    return menu;
}

void TeamPage::changeRole(const QString &userId, Role role) {
    const QString name = memberName(userId);
    // Admin reaches everything Settings reaches, and more: warned as a Settings grant is.
    const bool promote = role == Role::Admin;
    auto *question = new QMessageBox(
        QMessageBox::Warning, promote ? tr("Make %1 an admin?").arg(name) : tr("Make %1 a member?").arg(name),
        promote ? tr("%1 will have every permission but managing the team: create keys of every type, "
                     "Partner keys with full account access included, rotate and revoke anyone's keys, "
                     "yours too, and see Agent Analytics and Customers.")
                      .arg(name)
                : tr("%1 will keep no permissions: tick the boxes afterwards to grant the ones they "
                     "need. Their keys keep working.")
                      .arg(name),
        QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("changeRoleQuestion"));
    QPushButton *apply =
        question->addButton(promote ? tr("Make &Admin") : tr("Make &Member"), QMessageBox::AcceptRole);
    apply->setObjectName(QStringLiteral("changeRoleButton"));
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, question, apply, userId, role, name] {
        if (question->clickedButton() != apply)
            return;
        PeopleOperation *operation = m_context.workspace->people()->changeRole(userId, role);
        connect(operation, &PeopleOperation::finished, this, [this, name](const PeopleResult &r) {
            const QString text =
                r.ok ? (r.member.role == roleWireName(Role::Admin) ? tr("%1 is now an admin.").arg(name)
                                                                   : tr("%1 is now a member.").arg(name))
                     : tr("Could not change %1's role: %2").arg(name, r.error);
            m_message->showMessage(text, !r.ok);
            Q_EMIT memberChanged(r.ok, text);
        });
    });
    question->open();
}

void TeamPage::removeMember(const QString &userId) {
    const TeamModel *team = m_context.workspace->teamModel();
    const int row = team->rowOf(userId);
    if (row < 0 || team->memberAt(row).role == roleWireName(Role::Owner))
        return;
    // Keys they made or answer for that still work need a decision first: the flow for that.
    for (const ApiKey &k : m_context.workspace->keyStore()->keys())
        if (!k.isRetired() && (k.createdBy.id == userId || custodianOf(k).id == userId))
            return openMemberLeaves(userId);
    const QString name = memberName(userId);
    auto *question = new QMessageBox(QMessageBox::Warning, tr("Remove %1 from the team?").arg(name),
                                     tr("Their sessions end at once and they cannot sign in again. They "
                                        "hold no keys that still work; the audit log keeps their name."),
                                     QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("removeMemberQuestion"));
    QPushButton *remove = question->addButton(tr("&Remove from Team"), QMessageBox::AcceptRole);
    remove->setObjectName(QStringLiteral("removeMemberButton"));
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, question, remove, userId, name] {
        if (question->clickedButton() != remove)
            return;
        PeopleOperation *operation = m_context.workspace->people()->remove(userId);
        connect(operation, &PeopleOperation::finished, this, [this, name](const PeopleResult &r) {
            const QString text =
                r.ok ? tr("%1 was removed from the team; their sessions have ended.").arg(name)
                     : tr("%1 is still in the team: %2").arg(name, r.error);
            m_message->showMessage(text, !r.ok);
            Q_EMIT memberChanged(r.ok, text);
        });
    });
    question->open();
}

} // namespace knotie
