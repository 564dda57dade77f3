#pragma once

#include "models/data/apikey.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace knotie {

// Rename and describe a key, checked by the same rule as Create API Key before sending.
class EditKeyDialog : public QDialog {
    Q_OBJECT
public:
    explicit EditKeyDialog(const knotie::ApiKey &key, QWidget *parent = nullptr);

    QString name() const;        // normalized
    QString description() const; // normalized

public Q_SLOTS:
    void accept() override;

private:
    QLineEdit *m_name;
    QLabel *m_nameError;
    QPlainTextEdit *m_description;
    QLabel *m_descriptionError;
};

} // namespace knotie
