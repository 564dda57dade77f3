#include "ui/reference/endpointbrowser.h"

#include "ui/keys/keytypetext.h"
#include "ui/reference/codeblock.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QTabBar>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace knotie {

namespace {
constexpr int routeRole = Qt::UserRole + 1;

QString routeTitle(const scopes::PlatformRoute &route) {
    return QString(route.method) + QLatin1Char(' ') + QString(route.pathTemplate);
}

void fitHeight(QTableWidget *table) {
    table->resizeRowsToContents();
    int height = table->horizontalHeader()->height() + 2 * table->frameWidth();
    for (int row = 0; row < table->rowCount(); ++row)
        height += table->rowHeight(row);
    table->setFixedHeight(height);
}
QTableWidget *grantTable(int rows, const QString &accessibleName, QWidget *parent) {
    auto *table = new QTableWidget(rows, 1 + int(allKeyTypes.size()), parent);
    table->setAccessibleName(accessibleName);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setWordWrap(true);
    // Wrapped cells need more height when the columns get narrower.
    QObject::connect(table->horizontalHeader(), &QHeaderView::sectionResized, table,
                     [table] { fitHeight(table); });
    QStringList headers{EndpointBrowser::tr("Call")};
    for (KeyType type : allKeyTypes)
        headers << keyTypeText(type).title;
    table->setHorizontalHeaderLabels(headers);
    return table;
}

template <typename Row>
void fillGrantRow(QTableWidget *table, int row, const QString &label, const Row &item) {
    table->setItem(row, 0, new QTableWidgetItem(label));
    int column = 1;
    for (KeyType type : allKeyTypes) {
        auto *cell = new QTableWidgetItem(examples::grantText(item.grantFor(type)));
        if (item.grantFor(type) == scopes::Grant::Denied)
            cell->setForeground(table->palette().color(QPalette::PlaceholderText));
        table->setItem(row, column++, cell);
    }
}

} // namespace

EndpointBrowser::EndpointBrowser(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this)) {
    m_tree->setObjectName(QStringLiteral("endpointTree"));
    m_tree->setAccessibleName(tr("Platform API calls"));
    m_tree->setHeaderHidden(true);
    m_tree->setMinimumWidth(300);
    for (examples::Group group : examples::allGroups) {
        auto *groupItem = new QTreeWidgetItem(m_tree, {examples::groupTitle(group)});
        groupItem->setFlags(Qt::ItemIsEnabled);
        QFont bold = groupItem->font(0);
        bold.setBold(true);
        groupItem->setFont(0, bold);
        const QList<scopes::PlatformRoute> &routes = scopes::platformRoutes();
        for (qsizetype i = 0; i < routes.size(); ++i) {
            if (examples::groupOf(routes[i]) != group)
                continue;
            auto *item = new QTreeWidgetItem(groupItem, {routeTitle(routes[i])});
            item->setData(0, routeRole, int(i));
            item->setToolTip(0, examples::describe(routes[i].description));
        }
    }
    m_tree->expandAll();

    auto *details = new QWidget;
    auto *layout = new QVBoxLayout(details);
    m_title = new QLabel(details);
    m_title->setObjectName(QStringLiteral("endpointTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_description = new QLabel(details);
    m_description->setObjectName(QStringLiteral("endpointDescription"));
    m_description->setWordWrap(true);
    m_grants = grantTable(1, tr("What each key type may do with this call"), details);
    m_grants->setObjectName(QStringLiteral("endpointGrants"));
    m_grants->setColumnHidden(0, true); // the call is the title above

    // One example shown at a time, so the block is as tall as that example.
    m_languages = new QTabBar(details);
    m_languages->setObjectName(QStringLiteral("exampleLanguages"));
    m_languages->setAccessibleName(tr("Example language"));
    m_languages->setExpanding(false);
    for (examples::Language language : examples::allLanguages)
        m_languages->addTab(examples::languageTitle(language));
    m_code = new CodeBlock(tr("Example"), details);
    m_code->setObjectName(QStringLiteral("exampleCode"));
    connect(m_languages, &QTabBar::currentChanged, this, &EndpointBrowser::showLanguage);
    auto *legend = new QLabel(tr("No: the gateway answers 403 key_scope. Own customer only: a customer key "
                                 "reaches its own customer; others answer 404 as if they did not exist."),
                              details);
    legend->setWordWrap(true);
    auto *keyHint = new QLabel(
        tr("The examples read your key from the environment variable %1 (in n8n: an environment variable "
           "or a Header Auth credential), so they never contain a key. Keep keys out of browser code.")
            .arg(examples::keyVariable),
        details);
    keyHint->setWordWrap(true);

    m_mcp = new QWidget(details);
    auto *mcpLayout = new QVBoxLayout(m_mcp);
    mcpLayout->setContentsMargins(0, 0, 0, 0);
    auto *toolsTitle =
        new QLabel(tr("<b>Tools</b> (tools/list shows a key only the tools it may call)"), m_mcp);
    m_tools = grantTable(int(scopes::mcpTools().size()), tr("MCP tools and the key types that may call them"),
                         m_mcp);
    m_tools->setObjectName(QStringLiteral("mcpTools"));
    for (qsizetype i = 0; i < scopes::mcpTools().size(); ++i) {
        const scopes::McpTool &tool = scopes::mcpTools()[i];
        fillGrantRow(m_tools, int(i), QString(tool.name), tool);
        m_tools->item(int(i), 0)->setToolTip(examples::describe(tool.description));
    }
    auto *configTitle = new QLabel(tr("<b>MCP client configuration</b>: streamable HTTP with your key in the "
                                      "X-API-Key header. Replace %1 with a Read-Only key for agents that "
                                      "only read.")
                                       .arg(examples::placeholderKey),
                                   m_mcp);
    configTitle->setWordWrap(true);
    m_mcpConfig = new CodeBlock(tr("MCP client configuration"), m_mcp);
    m_mcpConfig->setObjectName(QStringLiteral("mcpConfig"));
    mcpLayout->addWidget(toolsTitle);
    mcpLayout->addWidget(m_tools);
    mcpLayout->addWidget(configTitle);
    mcpLayout->addWidget(m_mcpConfig);

    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addWidget(m_grants);
    layout->addWidget(legend);
    layout->addWidget(m_languages);
    layout->addWidget(m_code);
    layout->addWidget(keyHint);
    layout->addWidget(m_mcp);
    layout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(details);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({320, 700});
    splitter->setChildrenCollapsible(false);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(splitter);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && item->data(0, routeRole).isValid())
            showRoute(scopes::platformRoutes().at(item->data(0, routeRole).toInt()));
    });
    showRoute(scopes::platformRoutes().first());
}

void EndpointBrowser::setValues(const examples::Values &values) {
    m_values = values;
    showCurrent();
}

void EndpointBrowser::showRoute(const scopes::PlatformRoute &route) {
    m_route = &route;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, routeRole).isValid() &&
            &scopes::platformRoutes().at((*it)->data(0, routeRole).toInt()) == &route) {
            const QSignalBlocker blocker(m_tree);
            m_tree->setCurrentItem(*it);
        }
    }
    showCurrent();
}

void EndpointBrowser::showCurrent() {
    if (!m_route)
        return;
    const examples::Call call = examples::exampleCall(*m_route, m_values);
    m_title->setText(routeTitle(*m_route));
    m_description->setText(
        tr("%1 Success: HTTP %2.").arg(examples::describe(m_route->description)).arg(call.expectedStatus));
    fillGrantRow(m_grants, 0, routeTitle(*m_route), *m_route);
    fitHeight(m_grants);
    const QString nodeTitle = tr("Knotie: %1").arg(routeTitle(*m_route));
    m_examples.clear();
    for (examples::Language language : examples::allLanguages)
        m_examples << examples::render(language, call, nodeTitle);
    showLanguage(m_languages->currentIndex());
    const bool mcp = examples::groupOf(*m_route) == examples::Group::Mcp;
    m_mcp->setVisible(mcp);
    if (mcp)
        fitHeight(m_tools);
    m_mcpConfig->setCode(examples::mcpClientConfig(m_values.baseUrl));
}

void EndpointBrowser::showLanguage(int index) {
    m_code->setCode(m_examples.value(index));
}

QString EndpointBrowser::example(examples::Language language) const {
    for (qsizetype i = 0; i < m_examples.size(); ++i)
        if (examples::allLanguages[i] == language)
            return m_examples[i];
    return {};
}

QString EndpointBrowser::mcpConfig() const {
    return m_mcpConfig->code();
}

} // namespace knotie
