#pragma once

#include "models/data/apikey.h"

#include <QDialog>

class QButtonGroup;

namespace knotie {

// Rotate one key or several: how long the old keys keep working (immediately, 1 hour,
// 24 hours, 7 days) while the new secrets, each shown once, are swapped in.
class RotateKeyDialog : public QDialog {
    Q_OBJECT
public:
    explicit RotateKeyDialog(const QList<knotie::ApiKey> &keys, QWidget *parent = nullptr);

    int graceSeconds() const;
    void setGraceSeconds(int seconds);

    // The grace choices, in the order offered.
    static QList<int> graceChoices();

private:
    QButtonGroup *m_grace;
};

} // namespace knotie
