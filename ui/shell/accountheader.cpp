#include "accountheader.h"

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

AccountHeader::AccountHeader(const SignedInSession &session, QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("accountHeader"));
    setAttribute(Qt::WA_StyledBackground);

    auto *partner = new QLabel(session.account.partnerName, this);
    partner->setObjectName(QStringLiteral("partnerName"));
    QFont big = partner->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    partner->setFont(big);

    auto *gateway = new QLabel(tr("Gateway: %1").arg(session.gateway.toDisplayString()), this);
    gateway->setObjectName(QStringLiteral("gatewayLabel"));

    auto *person =
        new QLabel(tr("%1 · %2").arg(session.account.user.name, roleDisplayName(session.account.role)), this);
    person->setObjectName(QStringLiteral("personLabel"));
    person->setToolTip(session.account.user.email);

    auto *signOut = new QPushButton(tr("Sign &Out"), this);
    signOut->setObjectName(QStringLiteral("signOutButton"));
    signOut->setAccessibleName(tr("Sign out"));
    connect(signOut, &QPushButton::clicked, this, &AccountHeader::signOutRequested);

    auto *left = new QVBoxLayout;
    left->setSpacing(0);
    left->addWidget(partner);
    left->addWidget(gateway);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 10, 16, 10);
    layout->addLayout(left);
    layout->addStretch();
    layout->addWidget(person);
    layout->addSpacing(12);
    layout->addWidget(signOut);
}

} // namespace knotie
