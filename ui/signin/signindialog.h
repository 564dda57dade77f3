#pragma once

#include "models/session/signinflow.h"

#include <QDialog>

#include <memory>

namespace knotie {

// Gateway address, email and password; signs in through SignInFlow and stays open,
// with everything the person typed, until it succeeds.
class SignInDialog : public QDialog {
    Q_OBJECT
public:
    explicit SignInDialog(SignInFlow *flow, QWidget *parent = nullptr);
    ~SignInDialog() override;

    void setGatewayAddress(const QString &address);
    void setEmail(const QString &email);
    void setPassword(const QString &password);
    // Shown above the form, e.g. why the person was signed out.
    void setNotice(const QString &notice);

    SignedInSession session() const;

public Q_SLOTS:
    // Validates the form, then signs in; the dialog closes only on success.
    void accept() override;
    void reject() override;

private:
    void setBusy(bool busy);
    void showError(const QString &message, const QString &field);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace knotie
