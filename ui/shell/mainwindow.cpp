#include "mainwindow.h"

#include "accountheader.h"
#include "pages/accessdeniedpage.h"
#include "pages/placeholderpage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace knotie {

namespace {
constexpr int pageRole = Qt::UserRole + 1;
constexpr int navigationRowHeight = 30;
const QList<Page> allPages{Page::Overview,     Page::Customers, Page::Analytics,
                           Page::ApiReference, Page::ApiKeys,   Page::Team};

QString pageDescription(Page page) {
    switch (page) {
    case Page::Overview:
        return MainWindow::tr(
            "Your account at a glance: key health, recent key activity and today's traffic.");
    case Page::Customers:
        return MainWindow::tr("Your customers, their Customer keys and their usage.");
    case Page::Analytics:
        return MainWindow::tr(
            "Key usage over time: requests, errors, endpoints and the keys that need attention.");
    case Page::ApiReference:
        return MainWindow::tr("The Platform API with copy/paste examples, and a way to test a key.");
    case Page::ApiKeys:
        return MainWindow::tr("Create, rotate and revoke the API keys your tools and automations use.");
    case Page::Team:
        return MainWindow::tr("Who is on your team and which settings they may use.");
    }
    return {};
}
} // namespace

struct MainWindow::Private {
    SignedInSession session;
    QTreeWidget *navigation = nullptr;
    QStackedWidget *stack = nullptr;
    QHash<Page, QWidget *> pages;
    QWidget *deniedPage = nullptr;
    Page current = Page::Overview;
};

MainWindow::MainWindow(const SignedInSession &session, QWidget *parent)
    : QMainWindow(parent)
    , d(std::make_unique<Private>()) {
    d->session = session;
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("%1 — Knotie Partner Portal").arg(session.account.partnerName));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *header = new AccountHeader(session, central);
    connect(header, &AccountHeader::signOutRequested, this, &MainWindow::signOutRequested);
    layout->addWidget(header);

    auto *splitter = new QSplitter(Qt::Horizontal, central);
    d->navigation = new QTreeWidget(splitter);
    d->navigation->setObjectName(QStringLiteral("navigation"));
    d->navigation->setAccessibleName(tr("Navigation"));
    d->navigation->setHeaderHidden(true);
    d->navigation->setRootIsDecorated(false);
    d->navigation->setIndentation(14);
    d->navigation->setMinimumWidth(180);
    d->stack = new QStackedWidget(splitter);
    d->stack->setObjectName(QStringLiteral("pages"));
    splitter->addWidget(d->navigation);
    splitter->addWidget(d->stack);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 900});
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    buildNavigation();
    buildMenus();
    statusBar()->showMessage(tr("Signed in to %1").arg(session.gateway.toDisplayString()));

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1180, 760);
    const QString lastPage = settings.value(QStringLiteral("mainWindow/page")).toString();
    Page start = Page::Overview;
    for (Page p : navigationPages())
        if (pageSlug(p) == lastPage)
            start = p;
    showPage(start);
}

MainWindow::~MainWindow() = default;

QString MainWindow::pageTitle(Page page) {
    switch (page) {
    case Page::Overview:
        return tr("Overview");
    case Page::Customers:
        return tr("Customers");
    case Page::Analytics:
        return tr("Analytics");
    case Page::ApiReference:
        return tr("API Reference");
    case Page::ApiKeys:
        return tr("API Keys");
    case Page::Team:
        return tr("Team");
    }
    return {};
}

QString MainWindow::pageSlug(Page page) {
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
    }
    return {};
}

void MainWindow::buildNavigation() {
    QTreeWidgetItem *settings = nullptr;
    for (Page page : Access::visiblePages(d->session.account)) {
        QTreeWidgetItem *parentItem = nullptr;
        if (page == Page::ApiKeys || page == Page::Team) {
            // API Keys and Team live under Settings, where the help article sends people.
            if (!settings) {
                settings = new QTreeWidgetItem(d->navigation, {tr("Settings")});
                settings->setFlags(Qt::ItemIsEnabled);
                settings->setSizeHint(0, QSize(0, navigationRowHeight));
                QFont f = settings->font(0);
                f.setBold(true);
                settings->setFont(0, f);
            }
            parentItem = settings;
        }
        auto *item = parentItem ? new QTreeWidgetItem(parentItem, {pageTitle(page)})
                                : new QTreeWidgetItem(d->navigation, {pageTitle(page)});
        item->setData(0, pageRole, static_cast<int>(page));
        item->setSizeHint(0, QSize(0, navigationRowHeight));
        item->setToolTip(0, pageDescription(page));
    }
    d->navigation->expandAll();
    connect(d->navigation, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && item->data(0, pageRole).isValid())
            showPage(static_cast<Page>(item->data(0, pageRole).toInt()));
    });
}

void MainWindow::buildMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *preferences = file->addAction(tr("&Preferences…"), this, &MainWindow::preferencesRequested);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    file->addAction(tr("Sign &Out"), this, &MainWindow::signOutRequested);
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    int number = 1;
    for (Page page : allPages) {
        if (!Access::maySee(d->session.account, page))
            continue;
        QAction *action = go->addAction(pageTitle(page), this, [this, page] { showPage(page); });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + number++)));
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Knotie Partner Portal"), this, [this] {
        QMessageBox::about(this, tr("About Knotie Partner Portal"),
                           tr("<b>Knotie Partner Portal</b> %1<br>Manage the API keys of your Knotie AI Pro "
                              "partner account.")
                               .arg(QStringLiteral(KNOTIE_VERSION)));
    });
}

QList<Page> MainWindow::navigationPages() const {
    QList<Page> pages;
    for (QTreeWidgetItemIterator it(d->navigation); *it; ++it)
        if ((*it)->data(0, pageRole).isValid())
            pages.append(static_cast<Page>((*it)->data(0, pageRole).toInt()));
    return pages;
}

Page MainWindow::currentPage() const {
    return d->current;
}

void MainWindow::showPage(Page page) {
    d->current = page;
    if (!Access::maySee(d->session.account, page)) {
        delete d->deniedPage;
        d->deniedPage =
            new AccessDeniedPage(pageTitle(page), Access::deniedMessage(d->session.account, page), d->stack);
        d->stack->addWidget(d->deniedPage);
        d->stack->setCurrentWidget(d->deniedPage);
        d->navigation->setCurrentItem(nullptr);
        return;
    }
    QWidget *&widget = d->pages[page];
    if (!widget) {
        widget = new PlaceholderPage(pageTitle(page), pageDescription(page), d->stack);
        d->stack->addWidget(widget);
    }
    d->stack->setCurrentWidget(widget);
    for (QTreeWidgetItemIterator it(d->navigation); *it; ++it) {
        if ((*it)->data(0, pageRole).isValid() &&
            static_cast<Page>((*it)->data(0, pageRole).toInt()) == page) {
            const QSignalBlocker blocker(d->navigation);
            d->navigation->setCurrentItem(*it);
        }
    }
}

void MainWindow::closeEvent(QCloseEvent *event) {
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/page"), pageSlug(d->current));
    QMainWindow::closeEvent(event);
}

} // namespace knotie
