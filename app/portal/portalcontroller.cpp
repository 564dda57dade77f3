#include "app/portal/portalcontroller.h"

#include "models/network/gatewayaddress.h"
#include "models/secrets/secretstore.h"
#include "models/session/session.h"
#include "models/session/signinflow.h"
#include "models/sync/connectionstate.h"
#include "models/workspace/workspace.h"
#include "ui/notifications/keywarnings.h"
#include "ui/pages/navigator.h"
#include "ui/preferences/preferencesdialog.h"
#include "ui/settingskeys.h"
#include "ui/shell/mainwindow.h"
#include "ui/signin/signindialog.h"
#include "ui/signin/signinflowlink.h"
#include "ui/widgets/secretclipboard.h"

#include <QApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>

namespace knotie {

PortalController::PortalController(PortalOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_network(new QNetworkAccessManager(this))
    , m_secrets(new SecretStore(QStringLiteral("knotie-portal"), this))
    , m_clipboard(new SecretClipboard(this))
    , m_signIn(new SignInFlow(m_network, this))
    , m_workspace(new Workspace(m_network, m_secrets, this)) {
    Session *session = m_workspace->session();
    connect(session, &Session::signedIn, this, [this] {
        m_workspace->open();
        openMainWindow();
    });
    connect(session, &Session::restoreFailed, this, [this] { showSignIn(QString()); });
    connect(session, &Session::signedOut, this, [this](const QString &reason) {
        m_workspace->close();
        closeMainWindow();
        showSignIn(reason.isEmpty() ? tr("You have signed out.") : reason);
    });
    connect(m_workspace, &Workspace::notice, this, [this](const QString &message) {
        if (m_window)
            m_window->statusBar()->showMessage(message, 15000);
    });
}

PortalController::~PortalController() {
    delete m_window;
    delete m_dialog;
}

void PortalController::start(SignInDialog *shown) {
    if (shown)
        return signInWith(shown);
    QSettings settings;
    const QUrl gateway = normalizeGatewayAddress(settings.value(settingskeys::gateway).toString());
    const QString email = settings.value(settingskeys::email).toString();
    if (gateway.isValid() && !email.isEmpty())
        m_workspace->session()->restore(gateway, email); // signedIn or restoreFailed follows
    else
        showSignIn(QString());
}

void PortalController::bringToFront() {
    QWidget *front = m_window ? static_cast<QWidget *>(m_window) : static_cast<QWidget *>(m_dialog);
    if (!front)
        return;
    front->setWindowState((front->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    front->show();
    front->raise();
    front->activateWindow();
}

void PortalController::showSignIn(const QString &notice) {
    auto *dialog = new SignInDialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->prefill(m_options.gateway, m_options.email);
    dialog->setNotice(notice);
    dialog->show();
    signInWith(dialog);
}

void PortalController::signInWith(SignInDialog *dialog) {
    m_dialog = dialog;
    linkSignIn(dialog, m_signIn, [this](const SignedInSession &session) {
        QSettings s;
        s.setValue(settingskeys::gateway, session.gateway.toString());
        s.setValue(settingskeys::email, session.account.user.email);
        s.setValue(settingskeys::remember, session.remember);
        m_workspace->session()->begin(session); // signedIn opens the main window
    });
    connect(dialog, &QDialog::rejected, this, [this] {
        if (!m_window)
            QApplication::quit();
    });
    if (m_options.autoSignIn) {
        m_options.autoSignIn = false;
        dialog->setPassword(m_options.password);
        m_options.password.clear();
        dialog->accept();
    }
}

void PortalController::openMainWindow() {
    // The portal's few deliberate touches on the platform style, for the whole application as
    // before, but only from the main window on: the sign-in dialog, the first window, does not
    // need them, and set before the window is built its widgets are polished once, not twice.
    if (qApp->styleSheet().isEmpty()) {
        QFile style(QStringLiteral(":/style/portal.qss"));
        if (style.open(QIODevice::ReadOnly))
            qApp->setStyleSheet(QString::fromUtf8(style.readAll()));
    }
    auto *navigator = new Navigator;
    m_window = new MainWindow(PageContext{m_workspace, m_secrets, m_clipboard, navigator});
    navigator->setParent(m_window);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    (new KeyWarnings(m_workspace, navigator, m_window))->start(); // the window owns it
    connect(m_window, &MainWindow::signOutRequested, m_workspace->session(), &Session::signOut);
    connect(m_window, &MainWindow::preferencesRequested, m_window, [this] {
        PreferencesDialog dialog(m_workspace->people(), m_window);
        dialog.exec();
    });
    for (Page page : m_window->navigationPages())
        if (pageSlug(page) == m_options.startPage)
            m_window->showPage(page);
    m_window->show();

    if (!m_options.screenshot.isEmpty()) {
        // Wait for the first sync, so the screenshot shows data rather than a loading state.
        auto *state = m_workspace->connectionState();
        const auto grab = [this] {
            QTimer::singleShot(300, m_window, [this] {
                const bool saved = m_window->grab().save(m_options.screenshot);
                std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "saved" : "could not save",
                             qPrintable(m_options.screenshot));
                QApplication::exit(saved ? 0 : 1);
            });
        };
        if (state->lastSyncedAt() != 0)
            grab();
        else
            connect(state, &ConnectionState::changed, m_window, [state, grab, done = false]() mutable {
                if (!done && (state->lastSyncedAt() != 0 || state->isOffline())) {
                    done = true;
                    grab();
                }
            });
    }
}

void PortalController::closeMainWindow() {
    if (m_window)
        m_window->close();
}

} // namespace knotie
