#include "ui/shell/mainwindow.h"

#include "models/analytics/usageservice.h"
#include "models/session/session.h"
#include "models/sync/connectionstate.h"
#include "models/sync/synccontroller.h"
#include "models/workspace/workspace.h"
#include "ui/pages/accessdeniedpage.h"
#include "ui/pages/navigator.h"
#include "ui/settingskeys.h"
#include "ui/shell/accountheader.h"
#include "ui/shell/commandpalette.h"
#include "ui/shell/shortcutsoverlay.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHash>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace knotie {

namespace {
// The page's first useful control: its focus proxy if it names one (the key search), else the
// first control Tab reaches inside it.
QWidget *firstControl(QWidget *page) {
    if (QWidget *proxy = page->focusProxy())
        return proxy;
    for (QWidget *w = page->nextInFocusChain(); w && w != page; w = w->nextInFocusChain())
        if (page->isAncestorOf(w) && w->isVisibleTo(page) && w->isEnabled() &&
            (w->focusPolicy() & Qt::TabFocus))
            return w;
    return nullptr;
}

constexpr int pageRole = Qt::UserRole + 1;
// The Settings row of someone without settings permission: it opens the page that says whom to ask.
constexpr int lockedRole = Qt::UserRole + 2;
constexpr int navigationRowHeight = 30;
// The Go menu's order; each page keeps its Ctrl+number for everyone (Ctrl+5 is API Keys, or the
// locked Settings), so the shortcut a colleague names works the same for a member.
const QList<Page> allPages{Page::Overview, Page::Customers, Page::Analytics, Page::ApiReference,
                           Page::ApiKeys,  Page::Team,      Page::AuditLog};

// A small padlock in the text colour: drawn, since the portal ships no icon theme.
QIcon lockIcon(const QPalette &palette) {
    const qreal ratio = qApp->devicePixelRatio();
    const int side = 16;
    QPixmap pixmap(QSize(side, side) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor colour = palette.color(QPalette::WindowText);
    p.setPen(QPen(colour, 1.6));
    p.setBrush(Qt::NoBrush);
    p.drawArc(QRectF(4.5, 1.5, 7, 9), 0, 180 * 16);
    p.drawLine(QPointF(4.5, 6), QPointF(4.5, 7.5));
    p.drawLine(QPointF(11.5, 6), QPointF(11.5, 7.5));
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawRoundedRect(QRectF(2.5, 7, 11, 8), 1.5, 1.5);
    return QIcon(pixmap);
}
} // namespace

struct MainWindow::Private {
    PageContext context;
    Session *session = nullptr;
    AccountHeader *header = nullptr;
    QTreeWidget *navigation = nullptr;
    QStackedWidget *stack = nullptr;
    QMenu *goMenu = nullptr;
    QLabel *connection = nullptr;
    QHash<Page, QWidget *> pages;
    QWidget *deniedPage = nullptr;
    Page current = Page::Overview;
};

MainWindow::MainWindow(const PageContext &context, QWidget *parent)
    : QMainWindow(parent)
    , d(std::make_unique<Private>()) {
    d->context = context;
    if (!d->context.navigator)
        d->context.navigator = new Navigator(this);
    connect(d->context.navigator, &Navigator::pageRequested, this, &MainWindow::showPage);
    d->session = context.workspace->session();
    const Account &account = d->session->account();
    setObjectName(QStringLiteral("mainWindow"));
    // The window system adds the application's name (ui/shell/portalname.h).
    setWindowTitle(account.partnerName);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    d->header = new AccountHeader(account, d->session->gateway(), central);
    connect(d->header, &AccountHeader::signOutRequested, this, &MainWindow::signOutRequested);
    layout->addWidget(d->header);

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
    connect(d->navigation, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && item->data(0, pageRole).isValid())
            showPage(static_cast<Page>(item->data(0, pageRole).toInt()));
        else if (item && item->data(0, lockedRole).toBool())
            showPage(Page::ApiKeys); // says whom to ask
    });

    d->connection = new QLabel(this);
    d->connection->setObjectName(QStringLiteral("connectionState"));
    statusBar()->addPermanentWidget(d->connection);
    ConnectionState *state = context.workspace->connectionState();
    const auto showState = [this, state] {
        d->connection->setText(state->statusText());
    };
    connect(state, &ConnectionState::changed, this, showState);
    showState();

    buildMenus();
    rebuildNavigation();
    connect(d->session, &Session::accountChanged, this, &MainWindow::onAccountChanged);

    QSettings settings;
    // On a roomy screen, room for every column of the key table.
    if (!restoreGeometry(settings.value(settingskeys::mainWindowGeometry).toByteArray()))
        resize(screen()->availableSize().width() >= 1600 ? QSize(1440, 900) : QSize(1180, 760));
    const QString lastPage = settings.value(settingskeys::mainWindowPage).toString();
    Page start = Page::Overview;
    for (Page p : navigationPages())
        if (pageSlug(p) == lastPage)
            start = p;
    showPage(start);
}

MainWindow::~MainWindow() = default;

void MainWindow::rebuildNavigation() {
    const QSignalBlocker blocker(d->navigation);
    d->navigation->clear();
    QTreeWidgetItem *settings = nullptr;
    for (Page page : Access::visiblePages(d->session->account())) {
        QTreeWidgetItem *parentItem = nullptr;
        if (page == Page::ApiKeys || page == Page::Team || page == Page::AuditLog) {
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
    // Without settings permission Settings still shows, locked, where the help article sends
    // people: it opens the page that names the owner to ask.
    const bool settingsLocked = !Access::maySee(d->session->account(), Page::ApiKeys);
    if (settingsLocked) {
        auto *locked = new QTreeWidgetItem(d->navigation, {tr("Settings")});
        locked->setData(0, lockedRole, true);
        locked->setIcon(0, lockIcon(d->navigation->palette()));
        locked->setSizeHint(0, QSize(0, navigationRowHeight));
        locked->setToolTip(0, Access::deniedMessage(d->session->account(), Page::ApiKeys));
        locked->setData(0, Qt::AccessibleTextRole, tr("Settings (locked)"));
    }
    d->navigation->expandAll();

    d->goMenu->clear();
    for (int number = 1; number <= allPages.size(); ++number) {
        const Page page = allPages[number - 1];
        QAction *action = nullptr;
        if (Access::maySee(d->session->account(), page))
            action = d->goMenu->addAction(pageTitle(page), this, [this, page] { showPage(page); });
        else if (page == Page::ApiKeys && settingsLocked)
            action = d->goMenu->addAction(lockIcon(palette()), tr("Settings (locked)"), this,
                                          [this] { showPage(Page::ApiKeys); });
        if (action)
            action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + number)));
    }
}

void MainWindow::onAccountChanged(const Account &account) {
    d->header->setAccount(account);
    // Pages the person may no longer see go away at once, with what they showed.
    for (auto it = d->pages.begin(); it != d->pages.end();) {
        if (!Access::maySee(account, it.key())) {
            delete it.value();
            it = d->pages.erase(it);
        } else {
            ++it;
        }
    }
    rebuildNavigation();
    showPage(d->current);
}

void MainWindow::buildMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *syncNow =
        file->addAction(tr("&Sync Now"), this, [this] { d->context.workspace->sync()->syncNow(); });
    syncNow->setShortcut(QKeySequence::Refresh);
    QAction *preferences = file->addAction(tr("&Preferences…"), this, &MainWindow::preferencesRequested);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    file->addAction(tr("Sign &Out"), this, &MainWindow::signOutRequested);
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    d->goMenu = menuBar()->addMenu(tr("&Go"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *palette = help->addAction(tr("&Go to Page or Key…"), this,
                                       [this] { (new CommandPalette(d->context, this))->open(); });
    palette->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    QAction *shortcuts =
        help->addAction(tr("&Keyboard Shortcuts"), this, [this] { (new ShortcutsOverlay(this))->open(); });
    shortcuts->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Slash), QKeySequence::HelpContents});
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

QTreeWidgetItem *MainWindow::lockedSettingsItem(Page page) const {
    if (page != Page::ApiKeys && page != Page::Team && page != Page::AuditLog)
        return nullptr;
    for (QTreeWidgetItemIterator it(d->navigation); *it; ++it)
        if ((*it)->data(0, lockedRole).toBool())
            return *it;
    return nullptr;
}

Page MainWindow::currentPage() const {
    return d->current;
}

void MainWindow::showPage(Page page) {
    d->current = page;
    const Account &account = d->session->account();
    if (!Access::maySee(account, page)) {
        delete d->deniedPage;
        // Reached through the locked Settings row, the page is named as the row is.
        QTreeWidgetItem *locked = lockedSettingsItem(page);
        d->deniedPage = new AccessDeniedPage(locked ? tr("Settings") : pageTitle(page),
                                             Access::deniedMessage(account, page), d->stack);
        d->stack->addWidget(d->deniedPage);
        d->stack->setCurrentWidget(d->deniedPage);
        if (!d->navigation->hasFocus())
            focusPage(d->deniedPage);
        const QSignalBlocker blocker(d->navigation);
        d->navigation->setCurrentItem(locked);
        return;
    }
    delete d->deniedPage;
    d->deniedPage = nullptr;
    QWidget *&widget = d->pages[page];
    if (!widget) {
        widget = createPage(page, d->context, d->stack);
        d->stack->addWidget(widget);
    }
    d->stack->setCurrentWidget(widget);
    // Keyboard work goes on in the page, unless the person is walking the navigation.
    if (!d->navigation->hasFocus())
        focusPage(widget);
    for (QTreeWidgetItemIterator it(d->navigation); *it; ++it) {
        if ((*it)->data(0, pageRole).isValid() &&
            static_cast<Page>((*it)->data(0, pageRole).toInt()) == page) {
            const QSignalBlocker blocker(d->navigation);
            d->navigation->setCurrentItem(*it);
        }
    }
}

void MainWindow::focusPage(QWidget *page) {
    // Never left to Qt's first-in-chain pick, which is the header's Sign Out button.
    QWidget *first = firstControl(page);
    (first ? first : d->navigation)->setFocus(Qt::OtherFocusReason);
}

void MainWindow::closeEvent(QCloseEvent *event) {
    QSettings settings;
    settings.setValue(settingskeys::mainWindowGeometry, saveGeometry());
    settings.setValue(settingskeys::mainWindowPage, pageSlug(d->current));
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange)
        updateUsageVisibility();
}

void MainWindow::showEvent(QShowEvent *event) {
    QMainWindow::showEvent(event);
    updateUsageVisibility();
}

void MainWindow::hideEvent(QHideEvent *event) {
    QMainWindow::hideEvent(event);
    updateUsageVisibility();
}

void MainWindow::updateUsageVisibility() {
    d->context.workspace->usage()->setVisible(isVisible() && !isMinimized());
}

} // namespace knotie
