#pragma once

#include "models/data/apikey.h"
#include "models/network/keyjobs.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;

namespace knotie {

class KeyLimitsFields;

// Change Limits: an active key's expiry and rate limit in one dialog, checked by Create
// API Key's own rules (KeyLimitsFields) before anything is sent. Like Create it stays open,
// with what was chosen, until finish(); the gateway's refusal shows beside its field.
class KeyLimitsDialog : public QDialog {
    Q_OBJECT
public:
    explicit KeyLimitsDialog(const knotie::ApiKey &key, QWidget *parent = nullptr);

    knotie::KeyLimits limits() const;
    void showServerError(const QString &field, const QString &message);
    void finish();

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void changeRequested(const knotie::KeyLimits &limits);

private:
    void setBusy(bool busy);

    KeyLimitsFields *m_fields;
    QLabel *m_generalError;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace knotie
