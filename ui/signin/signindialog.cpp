#include "ui/signin/signindialog.h"
#include "ui/settingskeys.h"
#include "ui/widgets/messages.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace knotie {

struct SignInDialog::Private {
    std::function<void(const SignInRequest &)> handler;
    bool waitingForHandler = false;
    bool busy = false;
    QLabel *notice = nullptr;
    QLineEdit *gateway = nullptr;
    QLineEdit *email = nullptr;
    QLineEdit *password = nullptr;
    QCheckBox *remember = nullptr;
    QLabel *error = nullptr;
    QProgressBar *progress = nullptr;
    QPushButton *signIn = nullptr;
};

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
    , d(std::make_unique<Private>()) {
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

    setTabOrder(d->gateway, d->email);
    setTabOrder(d->email, d->password);
    setTabOrder(d->password, d->remember);
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::prefill(const QString &gatewayAddress, const QString &email) {
    QSettings settings;
    setGatewayAddress(
        !gatewayAddress.isEmpty()
            ? gatewayAddress
            : settings.value(settingskeys::gateway, QStringLiteral("http://127.0.0.1:8787")).toString());
    setEmail(!email.isEmpty() ? email : settings.value(settingskeys::email).toString());
}

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

void SignInDialog::setSignInHandler(std::function<void(const SignInRequest &)> handler) {
    d->handler = std::move(handler);
    if (d->waitingForHandler && d->handler) {
        d->waitingForHandler = false;
        d->handler(request());
    }
}

void SignInDialog::signInSucceeded() {
    d->password->clear();
    setBusy(false);
    QDialog::accept();
}

bool SignInDialog::isBusy() const {
    return d->busy;
}

SignInRequest SignInDialog::request() const {
    return {d->gateway->text(), d->email->text(), d->password->text(), d->remember->isChecked()};
}

void SignInDialog::accept() {
    if (isBusy())
        return;
    if (d->gateway->text().trimmed().isEmpty())
        return signInFailed(tr("Enter the gateway address, for example https://gateway.example.com."),
                            QStringLiteral("gateway"));
    if (!d->email->text().contains(QLatin1Char('@')))
        return signInFailed(tr("Enter the email address you were invited with."), QStringLiteral("email"));
    if (d->password->text().isEmpty())
        return signInFailed(tr("Enter your password."), QStringLiteral("password"));
    d->error->hide();
    setBusy(true);
    if (d->handler)
        d->handler(request());
    else
        d->waitingForHandler = true;
}

void SignInDialog::setBusy(bool busy) {
    d->busy = busy;
    d->progress->setVisible(busy);
    for (QWidget *w : {static_cast<QWidget *>(d->gateway), static_cast<QWidget *>(d->email),
                       static_cast<QWidget *>(d->password), static_cast<QWidget *>(d->remember)})
        w->setEnabled(!busy);
    d->signIn->setEnabled(!busy);
    d->signIn->setText(busy ? tr("Signing in…") : tr("&Sign In"));
}

void SignInDialog::signInFailed(const QString &message, const QString &field) {
    setBusy(false);
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
