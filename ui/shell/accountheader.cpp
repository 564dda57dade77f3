#include "ui/shell/accountheader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace knotie {

QString roleDisplayName(Role role) {
    switch (role) {
    case Role::Owner:
        return AccountHeader::tr("Owner");
    case Role::Admin:
        return AccountHeader::tr("Admin");
    case Role::Member:
        return AccountHeader::tr("Team member");
    }
    return {};
}

AccountHeader::AccountHeader(const Account &account, const QUrl &gateway, QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("accountHeader"));
    setAttribute(Qt::WA_StyledBackground);

    m_partner = new QLabel(this);
    m_partner->setObjectName(QStringLiteral("partnerName"));
    QFont big = m_partner->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_partner->setFont(big);

    auto *gatewayLabel = new QLabel(tr("Gateway: %1").arg(gateway.toDisplayString()), this);
    gatewayLabel->setObjectName(QStringLiteral("gatewayLabel"));

    m_person = new QLabel(this);
    m_person->setObjectName(QStringLiteral("personLabel"));

    auto *signOut = new QPushButton(tr("Sign &Out"), this);
    signOut->setObjectName(QStringLiteral("signOutButton"));
    signOut->setAccessibleName(tr("Sign out"));
    // Focus reaches it only when the person tabs there: a window that opens with focus on it
    // would sign out on the first space typed.
    signOut->setFocusPolicy(Qt::TabFocus);
    signOut->setAutoDefault(false);
    signOut->setDefault(false);
    connect(signOut, &QPushButton::clicked, this, &AccountHeader::signOutRequested);

    auto *left = new QVBoxLayout;
    left->setSpacing(0);
    left->addWidget(m_partner);
    left->addWidget(gatewayLabel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 10, 16, 10);
    layout->addLayout(left);
    layout->addStretch();
    layout->addWidget(m_person);
    layout->addSpacing(12);
    layout->addWidget(signOut);
    setAccount(account);
}

void AccountHeader::setAccount(const Account &account) {
    m_partner->setText(account.partnerName);
    m_person->setText(tr("%1 · %2").arg(account.user.name, roleDisplayName(account.role)));
    m_person->setToolTip(account.user.email);
}

} // namespace knotie
