#include "portalcontroller.h"

#include "network/gatewayaddress.h"
#include "network/sessionjobs.h"
#include "preferences/preferencesdialog.h"
#include "secrets/secretstore.h"
#include "shell/mainwindow.h"
#include "signin/signindialog.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>

namespace knotie {

namespace {
const QString gatewayKey = QStringLiteral("session/gateway");
const QString emailKey = QStringLiteral("session/email");
const QString rememberKey = QStringLiteral("session/remember");
const QString defaultGateway = QStringLiteral("http://127.0.0.1:8787");
} // namespace

PortalController::PortalController(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_network(new QNetworkAccessManager(this))
    , m_secrets(new SecretStore(QStringLiteral("knotie-portal"), this))
    , m_signIn(new SignInFlow(m_network, this)) {}

PortalController::~PortalController() {
    delete m_window;
    delete m_dialog;
}

QString PortalController::tokenKey(const QUrl &gateway, const QString &email) const {
    return SecretStore::scopedKey(gateway, email, QStringLiteral("session-token"));
}

void PortalController::start() {
    QSettings settings;
    const bool remembered = settings.value(rememberKey).toBool() && !m_options.autoSignIn;
    const QUrl gateway = normalizeGatewayAddress(settings.value(gatewayKey).toString());
    const QString email = settings.value(emailKey).toString();
    if (!remembered || !gateway.isValid() || email.isEmpty())
        return showSignIn(QString());

    // A remembered session: read the token from the keychain and check it is still good.
    m_secrets->read(tokenKey(gateway, email), this, [this, gateway](const SecretStore::Result &r) {
        if (!r.ok || r.value.isEmpty())
            return showSignIn(r.ok ? QString() : r.error);
        auto *me = new MeJob(GatewayConnection{m_network, gateway, r.value, false}, this);
        connect(me, &GatewayJob::finished, this,
                [this, me, gateway, token = r.value](const GatewayResult &result) {
                    me->deleteLater();
                    if (!result.ok())
                        return showSignIn(result.message);
                    openMainWindow(SignedInSession{gateway, token, me->account(), true});
                });
        me->start();
    });
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
    QSettings settings;
    m_dialog = new SignInDialog(m_signIn);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setGatewayAddress(!m_options.gateway.isEmpty()
                                    ? m_options.gateway
                                    : settings.value(gatewayKey, defaultGateway).toString());
    m_dialog->setEmail(!m_options.email.isEmpty() ? m_options.email : settings.value(emailKey).toString());
    m_dialog->setNotice(notice);
    connect(m_dialog, &QDialog::accepted, this, [this] {
        const SignedInSession session = m_dialog->session();
        QSettings s;
        s.setValue(gatewayKey, session.gateway.toString());
        s.setValue(emailKey, session.account.user.email);
        s.setValue(rememberKey, session.remember);
        if (session.remember) {
            m_secrets->write(tokenKey(session.gateway, session.account.user.email), session.token, this,
                             [this](const SecretStore::Result &r) {
                                 if (!r.ok && m_window)
                                     m_window->statusBar()->showMessage(
                                         tr("%1 You will be asked to sign in next time.").arg(r.error));
                             });
        }
        openMainWindow(session);
    });
    connect(m_dialog, &QDialog::rejected, this, [this] {
        if (!m_window)
            QApplication::quit();
    });
    m_dialog->show();
    if (m_options.autoSignIn) {
        m_options.autoSignIn = false;
        m_dialog->setPassword(m_options.password);
        m_options.password.clear();
        m_dialog->accept();
    }
}

void PortalController::openMainWindow(const SignedInSession &session) {
    m_session = session;
    m_window = new MainWindow(session);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_window, &MainWindow::signOutRequested, this, &PortalController::signOut);
    connect(m_window, &MainWindow::preferencesRequested, m_window, [this] {
        PreferencesDialog dialog(m_window);
        dialog.exec();
    });
    for (Page page : m_window->navigationPages())
        if (MainWindow::pageSlug(page) == m_options.startPage)
            m_window->showPage(page);
    m_window->show();

    if (!m_options.screenshot.isEmpty()) {
        // Let the window lay itself out and paint once before grabbing it.
        QTimer::singleShot(200, m_window, [this] {
            const bool saved = m_window->grab().save(m_options.screenshot);
            std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "saved" : "could not save",
                         qPrintable(m_options.screenshot));
            QApplication::exit(saved ? 0 : 1);
        });
    }
}

void PortalController::signOut() {
    // End the session on the gateway too; the window goes away at once either way.
    auto *job = new SignOutJob(GatewayConnection{m_network, m_session.gateway, m_session.token, false}, this);
    connect(job, &GatewayJob::finished, job, &QObject::deleteLater);
    job->start();
    m_secrets->remove(tokenKey(m_session.gateway, m_session.account.user.email), this,
                      [](const SecretStore::Result &) {});
    QSettings().setValue(rememberKey, false);
    m_session = {};
    if (m_window) {
        m_window->close();
    }
    showSignIn(tr("You have signed out."));
}

} // namespace knotie
