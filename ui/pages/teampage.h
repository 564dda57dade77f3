#pragma once

#include "ui/pages/pagecontext.h"

#include <QWidget>

class QLabel;
class QMenu;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace knotie {

class MessageLine;
struct TeamMember;

// Settings → Team: every member with their role and permissions as checkboxes. The
// owner grants or removes a permission with one click and it applies at once (an open
// portal of that member follows on its next sync); others see the same table read-only.
// "A Member Leaves…" opens the flow that rotates or revokes every key they created. The
// owner changes a person's role and removes people from the table's context menu (Delete
// removes): someone who still holds working keys goes through the member-leaves flow.
class TeamPage : public QWidget {
    Q_OBJECT
public:
    explicit TeamPage(const PageContext &context, QWidget *parent = nullptr);

    // The room the page is laid out for, beside the navigation of a 1180×760 window.
    QSize sizeHint() const override { return {960, 680}; }

    QTableWidget *table() const { return m_table; }
    // Grants or removes one permission of a member, as ticking its box does.
    void setPermission(const QString &userId, knotie::Permission permission, bool granted);
    void openMemberLeaves(const QString &userId = QString());
    // Makes a member an admin or an admin a member, after a warning that says what changes.
    void changeRole(const QString &userId, knotie::Role role);
    // Removes a person: asked once when they hold no working keys, else through the
    // member-leaves flow, which deals with their keys first.
    void removeMember(const QString &userId);
    // The actions for one person, as the context menu shows them (the caller owns it).
    QMenu *memberMenu(const QString &userId);
    QString currentMemberId() const;

    static QString permissionTitle(knotie::Permission permission);

Q_SIGNALS:
    // A change was applied by the gateway (ok) or refused (the message says why).
    void permissionsApplied(bool ok, const QString &message);
    // A role change or removal was applied (ok) or refused.
    void memberChanged(bool ok, const QString &message);

private:
    void rebuild();
    void onItemChanged(QTableWidgetItem *item);
    QString memberName(const QString &userId) const;

    PageContext m_context;
    QTableWidget *m_table;
    MessageLine *m_message;
    QPushButton *m_leaves;
    bool m_rebuilding = false;
    bool m_fitted = false; // the columns were fitted to the members once
};

} // namespace knotie
