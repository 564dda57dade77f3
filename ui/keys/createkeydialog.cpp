#include "ui/keys/createkeydialog.h"

#include "models/domain/keyfields.h"
#include "ui/keys/keylimitsfields.h"
#include "ui/keys/keytypetext.h"
#include "ui/settingskeys.h"
#include "ui/style/palette.h"
#include "ui/widgets/choicegroup.h"
#include "ui/widgets/messages.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace knotie {

QString CreateKeyDialog::nameProblemText(keyfields::Problem problem) {
    switch (problem) {
    case keyfields::Problem::Empty:
        return tr("Give the key a name you will recognize, like “N8N Production”.");
    case keyfields::Problem::TooLong:
        return tr("Use at most %1 characters for the name.").arg(keyfields::maxNameLength);
    case keyfields::Problem::ForbiddenCharacter:
        return tr("The name contains an invisible or control character. Retype it without "
                  "pasting.");
    }
    return {};
}

QString CreateKeyDialog::descriptionProblemText(keyfields::Problem problem) {
    return problem == keyfields::Problem::TooLong
               ? tr("Use at most %1 characters.").arg(keyfields::maxDescriptionLength)
               : tr("The description contains a control character other than a line "
                    "break.");
}

struct CreateKeyDialog::Private {
    QList<Customer> customers;
    QLineEdit *name = nullptr;
    QLabel *nameError = nullptr;
    QLabel *nameWarning = nullptr;
    QList<ApiKey> existing; // shared with the key store, not copied
    QPlainTextEdit *description = nullptr;
    QLabel *descriptionCount = nullptr;
    QLabel *descriptionError = nullptr;
    QButtonGroup *types = nullptr;
    QLabel *typeError = nullptr;
    QWidget *customerRow = nullptr;
    QComboBox *customer = nullptr;
    QLabel *customerError = nullptr;
    KeyLimitsFields *limits = nullptr;
    QLabel *generalError = nullptr;
    QDialogButtonBox *buttons = nullptr;
    bool busy = false;
};

CreateKeyDialog::CreateKeyDialog(QList<Customer> customers, QWidget *parent)
    : QDialog(parent)
    , d(std::make_unique<Private>()) {
    d->customers = std::move(customers);
    setObjectName(QStringLiteral("createKeyDialog"));
    setWindowTitle(tr("Create API Key"));

    // Name and description
    d->name = new QLineEdit(this);
    d->name->setObjectName(QStringLiteral("keyName"));
    d->name->setPlaceholderText(tr("e.g. N8N Production"));
    d->name->setAccessibleName(tr("Key name"));
    d->nameError = makeErrorLabel(QStringLiteral("nameError"), this);
    d->nameWarning = new QLabel(this);
    d->nameWarning->setObjectName(QStringLiteral("nameWarning"));
    // Two lines, never wrapped: a wrapped label in the form mis-sizes the dialog's height.
    d->nameWarning->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    d->nameWarning->setTextFormat(Qt::PlainText);
    d->nameWarning->setStyleSheet(colorStyle(ColorRole::WarningText));
    d->nameWarning->hide();
    connect(d->name, &QLineEdit::textChanged, this, &CreateKeyDialog::checkNameAsTyped);
    d->description = new QPlainTextEdit(this);
    d->description->setObjectName(QStringLiteral("keyDescription"));
    d->description->setAccessibleName(tr("Description"));
    d->description->setPlaceholderText(tr("Optional: what uses this key, and who to ask about it"));
    d->description->setTabChangesFocus(true);
    d->description->setFixedHeight(d->description->fontMetrics().lineSpacing() * 3 + 12);
    d->descriptionCount = new QLabel(this);
    d->descriptionCount->setObjectName(QStringLiteral("descriptionCount"));
    d->descriptionError = makeErrorLabel(QStringLiteral("descriptionError"), this);
    connect(d->description, &QPlainTextEdit::textChanged, this, [this] {
        const qsizetype n = keyfields::codePointCount(keyfields::normalized(d->description->toPlainText()));
        d->descriptionCount->setText(tr("%1 / %2").arg(n).arg(keyfields::maxDescriptionLength));
    });
    d->descriptionCount->setText(tr("%1 / %2").arg(0).arg(keyfields::maxDescriptionLength));

    // Key type: least privilege first; each choice says what it may do and when to use it.
    auto *typeBox = new QGroupBox(tr("Key type"), this);
    typeBox->setObjectName(QStringLiteral("keyTypes"));
    auto *typeLayout = new QVBoxLayout(typeBox);
    d->types = new QButtonGroup(this);
    for (KeyType type : allKeyTypes) {
        const KeyTypeText text = keyTypeText(type);
        auto *button = new QRadioButton(text.title, typeBox);
        button->setObjectName(QStringLiteral("type_") + keyTypeWireName(type));
        button->setAccessibleDescription(text.summary + QLatin1Char(' ') + text.useFor);
        QFont bold = button->font();
        bold.setBold(true);
        button->setFont(bold);
        // Two short lines, never wrapped: wrapped labels in a form mis-size their height.
        auto *explanation = new QLabel(text.summary + QStringLiteral("<br><span style=\"") +
                                           colorStyle(ColorRole::SecondaryText) + QStringLiteral("\">") +
                                           text.useFor + QStringLiteral("</span>"),
                                       typeBox);
        explanation->setTextFormat(Qt::RichText);
        explanation->setContentsMargins(24, 0, 0, 6);
        explanation->setBuddy(button);
        d->types->addButton(button, static_cast<int>(type));
        typeLayout->addWidget(button);
        typeLayout->addWidget(explanation);
    }
    tabToCheckedChoice(d->types);
    d->typeError = makeErrorLabel(QStringLiteral("typeError"), this);
    typeLayout->addWidget(d->typeError);

    // Customer (Customer keys only), searchable by typing.
    d->customer = new QComboBox(this);
    d->customer->setObjectName(QStringLiteral("customer"));
    d->customer->setAccessibleName(tr("Customer"));
    d->customer->setEditable(true);
    d->customer->setInsertPolicy(QComboBox::NoInsert);
    d->customer->lineEdit()->setPlaceholderText(tr("Type to search your customers"));
    for (const Customer &c : std::as_const(d->customers))
        d->customer->addItem(c.name, c.id);
    d->customer->setCurrentIndex(-1);
    d->customer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    d->customer->completer()->setFilterMode(Qt::MatchContains);
    d->customer->completer()->setCompletionMode(QCompleter::PopupCompletion);
    d->customer->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    d->customerError = makeErrorLabel(QStringLiteral("customerError"), this);
    d->customerRow = new QWidget(this);
    auto *customerLayout = new QVBoxLayout(d->customerRow);
    customerLayout->setContentsMargins(0, 0, 0, 0);
    customerLayout->addWidget(d->customer);
    customerLayout->addWidget(d->customerError);

    // Expiry (90 days unless the person chooses otherwise) and an optional rate limit.
    d->limits = new KeyLimitsFields(this);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    // Labels made here so their mnemonics reach the field (a layout cannot be a buddy).
    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    auto *nameColumn = new QVBoxLayout;
    nameColumn->addWidget(d->name);
    nameColumn->addWidget(d->nameError);
    nameColumn->addWidget(d->nameWarning);
    form->addRow(label(tr("&Name:"), d->name), nameColumn);
    auto *descriptionColumn = new QVBoxLayout;
    descriptionColumn->addWidget(d->description);
    auto *countRow = new QHBoxLayout;
    countRow->addWidget(d->descriptionError, 1);
    countRow->addWidget(d->descriptionCount, 0, Qt::AlignRight | Qt::AlignTop);
    descriptionColumn->addLayout(countRow);
    form->addRow(label(tr("&Description:"), d->description), descriptionColumn);
    form->addRow(typeBox);
    form->addRow(label(tr("C&ustomer:"), d->customer), d->customerRow);
    form->addRow(label(tr("E&xpires:"), d->limits->expiryBuddy()), d->limits->expiryRow());
    form->addRow(tr("Rate limit:"), d->limits->rateLimitRow());

    d->generalError = makeErrorLabel(QStringLiteral("generalError"), this);
    d->buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    d->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create Key"));
    d->buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("createButton"));
    connect(d->buttons, &QDialogButtonBox::accepted, this, &CreateKeyDialog::accept);
    connect(d->buttons, &QDialogButtonBox::rejected, this, &CreateKeyDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(d->generalError);
    layout->addWidget(d->buttons);

    connect(d->types, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            updateForType();
    });
    setType(KeyType::ReadOnly);
    setMinimumWidth(600);
    QSettings settings;
    restoreGeometry(settings.value(settingskeys::createKeyDialogGeometry).toByteArray());
    connect(this, &QDialog::finished, this,
            [this] { QSettings().setValue(settingskeys::createKeyDialogGeometry, saveGeometry()); });
}

CreateKeyDialog::~CreateKeyDialog() = default;

void CreateKeyDialog::setType(KeyType type) {
    d->types->button(static_cast<int>(type))->setChecked(true);
    updateForType();
}

void CreateKeyDialog::setCustomer(const QString &customerId) {
    d->customer->setCurrentIndex(d->customer->findData(customerId));
}

void CreateKeyDialog::setName(const QString &name) {
    d->name->setText(name);
}

void CreateKeyDialog::setExistingKeys(const QList<ApiKey> &keys) {
    d->existing = keys;
    checkNameAsTyped();
}

// While typing: an error already shown goes once the name is fine (it was about the old text),
// and a name another working key has is pointed out, without refusing it.
void CreateKeyDialog::checkNameAsTyped() {
    const QString name = keyfields::normalized(d->name->text());
    if (d->nameError->isVisible() && !keyfields::checkName(name))
        d->nameError->hide();
    // A scan per keystroke: 100,000 names compare in a few milliseconds, and no index to keep.
    QStringList same;
    if (!name.isEmpty())
        for (const ApiKey &k : std::as_const(d->existing))
            if (!k.isRetired() && k.name.compare(name, Qt::CaseInsensitive) == 0)
                same.append(keyLabel(k));
    // At most two named on the line; the tooltip has them all.
    const QString named = same.size() <= 2
                              ? same.join(QStringLiteral(", "))
                              : same.mid(0, 2).join(QStringLiteral(", ")) + QStringLiteral(", …");
    d->nameWarning->setText(tr("%n other key(s) with this name: %1", nullptr, int(same.size())).arg(named) +
                            QLatin1Char('\n') +
                            tr("You can still use it: the last four characters tell the keys apart."));
    d->nameWarning->setToolTip(same.join(QLatin1Char('\n')));
    d->nameWarning->setVisible(!name.isEmpty() && !same.isEmpty());
}

void CreateKeyDialog::updateForType() {
    const bool customerKey = d->types->checkedId() == static_cast<int>(KeyType::Customer);
    d->customerRow->setEnabled(customerKey);
    d->customer->setToolTip(customerKey ? QString() : tr("Only Customer keys belong to one customer."));
    if (!customerKey)
        d->customerError->hide();
}

CreateKeyDialog::Request CreateKeyDialog::request() const {
    Request r;
    r.name = keyfields::normalized(d->name->text());
    r.description = keyfields::normalized(d->description->toPlainText());
    r.type = static_cast<KeyType>(d->types->checkedId());
    if (r.type == KeyType::Customer) {
        // Accept a typed name that matches a customer exactly, as well as a picked one.
        const int index = d->customer->findText(d->customer->currentText().trimmed(), Qt::MatchFixedString);
        r.customerId = index >= 0 ? d->customer->itemData(index).toString() : QString();
    }
    r.expiresAt = d->limits->expiresAt();
    r.rateLimit = d->limits->rateLimit();
    return r;
}

void CreateKeyDialog::clearErrors() {
    for (QLabel *label : {d->nameError, d->descriptionError, d->typeError, d->customerError, d->generalError})
        label->hide();
    d->limits->clearErrors();
}

void CreateKeyDialog::accept() {
    if (d->busy)
        return;
    clearErrors();
    const Request r = request();
    if (const auto problem = keyfields::checkName(r.name)) {
        d->nameError->setText(nameProblemText(*problem));
        d->nameError->show();
        d->name->setFocus();
        return;
    }
    if (const auto problem = keyfields::checkDescription(r.description)) {
        d->descriptionError->setText(descriptionProblemText(*problem));
        d->descriptionError->show();
        d->description->setFocus();
        return;
    }
    if (r.type == KeyType::Customer && r.customerId.isEmpty()) {
        d->customerError->setText(
            d->customers.isEmpty()
                ? tr("You have no customers yet. Add a customer first, or choose another type.")
                : tr("Choose the customer this key belongs to."));
        d->customerError->show();
        d->customer->setFocus();
        return;
    }
    if (!d->limits->check())
        return;
    setBusy(true);
    Q_EMIT createRequested(r);
}

void CreateKeyDialog::showServerError(const QString &field, const QString &message) {
    setBusy(false);
    if (d->limits->showServerError(field, message))
        return;
    QLabel *label = d->generalError;
    QWidget *focus = nullptr;
    if (field == QLatin1String("name")) {
        label = d->nameError;
        focus = d->name;
    } else if (field == QLatin1String("description")) {
        label = d->descriptionError;
        focus = d->description;
    } else if (field == QLatin1String("type")) {
        label = d->typeError;
    } else if (field == QLatin1String("customer_id")) {
        label = d->customerError;
        focus = d->customer;
    }
    label->setText(message);
    label->show();
    if (focus)
        focus->setFocus();
}

void CreateKeyDialog::finish() {
    setBusy(false);
    QDialog::accept();
}

void CreateKeyDialog::setBusy(bool busy) {
    d->busy = busy;
    QPushButton *create = d->buttons->button(QDialogButtonBox::Ok);
    create->setEnabled(!busy);
    create->setText(busy ? tr("Creating…") : tr("&Create Key"));
}

} // namespace knotie
