#pragma once

#include "app/stages.h"

#include <QString>

class QObject;

namespace knotie {

class SignInDialog;

// The portal starts in stages (app/stages.h), so that its first window needs nothing but Qt
// Widgets. The first stage (app/firststage.cpp) shows the sign-in dialog, then loads the second,
// knotie-portal-main (app/portal/): the network, the cache, the keychain and every page. This is
// what the first stage hands over.

struct PortalOptions {
    QString gateway;  // prefilled address; the last one used otherwise
    QString email;    // prefilled email
    QString password; // with autoSignIn: submitted at once (demo and screenshots)
    bool autoSignIn = false;
    QString startPage;  // slug, e.g. "api-keys"
    QString screenshot; // save the main window to this file and quit
};

struct PortalStart {
    PortalOptions options;
    // On screen and prefilled, for the second stage to sign in with; null when the
    // remembered session is to be restored instead.
    SignInDialog *signIn = nullptr;
    // Another start of the portal hands over to this one (app/singleinstance.h); not for a
    // screenshot run, which is a tool rather than a second portal.
    bool answerLaterStarts = true;
};

// knotie-portal-main's one entry, called on the GUI thread: builds the portal's services and
// takes over. The object returned owns all of it; deleting it closes every window.
using StartPortalFunction = QObject *(*)(PortalStart *start);
inline constexpr char startPortalSymbol[] = "knotie_start_portal";

} // namespace knotie
