#include "ui/keys/keylimitsdialog.h"

#include "ui/keys/keylimitsfields.h"
#include "ui/widgets/messages.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace knotie {

KeyLimitsDialog::KeyLimitsDialog(const ApiKey &key, QWidget *parent)
    : QDialog(parent)
    , m_fields(new KeyLimitsFields(this))
    , m_generalError(makeErrorLabel(QStringLiteral("generalError"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("keyLimitsDialog"));
    setWindowTitle(tr("Limits of “%1”").arg(key.name));
    m_fields->setCurrent(key.expiresAt, key.rateLimit);

    auto *explanation =
        new QLabel(tr("The new expiry and rate limit hold from the key's very next request. Callers see "
                      "an expiry within 30 days in the Sunset header of every answer."),
                   this);
    explanation->setWordWrap(true);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *expiryLabel = new QLabel(tr("E&xpires:"), this);
    expiryLabel->setBuddy(m_fields->expiryBuddy());
    form->addRow(expiryLabel, m_fields->expiryRow());
    form->addRow(tr("Rate limit:"), m_fields->rateLimitRow());

    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &KeyLimitsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_generalError);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
}

KeyLimits KeyLimitsDialog::limits() const {
    const auto at = m_fields->expiresAt();
    return KeyLimits{m_fields->rateLimit(), at ? at->toSecsSinceEpoch() : 0};
}

void KeyLimitsDialog::accept() {
    if (m_busy)
        return;
    m_generalError->hide();
    if (!m_fields->check())
        return;
    setBusy(true);
    Q_EMIT changeRequested(limits());
}

void KeyLimitsDialog::showServerError(const QString &field, const QString &message) {
    setBusy(false);
    if (m_fields->showServerError(field, message))
        return;
    m_generalError->setText(message);
    m_generalError->show();
}

void KeyLimitsDialog::finish() {
    setBusy(false);
    QDialog::accept();
}

void KeyLimitsDialog::setBusy(bool busy) {
    m_busy = busy;
    QPushButton *save = m_buttons->button(QDialogButtonBox::Save);
    save->setEnabled(!busy);
    save->setText(busy ? tr("Saving…") : tr("&Save"));
}

} // namespace knotie
