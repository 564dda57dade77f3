#include "ui/preferences/passwordpanel.h"

#include "models/domain/passwordrules.h"
#include "models/session/peopleservice.h"
#include "ui/widgets/messageline.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace knotie {

namespace {
QLineEdit *passwordField(const QString &name, QWidget *parent) {
    auto *field = new QLineEdit(parent);
    field->setObjectName(name);
    field->setEchoMode(QLineEdit::Password);
    field->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    return field;
}
} // namespace

PasswordPanel::PasswordPanel(PeopleService *people, QWidget *parent)
    : QWidget(parent)
    , m_people(people)
    , m_current(passwordField(QStringLiteral("currentPassword"), this))
    , m_new(passwordField(QStringLiteral("newPassword"), this))
    , m_confirm(passwordField(QStringLiteral("confirmPassword"), this))
    , m_change(new QPushButton(tr("C&hange Password"), this))
    , m_message(new MessageLine(QStringLiteral("passwordMessage"), this)) {
    setObjectName(QStringLiteral("passwordPanel"));
    m_current->setAccessibleName(tr("Current password"));
    m_new->setAccessibleName(tr("New password"));
    m_confirm->setAccessibleName(tr("New password again"));
    m_new->setPlaceholderText(tr("At least %n character(s)", nullptr, minimumPasswordLength));
    m_change->setObjectName(QStringLiteral("changePasswordButton"));
    connect(m_change, &QPushButton::clicked, this, &PasswordPanel::change);
    for (QLineEdit *field : {m_current, m_new, m_confirm})
        connect(field, &QLineEdit::returnPressed, this, &PasswordPanel::change);

    auto *note = new QLabel(tr("When it changes, you stay signed in here and every other session is "
                               "signed out."),
                            this);
    note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("C&urrent password:"), m_current);
    form->addRow(tr("&New password:"), m_new);
    form->addRow(tr("New password a&gain:"), m_confirm);
    auto *row = new QHBoxLayout;
    row->addWidget(m_message, 1);
    row->addWidget(m_change);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addLayout(row);
}

void PasswordPanel::say(const QString &text, bool error, QLineEdit *field) {
    m_message->showMessage(text, error);
    if (field)
        field->setFocus();
    Q_EMIT changed(!error, text);
}

void PasswordPanel::clear() {
    for (QLineEdit *field : {m_current, m_new, m_confirm})
        field->clear();
}

void PasswordPanel::change() {
    if (!m_change->isEnabled())
        return;
    if (m_current->text().isEmpty())
        return say(tr("Enter your current password."), true, m_current);
    if (m_new->text().toUcs4().size() < minimumPasswordLength)
        return say(tr("The new password needs at least %n character(s).", nullptr, minimumPasswordLength),
                   true, m_new);
    if (m_confirm->text() != m_new->text())
        return say(tr("The new password and its repetition differ."), true, m_confirm);
    m_change->setEnabled(false);
    m_message->showMessage(tr("Changing your password…"), false);
    PeopleOperation *operation = m_people->changePassword(m_current->text(), m_new->text());
    connect(operation, &PeopleOperation::finished, this, [this](const PeopleResult &r) {
        m_change->setEnabled(true);
        if (r.ok) {
            clear();
            return say(tr("Your password has changed. Every other session was signed out."), false);
        }
        if (r.errorCode == QLatin1String("wrong_password")) {
            m_current->clear();
            return say(tr("The current password is wrong."), true, m_current);
        }
        say(tr("The password did not change: %1").arg(r.error), true,
            r.errorField == QLatin1String("new") ? m_new : nullptr);
    });
}

} // namespace knotie
