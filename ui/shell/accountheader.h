#pragma once

#include "session/signinflow.h"

#include <QWidget>

namespace knotie {

// The band across the top of the main window: the partner account, who is signed in
// with which role, the gateway, and sign-out.
class AccountHeader : public QWidget {
    Q_OBJECT
public:
    AccountHeader(const SignedInSession &session, QWidget *parent = nullptr);

Q_SIGNALS:
    void signOutRequested();
};

QString roleDisplayName(Role role);

} // namespace knotie
