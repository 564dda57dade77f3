#include "models/session/access.h"

#include <QCoreApplication>

namespace knotie {

bool Access::maySee(const Account &account, Page page) {
    switch (page) {
    case Page::Overview:
    case Page::ApiReference:
        return true;
    case Page::Customers:
        return account.has(Permission::CustomersView) || account.has(Permission::SettingsManage);
    case Page::Analytics:
        return account.has(Permission::AnalyticsView);
    case Page::ApiKeys:
    case Page::Team:
    case Page::AuditLog: // GET /v1/audit needs settings.manage
        return account.has(Permission::SettingsManage);
    }
    return false;
}

QList<Page> Access::visiblePages(const Account &account) {
    QList<Page> pages;
    for (Page p : {Page::Overview, Page::Customers, Page::Analytics, Page::ApiReference, Page::ApiKeys,
                   Page::Team, Page::AuditLog})
        if (maySee(account, p))
            pages.append(p);
    return pages;
}

QString Access::deniedMessage(const Account &account, Page page) {
    const QString owner = account.owner.name.isEmpty()
                              ? QCoreApplication::translate("Access", "the account owner")
                              : account.owner.name;
    const QString contact =
        account.owner.email.isEmpty() ? owner : QStringLiteral("%1 (%2)").arg(owner, account.owner.email);
    switch (page) {
    case Page::ApiKeys:
        return QCoreApplication::translate(
                   "Access", "You don't have access to API keys. Ask %1 to grant settings access.")
            .arg(contact);
    case Page::Team:
        return QCoreApplication::translate("Access",
                                           "You don't have access to the team settings. Ask %1 to grant "
                                           "settings access.")
            .arg(contact);
    case Page::AuditLog:
        return QCoreApplication::translate("Access",
                                           "You don't have access to the audit log. Ask %1 to grant settings "
                                           "access.")
            .arg(contact);
    case Page::Analytics:
        return QCoreApplication::translate("Access",
                                           "You don't have access to Agent Analytics. Ask %1 to grant "
                                           "Agent Analytics access.")
            .arg(contact);
    case Page::Customers:
        return QCoreApplication::translate("Access",
                                           "You don't have access to customers. Ask %1 to grant access.")
            .arg(contact);
    case Page::Overview:
    case Page::ApiReference:
        break;
    }
    return {};
}

bool Access::mayDo(const Account &account, Action action) {
    switch (action) {
    case Action::ManageKeys:
    case Action::TestKey:
        return maySee(account, Page::ApiKeys);
    case Action::ChangePermissions:
        return account.has(Permission::TeamManage);
    case Action::ViewUsage:
        return account.has(Permission::AnalyticsView) || account.has(Permission::SettingsManage);
    }
    return false;
}

QString Access::deniedMessage(const Account &account, Action action) {
    switch (action) {
    case Action::ManageKeys:
    case Action::TestKey:
        return deniedMessage(account, Page::ApiKeys);
    case Action::ChangePermissions:
        return QCoreApplication::translate("Access", "Only the account owner can change permissions.");
    case Action::ViewUsage:
        return deniedMessage(account, Page::Analytics);
    }
    return {};
}

} // namespace knotie
