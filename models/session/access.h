#pragma once

#include "models/session/account.h"

#include <QList>

namespace knotie {

// The screens of the portal. The order is the navigation's order.
enum class Page { Overview, Customers, Analytics, ApiReference, ApiKeys, Team, AuditLog };

// What a person can do, beyond seeing a screen.
enum class Action { ManageKeys, TestKey, ChangePermissions, ViewUsage };

// The one place that answers "may this person see this screen": every page, action
// and shortcut asks here, so the sidebar and a stale shortcut can never disagree.
// The gateway refuses the same things whatever the portal shows.
class Access {
public:
    static bool maySee(const Account &account, Page page);
    static QList<Page> visiblePages(const Account &account);
    // Sentence for someone who reached a screen they may not see: whom to ask.
    static QString deniedMessage(const Account &account, Page page);

    // "May this person do this": create, rotate, revoke and rename keys, change a
    // member's permissions (the owner alone), read usage.
    static bool mayDo(const Account &account, Action action);
    static QString deniedMessage(const Account &account, Action action);
};

} // namespace knotie
