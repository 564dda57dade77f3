#include "tests/support/portalfixture.h"

#include "models/items/keytablemodel.h"
#include "models/session/session.h"
#include "models/session/signinflow.h"
#include "models/sync/connectionstate.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

namespace knotie::test {

namespace {
constexpr int readyTimeoutMs = 20000;
} // namespace

PortalFixture::PortalFixture(const GatewayProcess &gateway, const QString &email)
    : PortalFixture(gateway, email, Options{}) {}

PortalFixture::PortalFixture(const GatewayProcess &gateway, const QString &email, Options options)
    : keychain(options.keychain ? std::make_unique<SecretStore>(QStringLiteral("knotie-portal-test"))
                                : nullptr)
    , workspace(&network, keychain.get()) {
    m_now = gateway.now();
    SignInFlow flow(&network);
    std::optional<SignedInSession> session;
    QObject::connect(&flow, &SignInFlow::succeeded, &flow,
                     [&session](const SignedInSession &s) { session = s; });
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.signIn(gateway.baseUrl().toString(), email, QStringLiteral("knotie-demo"), false);
    if (!QTest::qWaitFor([&] { return session || !failed.isEmpty(); }, readyTimeoutMs) || !session) {
        qWarning("%s could not sign in", qPrintable(email));
        return;
    }
    workspace.session()->begin(*session);
    // Syncing, then online: the first sync ended. (Online alone may be the cache's word.)
    const ConnectionState *state = workspace.connectionState();
    QObject::connect(state, &ConnectionState::changed, &workspace, [this, state] {
        m_syncing = m_syncing || state->mode() == ConnectionState::Mode::Syncing;
        m_synced = m_synced || (m_syncing && state->mode() == ConnectionState::Mode::Online);
    });
    if (options.open)
        open();
}

PortalFixture::~PortalFixture() {
    window.reset();
    workspace.close();
}

bool PortalFixture::signedIn() const {
    return workspace.session()->isSignedIn();
}

void PortalFixture::open() {
    if (signedIn())
        workspace.open();
}

bool PortalFixture::ready(const QString &keyId) {
    return signedIn() &&
           QTest::qWaitFor([&] { return m_synced && (keyId.isEmpty() || hasKey(keyId)); }, readyTimeoutMs);
}

bool PortalFixture::hasKey(const QString &keyId) const {
    return workspace.keyModel()->rowOf(keyId) >= 0;
}

PageContext PortalFixture::context() {
    PageContext context{&workspace, keychain.get(), &clipboard, &navigator};
    if (m_now)
        context.clock = [now = m_now] {
            return now;
        };
    return context;
}

MainWindow &PortalFixture::showWindow(Page page) {
    if (!window)
        window = std::make_unique<MainWindow>(context());
    window->showPage(page);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("the main window was not exposed");
    return *window;
}

} // namespace knotie::test
