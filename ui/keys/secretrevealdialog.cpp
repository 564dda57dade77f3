#include "ui/keys/secretrevealdialog.h"

#include "models/secrets/secretstore.h"
#include "ui/widgets/messages.h"
#include "ui/widgets/secretclipboard.h"

#include <QCheckBox>

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>
#include <algorithm>

namespace knotie {

namespace {
bool askToDiscard(QWidget *parent) {
    return QMessageBox::warning(
               parent, SecretRevealDialog::tr("Close without copying?"),
               SecretRevealDialog::tr("You have not copied this key. It cannot be shown again: "
                                      "if you close now, you will have to rotate it to get a "
                                      "new secret."),
               QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Discard;
}
ConfirmDiscardFunction confirmDiscard = askToDiscard;
} // namespace

void setConfirmDiscardFunction(ConfirmDiscardFunction function) {
    confirmDiscard = function ? function : askToDiscard;
}

struct SecretRevealDialog::Private {
    QByteArray secret;
    QLineEdit *secretField = nullptr;
    QPlainTextEdit *example = nullptr;
    QLabel *copyStatus = nullptr;
    QCheckBox *keychain = nullptr;
    QLabel *keychainStatus = nullptr;
    QDialogButtonBox *buttons = nullptr;
    SecretClipboard *clipboard = nullptr;
    SecretRevealDialog::SaveFunction save; // empty: no keychain to offer
    bool copied = false;
    bool saving = false;
    bool saved = false;
};

SecretRevealDialog::SecretRevealDialog(const QString &keyName, QByteArray secret, const QUrl &gateway,
                                       SecretClipboard *clipboard, QWidget *parent)
    : QDialog(parent)
    , d(std::make_unique<Private>()) {
    d->secret = std::move(secret);
    d->clipboard = clipboard;
    setObjectName(QStringLiteral("secretRevealDialog"));
    setWindowTitle(tr("Your new API key"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    auto *title = new QLabel(tr("%1 is ready").arg(keyName.toHtmlEscaped()), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *warning = makeNotice(this);
    warning->setText(tr("<b>Copy this key now. It will not be shown again.</b> Treat it like a password: "
                        "keep it in a password manager or secrets vault, and never paste it into "
                        "client-side code."));
    warning->setObjectName(QStringLiteral("onceWarning"));

    d->secretField = new QLineEdit(QString::fromLatin1(d->secret), this);
    d->secretField->setObjectName(QStringLiteral("secret"));
    d->secretField->setAccessibleName(tr("API key secret"));
    d->secretField->setReadOnly(true);
    d->secretField->setFont(mono);
    d->secretField->setMinimumWidth(d->secretField->fontMetrics().horizontalAdvance(d->secretField->text()) +
                                    24);
    auto *copyButton = new QPushButton(tr("&Copy Key"), this);
    copyButton->setObjectName(QStringLiteral("copyButton"));
    copyButton->setDefault(true);
    connect(copyButton, &QPushButton::clicked, this, [this] { copy(QString::fromLatin1(d->secret)); });
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(d->secretField, 1);
    secretRow->addWidget(copyButton);

    d->copyStatus = new QLabel(this);
    d->copyStatus->setObjectName(QStringLiteral("copyStatus"));
    // The clipboard is shared by every secret dialog: this one speaks only of its own copy,
    // and goes quiet when another dialog's copy replaces it.
    connect(d->clipboard, &SecretClipboard::countdown, this, [this](int seconds) {
        d->copyStatus->setText(d->clipboard->owner() == this
                                   ? tr("Copied. The clipboard is cleared in %n second(s).", nullptr, seconds)
                                   : QString());
    });
    connect(d->clipboard, &SecretClipboard::cleared, this, [this](bool wasOurs) {
        if (d->clipboard->owner() == this)
            d->copyStatus->setText(wasOurs ? tr("The clipboard was cleared.") : QString());
    });

    auto *exampleLabel = new QLabel(tr("Try it: send the key in the <code>X-API-Key</code> header."), this);
    d->example = new QPlainTextEdit(this);
    d->example->setObjectName(QStringLiteral("example"));
    d->example->setAccessibleName(tr("Example request"));
    d->example->setReadOnly(true);
    d->example->setFont(mono);
    const QString base = gateway.toString(QUrl::StripTrailingSlash);
    d->example->setPlainText(QStringLiteral("curl -H \"X-API-Key: %1\" \\\n     %2/api/v1/whoami")
                                 .arg(QString::fromLatin1(d->secret), base));
    d->example->setLineWrapMode(QPlainTextEdit::NoWrap);
    // Sized below to show the whole command: scroll bars would only hide part of it.
    d->example->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    d->example->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    d->example->setFixedHeight(d->example->fontMetrics().lineSpacing() * 3 + 16);
    auto *copyExample = new QPushButton(tr("Copy &Example"), this);
    copyExample->setObjectName(QStringLiteral("copyExampleButton"));
    connect(copyExample, &QPushButton::clicked, this, [this] { copy(d->example->toPlainText()); });

    d->keychain = new QCheckBox(tr("&Save to the system keychain"), this);
    d->keychain->setObjectName(QStringLiteral("saveToKeychain"));
    d->keychain->setToolTip(
        tr("Keeps a copy in your operating system's keychain, where only you can read it."));
    d->keychain->hide(); // until there is a keychain to offer
    d->keychainStatus = new QLabel(this);
    d->keychainStatus->setObjectName(QStringLiteral("keychainStatus"));
    d->keychainStatus->setWordWrap(true);
    d->keychainStatus->hide();

    d->buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    d->buttons->button(QDialogButtonBox::Close)->setText(tr("&Done"));
    connect(d->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(warning);
    layout->addSpacing(6);
    layout->addLayout(secretRow);
    layout->addWidget(d->copyStatus);
    layout->addSpacing(6);
    layout->addWidget(exampleLabel);
    layout->addWidget(d->example);
    layout->addWidget(copyExample, 0, Qt::AlignLeft);
    layout->addWidget(d->keychain);
    layout->addWidget(d->keychainStatus);
    layout->addWidget(d->buttons);
    // The example's first line, the widest, shows whole: no scroll bar over a command to copy.
    const QString firstLine = d->example->toPlainText().section(QLatin1Char('\n'), 0, 0);
    const int exampleWidth = d->example->fontMetrics().horizontalAdvance(firstLine) +
                             2 * (d->example->frameWidth() + int(d->example->document()->documentMargin())) +
                             8;
    setMinimumWidth(std::max(
        {640, d->secretField->minimumWidth() + copyButton->sizeHint().width() + 40, exampleWidth + 48}));
}

SecretRevealDialog::~SecretRevealDialog() {
    wipe();
}

bool SecretRevealDialog::wasCopied() const {
    return d->copied;
}

bool SecretRevealDialog::holdsSecret() const {
    return !d->secret.isEmpty();
}

void SecretRevealDialog::copy(const QString &text) {
    d->clipboard->copy(text, clipboardSeconds, this);
    d->copied = true;
}

void SecretRevealDialog::offerKeychain(SecretStore *store, const QString &entry) {
    if (!store)
        return offerKeychain(SaveFunction{});
    offerKeychain([store, entry](const QByteArray &secret, QObject *context, SecretStore::Callback done) {
        store->write(entry, secret, context, std::move(done));
    });
}

void SecretRevealDialog::offerKeychain(SaveFunction save) {
    d->keychain->setVisible(bool(save));
    d->save = std::move(save);
}

void SecretRevealDialog::done(int result) {
    if (d->saving)
        return; // closes when the keychain has answered
    // Saving to the keychain counts as keeping the key, like copying it.
    const bool save = d->save && d->keychain->isChecked() && !d->saved;
    if (!d->copied && !save && !d->saved && !confirmDiscard(this))
        return;
    if (save) {
        saveThenClose(result);
        return;
    }
    wipe();
    QDialog::done(result);
}

void SecretRevealDialog::saveThenClose(int result) {
    d->saving = true;
    d->keychain->setEnabled(false);
    d->buttons->setEnabled(false);
    showStatus(d->keychainStatus, tr("Saving to the system keychain…"), false);
    // The store copies the secret before this returns; the dialog still holds its own.
    d->save(d->secret, this, [this, result](const SecretStore::Result &r) {
        d->saving = false;
        d->keychain->setEnabled(true);
        d->buttons->setEnabled(true);
        if (r.ok) {
            d->saved = true;
            done(result);
            return;
        }
        d->keychain->setChecked(false);
        showStatus(
            d->keychainStatus,
            tr("The key was not saved: %1 Copy it now instead; it will not be shown again.").arg(r.error),
            true);
    });
}

void SecretRevealDialog::wipe() {
    d->secret.fill('\0');
    d->secret.clear();
    d->secretField->clear();
    d->example->clear();
}

} // namespace knotie
