#pragma once

#include "models/data/apikey.h"
#include "models/keys/keybatch.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;

namespace knotie {

// Rotate one key or several: how long the old keys keep working (immediately, 1 hour,
// 24 hours, 7 days) while the new secrets, each shown once, are swapped in, and when the
// new keys expire (by default each as long from now as its old key lived).
class RotateKeyDialog : public QDialog {
    Q_OBJECT
public:
    explicit RotateKeyDialog(const QList<knotie::ApiKey> &keys, QWidget *parent = nullptr);

    int graceSeconds() const;
    void setGraceSeconds(int seconds);
    SuccessorExpiry successorExpiry() const;

    // The grace choices, in the order offered.
    static QList<int> graceChoices();

private:
    QButtonGroup *m_grace;
    QComboBox *m_expiry = nullptr;
};

} // namespace knotie
