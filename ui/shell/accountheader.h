#pragma once

#include "models/session/account.h"

#include <QUrl>

#include <QWidget>

class QLabel;

namespace knotie {

// The band across the top of the main window: the partner account, who is signed in
// with which role, the gateway, and sign-out.
class AccountHeader : public QWidget {
    Q_OBJECT
public:
    AccountHeader(const Account &account, const QUrl &gateway, QWidget *parent = nullptr);

    void setAccount(const Account &account);

Q_SIGNALS:
    void signOutRequested();

private:
    QLabel *m_partner = nullptr;
    QLabel *m_person = nullptr;
};

QString roleDisplayName(Role role);

} // namespace knotie
