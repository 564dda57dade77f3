#include "ui/keys/rotatekeydialog.h"

#include "ui/keys/keylistlabel.h"
#include "ui/widgets/choicegroup.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace knotie {

namespace {
using Kind = SuccessorExpiry::Kind;

// "90 days", or "never" for a key without an expiry: the lifetime a successor keeps.
QString lifetimeText(const ApiKey &key) {
    if (!key.expiresAt)
        return RotateKeyDialog::tr("never expires");
    const UnixTime seconds = key.expiresAt - key.createdAt;
    if (seconds < 86400)
        return RotateKeyDialog::tr("%n hour(s)", nullptr, int(qMax<UnixTime>(1, (seconds + 1800) / 3600)));
    return RotateKeyDialog::tr("%n day(s)", nullptr, int((seconds + 43200) / 86400));
}
} // namespace

QList<int> RotateKeyDialog::graceChoices() {
    return {0, 3600, 86400, 7 * 86400};
}

RotateKeyDialog::RotateKeyDialog(const QList<ApiKey> &keys, QWidget *parent)
    : QDialog(parent)
    , m_grace(new QButtonGroup(this)) {
    setObjectName(QStringLiteral("rotateKeyDialog"));
    const int n = int(keys.size());
    setWindowTitle(n == 1 ? tr("Rotate %1").arg(keyLabel(keys.first())) : tr("Rotate %n Keys", nullptr, n));

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

    // Made after the grace choices, so Tab reaches it after them. Item data: 0 for the old
    // key's lifetime, a number of days, or -1 for never.
    m_expiry = new QComboBox(this);
    m_expiry->setObjectName(QStringLiteral("successorExpiry"));
    m_expiry->setAccessibleName(tr("The new key expires"));
    m_expiry->addItem(
        n == 1 ? tr("Like the old key: %1").arg(lifetimeText(keys.first())) : tr("Each like its old key"), 0);
    for (int days : {30, 90, 365})
        m_expiry->addItem(days == 365 ? tr("In one year") : tr("In %n day(s)", nullptr, days), days);
    m_expiry->addItem(tr("Never"), -1);
    auto *expiryForm = new QFormLayout;
    expiryForm->addRow(tr("The new key &expires:"), m_expiry);

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
    layout->addLayout(expiryForm);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

int RotateKeyDialog::graceSeconds() const {
    return m_grace->checkedId();
}

SuccessorExpiry RotateKeyDialog::successorExpiry() const {
    const int choice = m_expiry->currentData().toInt();
    if (choice == 0)
        return {Kind::SameLifetime, 0};
    if (choice < 0)
        return {Kind::Never, 0};
    return {Kind::AfterDays, choice};
}

void RotateKeyDialog::setGraceSeconds(int seconds) {
    if (QAbstractButton *button = m_grace->button(seconds))
        button->setChecked(true);
}

} // namespace knotie
