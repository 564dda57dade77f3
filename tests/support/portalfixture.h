#pragma once

#include "models/data/apikey.h"
#include "models/secrets/secretstore.h"
#include "models/workspace/workspace.h"
#include "tests/support/gatewayprocess.h"
#include "ui/pages/navigator.h"
#include "ui/pages/pagecontext.h"
#include "ui/shell/mainwindow.h"
#include "ui/widgets/secretclipboard.h"

#include <QNetworkAccessManager>

#include <memory>

namespace knotie::test {

// Where every portal test starts (as KeePassXC's GuiTestBase): one person signed in
// through the portal's own sign-in against a real gateway, their workspace opened, and
// on demand the main window on a page. One "ready" for every page: the first sync after
// opening ended online, so every model holds the gateway's answer (a cache read earlier
// does not count).
//
//     PortalFixture portal(m_gateway, QStringLiteral("owner@demo.test"));
//     QVERIFY(portal.ready());
//     MainWindow &window = portal.showWindow(Page::Customers);
//
// Pages built alone take portal.context(). The pages' clock is the gateway's, read once
// at sign-in: expected usage buckets come from portal.now(), never the machine's clock.
class PortalFixture {
public:
    struct Options {
        bool open = true; // false: signed in only; open() starts the first sync
        // The real system keychain (the test's Secret Service), under a test service name.
        bool keychain = false;
    };

    PortalFixture(const GatewayProcess &gateway, const QString &email);
    PortalFixture(const GatewayProcess &gateway, const QString &email, Options options);
    ~PortalFixture();
    PortalFixture(const PortalFixture &) = delete;
    PortalFixture &operator=(const PortalFixture &) = delete;

    bool signedIn() const;
    void open();
    // Signed in, and the first sync since open() ended online; with a key id, that key is
    // in the key table too. Waits up to 20 s.
    [[nodiscard]] bool ready(const QString &keyId = {});
    bool hasKey(const QString &keyId) const;

    // What the pages are built with: this person's workspace, clipboard, navigator and clock.
    PageContext context();
    // The gateway's clock when this person signed in; the pages read it as their now.
    UnixTime now() const { return m_now; }

    // The main window (made once) on `page`, shown and exposed.
    MainWindow &showWindow(Page page);
    template <typename T> T *find(const QString &objectName) const {
        return window ? window->findChild<T *>(objectName) : nullptr;
    }

    QNetworkAccessManager network;
    std::unique_ptr<SecretStore> keychain; // with Options::keychain
    Workspace workspace;
    SecretClipboard clipboard;
    Navigator navigator;
    std::unique_ptr<MainWindow> window;

private:
    UnixTime m_now = 0;
    bool m_syncing = false;
    bool m_synced = false;
};

} // namespace knotie::test
