#pragma once

#include "models/session/session.h"
#include "models/session/signinflow.h"
#include "models/workspace/workspace.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrl>

#include <optional>

namespace knotie::test {

// Signs a demo person into `workspace` through the portal's own sign-in (no dialog) and
// opens it, so its models fill from a first sync. False when the sign-in failed.
inline bool signInAndOpen(Workspace &workspace, QNetworkAccessManager *network, const QUrl &gateway,
                          const QString &email) {
    SignInFlow flow(network);
    std::optional<SignedInSession> signedIn;
    QObject::connect(&flow, &SignInFlow::succeeded, &flow,
                     [&signedIn](const SignedInSession &session) { signedIn = session; });
    QSignalSpy failed(&flow, &SignInFlow::failed);
    flow.signIn(gateway.toString(), email, QStringLiteral("knotie-demo"), false);
    if (!QTest::qWaitFor([&] { return signedIn || !failed.isEmpty(); }, 20000) || !signedIn)
        return false;
    workspace.session()->begin(*signedIn);
    if (!workspace.session()->isSignedIn())
        return false;
    workspace.open();
    return true;
}

} // namespace knotie::test
