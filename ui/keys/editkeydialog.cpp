#include "ui/keys/editkeydialog.h"

#include "models/domain/keyfields.h"
#include "ui/keys/createkeydialog.h"
#include "ui/widgets/messages.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace knotie {

EditKeyDialog::EditKeyDialog(const ApiKey &key, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(key.name, this))
    , m_nameError(makeErrorLabel(QStringLiteral("nameError"), this))
    , m_description(new QPlainTextEdit(key.description, this))
    , m_descriptionError(makeErrorLabel(QStringLiteral("descriptionError"), this)) {
    setObjectName(QStringLiteral("editKeyDialog"));
    setWindowTitle(tr("Rename %1").arg(keyLabel(key)));
    m_name->setObjectName(QStringLiteral("keyName"));
    m_name->setAccessibleName(tr("Key name"));
    m_description->setObjectName(QStringLiteral("keyDescription"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 + 12);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &EditKeyDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(QString(), m_descriptionError);
    form->addRow(buttons);
    setMinimumWidth(460);
}

QString EditKeyDialog::name() const {
    return keyfields::normalized(m_name->text());
}

QString EditKeyDialog::description() const {
    return keyfields::normalized(m_description->toPlainText());
}

void EditKeyDialog::accept() {
    m_nameError->hide();
    m_descriptionError->hide();
    if (const auto problem = keyfields::checkName(name())) {
        m_nameError->setText(CreateKeyDialog::nameProblemText(*problem));
        m_nameError->show();
        m_name->setFocus();
        return;
    }
    if (const auto problem = keyfields::checkDescription(description())) {
        m_descriptionError->setText(CreateKeyDialog::descriptionProblemText(*problem));
        m_descriptionError->show();
        m_description->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace knotie
