#pragma once

#include <QDialog>

#include <functional>
#include <memory>

namespace knotie {

struct SignInRequest {
    QString gateway;
    QString email;
    QString password;
    bool remember = false;
};

// Gateway address, email and password; stays open, with everything the person typed, until
// signing in succeeds. It is the portal's first window, shown before the code that signs in
// is loaded (app/firststage.cpp), so it needs Qt Widgets only: whoever signs in sets a handler and
// reports back (ui/signin/signinflowlink.h joins it to SignInFlow).
class SignInDialog : public QDialog {
    Q_OBJECT
public:
    explicit SignInDialog(QWidget *parent = nullptr);
    ~SignInDialog() override;

    // Receives each valid form; the dialog stays busy until signInSucceeded or signInFailed.
    // A form submitted before any handler is set waits for the first one.
    void setSignInHandler(std::function<void(const SignInRequest &)> handler);
    void signInSucceeded(); // forgets the password and closes as accepted
    // `field` is "gateway", "email" or "password" when the failure is about one of them.
    void signInFailed(const QString &message, const QString &field);
    bool isBusy() const;

    // The address and email given (on the command line), else the last ones signed in with.
    void prefill(const QString &gatewayAddress, const QString &email);
    void setGatewayAddress(const QString &address);
    void setEmail(const QString &email);
    void setPassword(const QString &password);
    // Shown above the form, e.g. why the person was signed out.
    void setNotice(const QString &notice);

public Q_SLOTS:
    // Validates the form, then hands it to the handler; the dialog closes only on success.
    void accept() override;

private:
    void setBusy(bool busy);
    SignInRequest request() const;

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace knotie
