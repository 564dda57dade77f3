#include "ui/analytics/analyticspage.h"
#include "ui/audit/auditlogpage.h"
#include "ui/customers/customerspage.h"
#include "ui/overview/overviewpage.h"
#include "ui/pages/apikeyspage.h"
#include "ui/pages/pagecontext.h"
#include "ui/pages/teampage.h"
#include "ui/reference/apireferencepage.h"

#include <QCoreApplication>

namespace knotie {

QWidget *createPage(Page page, const PageContext &context, QWidget *parent) {
    switch (page) {
    case Page::Analytics:
        return new AnalyticsPage(context, parent);
    case Page::ApiReference:
        return new ApiReferencePage(context, parent);
    case Page::Overview:
        return new OverviewPage(context, parent);
    case Page::Customers:
        return new CustomersPage(context, parent);
    case Page::ApiKeys:
        return new ApiKeysPage(context, parent);
    case Page::Team:
        return new TeamPage(context, parent);
    case Page::AuditLog:
        return new AuditLogPage(context, parent);
    }
    return nullptr;
}

QString pageTitle(Page page) {
    switch (page) {
    case Page::Overview:
        return QCoreApplication::translate("Pages", "Overview");
    case Page::Customers:
        return QCoreApplication::translate("Pages", "Customers");
    case Page::Analytics:
        // The help article's name for it, which people look for.
        return QCoreApplication::translate("Pages", "Agent Analytics");
    case Page::ApiReference:
        return QCoreApplication::translate("Pages", "API Reference");
    case Page::ApiKeys:
        return QCoreApplication::translate("Pages", "API Keys");
    case Page::Team:
        return QCoreApplication::translate("Pages", "Team");
    case Page::AuditLog:
        return QCoreApplication::translate("Pages", "Audit Log");
    }
    return {};
}

QString pageDescription(Page page) {
    switch (page) {
    case Page::Overview:
        return QCoreApplication::translate(
            "Pages", "Your account at a glance: key health, recent key activity and today's traffic.");
    case Page::Customers:
        return QCoreApplication::translate("Pages", "Your customers, their Customer keys and their usage.");
    case Page::Analytics:
        return QCoreApplication::translate(
            "Pages", "Key usage over time: requests, errors, endpoints and the keys that need attention.");
    case Page::ApiReference:
        return QCoreApplication::translate(
            "Pages", "The Platform API with copy/paste examples, and a way to test a key.");
    case Page::ApiKeys:
        return QCoreApplication::translate(
            "Pages", "Create, rotate and revoke the API keys your tools and automations use.");
    case Page::Team:
        return QCoreApplication::translate("Pages", "Who is on your team and which settings they may use.");
    case Page::AuditLog:
        return QCoreApplication::translate("Pages",
                                           "Who did what and when: keys, permissions, roles and sign-ins.");
    }
    return {};
}

QString pageSlug(Page page) {
    switch (page) {
    case Page::Overview:
        return QStringLiteral("overview");
    case Page::Customers:
        return QStringLiteral("customers");
    case Page::Analytics:
        return QStringLiteral("analytics");
    case Page::ApiReference:
        return QStringLiteral("api-reference");
    case Page::ApiKeys:
        return QStringLiteral("api-keys");
    case Page::Team:
        return QStringLiteral("team");
    case Page::AuditLog:
        return QStringLiteral("audit-log");
    }
    return {};
}

} // namespace knotie
