#include "ui/keys/revokekeydialog.h"

#include "ui/keys/keylistlabel.h"
#include "ui/style/palette.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace knotie {

RevokeKeyDialog::RevokeKeyDialog(const QList<ApiKey> &keys, QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("revokeKeyDialog"));
    const int n = int(keys.size());
    setWindowTitle(n == 1 ? tr("Revoke %1?").arg(keyLabel(keys.first())) : tr("Revoke %n Keys?", nullptr, n));
    const QString consequence =
        n == 1
            ? tr("%1 stops working at once: every request that uses it is refused from now on. This "
                 "cannot be undone.")
                  .arg(keyLabel(keys.first()).toHtmlEscaped())
            : tr("These %n keys stop working at once: every request that uses them is refused from now on. "
                 "This cannot be undone.",
                 nullptr, n);
    auto *text = new QLabel(consequence, this);
    text->setObjectName(QStringLiteral("revokeMessage"));
    text->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *revoke = buttons->button(QDialogButtonBox::Ok);
    revoke->setText(n == 1 ? tr("&Revoke Key") : tr("&Revoke %n Keys", nullptr, n));
    revoke->setStyleSheet(colorStyle(ColorRole::ErrorText) + QStringLiteral(" font-weight: bold;"));
    // A destructive answer is never the one Enter picks.
    revoke->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    if (n > 1)
        layout->addWidget(keyListLabel(keys, this));
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

} // namespace knotie
