#include "ui/keys/rotatekeydialog.h"

#include "ui/keys/keylistlabel.h"
#include "ui/widgets/choicegroup.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace knotie {

QList<int> RotateKeyDialog::graceChoices() {
    return {0, 3600, 86400, 7 * 86400};
}

RotateKeyDialog::RotateKeyDialog(const QList<ApiKey> &keys, QWidget *parent)
    : QDialog(parent)
    , m_grace(new QButtonGroup(this)) {
    setObjectName(QStringLiteral("rotateKeyDialog"));
    const int n = int(keys.size());
    setWindowTitle(n == 1 ? tr("Rotate “%1”").arg(keys.first().name) : tr("Rotate %n Keys", nullptr, n));

    auto *intro =
        new QLabel(tr("Rotating issues a new secret, shown once, and retires the old one. Choose how "
                      "long the old key keeps working while you put the new one in place."),
                   this);
    intro->setWordWrap(true);

    auto *box = new QGroupBox(tr("The old key stops working"), this);
    box->setObjectName(QStringLiteral("graceChoices"));
    auto *boxLayout = new QVBoxLayout(box);
    const QStringList labels{tr("&Immediately"), tr("In &1 hour"), tr("In &24 hours"), tr("In &7 days")};
    const QList<int> choices = graceChoices();
    for (int i = 0; i < choices.size(); ++i) {
        auto *button = new QRadioButton(labels[i], box);
        button->setObjectName(QStringLiteral("grace_%1").arg(choices[i]));
        m_grace->addButton(button, choices[i]);
        boxLayout->addWidget(button);
    }
    setGraceSeconds(86400);
    tabToCheckedChoice(m_grace);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)
        ->setText(n == 1 ? tr("&Rotate Key") : tr("&Rotate %n Keys", nullptr, n));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    if (n > 1)
        layout->addWidget(keyListLabel(keys, this));
    layout->addWidget(box);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

int RotateKeyDialog::graceSeconds() const {
    return m_grace->checkedId();
}

void RotateKeyDialog::setGraceSeconds(int seconds) {
    if (QAbstractButton *button = m_grace->button(seconds))
        button->setChecked(true);
}

} // namespace knotie
