#include "ui/reference/apireferencepage.h"

#include "models/items/listmodels.h"
#include "models/session/session.h"
#include "models/workspace/workspace.h"
#include "ui/pages/accessdeniedpage.h"
#include "ui/pages/pageheader.h"
#include "ui/reference/connectionpanel.h"
#include "ui/reference/endpointbrowser.h"
#include "ui/reference/keytestpanel.h"
#include "ui/reference/sunsetpanel.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace knotie {

ApiReferencePage::ApiReferencePage(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_tabs(new QTabWidget(this))
    , m_endpoints(new EndpointBrowser(m_tabs)) {
    setObjectName(QStringLiteral("apiReferencePage"));
    Session *session = context.workspace->session();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(pageTitle(Page::ApiReference), this));
    auto *base = new QLabel(tr("Base URL: <b>%1</b> — send your key in the <code>X-API-Key</code> header.")
                                .arg(session->gateway().toDisplayString().toHtmlEscaped()),
                            this);
    base->setObjectName(QStringLiteral("apiBaseUrl"));
    base->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(base);
    m_tabs->setObjectName(QStringLiteral("apiReferenceTabs"));
    m_tabs->setAccessibleName(tr("API Reference sections"));
    m_tabs->addTab(m_endpoints, tr("&Endpoints"));
    updateKeyTestTab();
    // A grant or a withdrawal of settings access shows or hides "test a key" at once.
    connect(session, &Session::accountChanged, this, &ApiReferencePage::updateKeyTestTab);
    m_connection = new ConnectionPanel(session->connection().network, session->gateway(), m_tabs);
    m_tabs->addTab(m_connection, tr("&Connection"));
    m_tabs->addTab(new SunsetPanel(session->gateway(), m_tabs), tr("Key E&xpiry (Sunset)"));
    layout->addWidget(m_tabs, 1);

    CustomerModel *customers = context.workspace->customerModel();
    connect(customers, &QAbstractItemModel::modelReset, this, &ApiReferencePage::refreshValues);
    connect(customers, &QAbstractItemModel::rowsInserted, this, &ApiReferencePage::refreshValues);
    refreshValues();
}

void ApiReferencePage::updateKeyTestTab() {
    Session *session = m_context.workspace->session();
    // Testing a key asks /v1/keys/check, which belongs to the API Keys settings.
    const bool allowed = session->maySee(Page::ApiKeys);
    QWidget *old = m_tabs->widget(TestKeyTab);
    if (old && allowed == (m_keyTest != nullptr))
        return;
    const bool wasCurrent = old && m_tabs->currentIndex() == TestKeyTab;
    QWidget *replacement = nullptr;
    if (allowed) {
        m_keyTest = new KeyTestPanel(session, m_tabs);
        replacement = m_keyTest;
    } else {
        m_keyTest = nullptr;
        replacement = new AccessDeniedPage(tr("Test a Key"),
                                           Access::deniedMessage(session->account(), Page::ApiKeys), m_tabs);
    }
    if (old) {
        m_tabs->removeTab(TestKeyTab);
        delete old;
    }
    m_tabs->insertTab(TestKeyTab, replacement, tr("&Test a Key"));
    if (wasCurrent)
        m_tabs->setCurrentIndex(TestKeyTab);
}

void ApiReferencePage::showTab(int index) {
    m_tabs->setCurrentIndex(index);
}

void ApiReferencePage::refreshValues() {
    examples::Values values;
    values.baseUrl = m_context.workspace->session()->gateway();
    // A real customer of this partner, so the customer examples run as shown.
    CustomerModel *customers = m_context.workspace->customerModel();
    if (customers->rowCount() > 0)
        values.customerId = customers->customerAt(0).id;
    m_endpoints->setValues(values);
}

} // namespace knotie
