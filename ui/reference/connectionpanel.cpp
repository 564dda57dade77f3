#include "ui/reference/connectionpanel.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace knotie {

ConnectionPanel::ConnectionPanel(QNetworkAccessManager *network, const QUrl &gateway, QWidget *parent)
    : QWidget(parent)
    , m_check(new ConnectionCheck(network, this))
    , m_address(new QLineEdit(gateway.toDisplayString(), this))
    , m_run(new QPushButton(tr("&Check Connection"), this))
    , m_result(new QLabel(this))
    , m_proxy(new QLabel(this))
    , m_suggestion(new QLabel(this)) {
    auto *intro = new QLabel(tr("Your scripts and tools call the gateway at this base URL. Check an address "
                                "here to see whether it reaches a Knotie gateway. To sign in to another "
                                "gateway, sign out and enter its address."),
                             this);
    intro->setWordWrap(true);
    m_address->setObjectName(QStringLiteral("gatewayAddress"));
    m_address->setAccessibleName(tr("Gateway address"));
    m_run->setObjectName(QStringLiteral("checkConnection"));
    m_run->setAccessibleName(tr("Check connection"));
    m_result->setObjectName(QStringLiteral("connectionResult"));
    m_proxy->setObjectName(QStringLiteral("connectionProxy"));
    m_suggestion->setObjectName(QStringLiteral("connectionSuggestion"));
    m_suggestion->setTextFormat(Qt::RichText);
    m_suggestion->hide();
    connect(m_suggestion, &QLabel::linkActivated, this, [this](const QString &address) {
        m_address->setText(address);
        check();
    });
    for (QLabel *label : {m_result, m_proxy}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    auto *row = new QHBoxLayout;
    auto *addressLabel = new QLabel(tr("Gateway &address:"), this);
    addressLabel->setBuddy(m_address);
    row->addWidget(addressLabel);
    row->addWidget(m_address, 1);
    row->addWidget(m_run);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row);
    layout->addWidget(m_result);
    layout->addWidget(m_suggestion);
    layout->addWidget(m_proxy);
    layout->addStretch(1);
    connect(m_run, &QPushButton::clicked, this, &ConnectionPanel::check);
    connect(m_address, &QLineEdit::returnPressed, this, &ConnectionPanel::check);
    connect(m_check, &ConnectionCheck::finished, this, &ConnectionPanel::showResult);
}

void ConnectionPanel::check() {
    m_result->setText(tr("Checking %1…").arg(m_address->text().trimmed()));
    m_proxy->clear();
    m_suggestion->hide();
    m_run->setEnabled(false);
    m_check->check(m_address->text());
}

void ConnectionPanel::showResult(const ConnectionCheck::Result &result) {
    m_run->setEnabled(true);
    m_result->setText(result.message);
    if (result.suggestion.isValid()) {
        const QString address = result.suggestion.toDisplayString();
        m_suggestion->setText(
            QStringLiteral("<a href=\"%1\">%2</a>")
                .arg(address.toHtmlEscaped(), tr("Use %1 and check again").arg(address).toHtmlEscaped()));
        m_suggestion->show();
    }
    if (result.url.isValid()) {
        m_proxy->setText(result.proxy.type() == QNetworkProxy::NoProxy || result.proxy.hostName().isEmpty()
                             ? tr("Proxy: none; the system settings connect directly to this address.")
                             : tr("Proxy: %1:%2, from the system settings.")
                                   .arg(result.proxy.hostName())
                                   .arg(result.proxy.port()));
    }
    Q_EMIT checked(result);
}

} // namespace knotie
