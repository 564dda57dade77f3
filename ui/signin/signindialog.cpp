#include "ui/signin/signindialog.h"
#include "ui/widgets/messages.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace knotie {

struct SignInDialog::Private {
    SignInFlow *flow = nullptr;
    QLabel *notice = nullptr;
    QLineEdit *gateway = nullptr;
    QLineEdit *email = nullptr;
    QLineEdit *password = nullptr;
    QCheckBox *remember = nullptr;
    QLabel *error = nullptr;
    QProgressBar *progress = nullptr;
    QPushButton *signIn = nullptr;
    SignedInSession session;
};

SignInDialog::SignInDialog(SignInFlow *flow, QWidget *parent)
    : QDialog(parent)
    , d(std::make_unique<Private>()) {
    d->flow = flow;
    setWindowTitle(tr("Sign In"));
    setObjectName(QStringLiteral("signInDialog"));

    auto *title = new QLabel(tr("Sign in to your partner account"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    d->notice = new QLabel(this);
    d->notice->setObjectName(QStringLiteral("signInNotice"));
    d->notice->setWordWrap(true);
    d->notice->hide();

    d->gateway = new QLineEdit(this);
    d->gateway->setObjectName(QStringLiteral("gatewayAddress"));
    d->gateway->setPlaceholderText(tr("https://gateway.example.com"));
    d->gateway->setAccessibleName(tr("Gateway address"));
    d->email = new QLineEdit(this);
    d->email->setObjectName(QStringLiteral("email"));
    d->email->setPlaceholderText(tr("you@agency.com"));
    d->email->setAccessibleName(tr("Email"));
    d->password = new QLineEdit(this);
    d->password->setObjectName(QStringLiteral("password"));
    d->password->setEchoMode(QLineEdit::Password);
    d->password->setAccessibleName(tr("Password"));
    d->remember = new QCheckBox(tr("&Keep me signed in on this computer"), this);
    d->remember->setObjectName(QStringLiteral("remember"));
    d->remember->setToolTip(tr("Keeps your session in the system keychain for 30 days."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Gateway:"), d->gateway);
    form->addRow(tr("&Email:"), d->email);
    form->addRow(tr("&Password:"), d->password);
    form->addRow(QString(), d->remember);

    d->error = makeErrorLabel(QStringLiteral("signInError"), this);
    d->error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    d->progress = new QProgressBar(this);
    d->progress->setRange(0, 0);
    d->progress->setTextVisible(false);
    d->progress->setMaximumHeight(4);
    d->progress->setAccessibleName(tr("Signing in"));
    d->progress->hide();

    // Buttons of the dialog's own, not the standard Ok and Cancel: a standard button brings
    // the platform's icon for it, and reading the icon theme for two icons that say nothing
    // here took a sixth of the time to the portal's first window (bench/run cold_start).
    auto *buttons = new QDialogButtonBox(this);
    d->signIn = buttons->addButton(tr("&Sign In"), QDialogButtonBox::AcceptRole);
    d->signIn->setObjectName(QStringLiteral("signInButton"));
    d->signIn->setDefault(true);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(d->notice);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(d->error);
    layout->addWidget(d->progress);
    layout->addWidget(buttons);
    setMinimumWidth(440);

    connect(flow, &SignInFlow::succeeded, this, [this](const SignedInSession &session) {
        d->session = session;
        d->password->clear();
        setBusy(false);
        QDialog::accept();
    });
    connect(flow, &SignInFlow::failed, this, [this](const QString &message, const QString &field) {
        setBusy(false);
        showError(message, field);
    });

    setTabOrder(d->gateway, d->email);
    setTabOrder(d->email, d->password);
    setTabOrder(d->password, d->remember);
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::setGatewayAddress(const QString &address) {
    d->gateway->setText(address);
}

void SignInDialog::setEmail(const QString &email) {
    d->email->setText(email);
    if (!email.isEmpty())
        d->password->setFocus();
}

void SignInDialog::setPassword(const QString &password) {
    d->password->setText(password);
}

void SignInDialog::setNotice(const QString &notice) {
    d->notice->setText(notice);
    d->notice->setVisible(!notice.isEmpty());
}

SignedInSession SignInDialog::session() const {
    return d->session;
}

void SignInDialog::accept() {
    if (d->flow->isBusy())
        return;
    if (d->gateway->text().trimmed().isEmpty())
        return showError(tr("Enter the gateway address, for example https://gateway.example.com."),
                         QStringLiteral("gateway"));
    if (!d->email->text().contains(QLatin1Char('@')))
        return showError(tr("Enter the email address you were invited with."), QStringLiteral("email"));
    if (d->password->text().isEmpty())
        return showError(tr("Enter your password."), QStringLiteral("password"));
    d->error->hide();
    setBusy(true);
    d->flow->signIn(d->gateway->text(), d->email->text(), d->password->text(), d->remember->isChecked());
}

void SignInDialog::reject() {
    d->flow->cancel();
    QDialog::reject();
}

void SignInDialog::setBusy(bool busy) {
    d->progress->setVisible(busy);
    for (QWidget *w : {static_cast<QWidget *>(d->gateway), static_cast<QWidget *>(d->email),
                       static_cast<QWidget *>(d->password), static_cast<QWidget *>(d->remember)})
        w->setEnabled(!busy);
    d->signIn->setEnabled(!busy);
    d->signIn->setText(busy ? tr("Signing in…") : tr("&Sign In"));
}

void SignInDialog::showError(const QString &message, const QString &field) {
    d->error->setText(message);
    d->error->show();
    // "You have signed out." beside "Too many attempts…" reads as if one caused the other.
    d->notice->hide();
    QLineEdit *target = field == QLatin1String("gateway") ? d->gateway
                        : field == QLatin1String("email") ? d->email
                                                          : d->password;
    target->setFocus();
    target->selectAll();
}

} // namespace knotie
