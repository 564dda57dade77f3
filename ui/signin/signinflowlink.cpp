#include "ui/signin/signinflowlink.h"

#include "models/session/signinflow.h"
#include "ui/signin/signindialog.h"

namespace knotie {

void linkSignIn(SignInDialog *dialog, SignInFlow *flow,
                std::function<void(const SignedInSession &)> signedIn) {
    QObject::connect(flow, &SignInFlow::succeeded, dialog,
                     [dialog, signedIn = std::move(signedIn)](const SignedInSession &session) {
                         dialog->signInSucceeded();
                         signedIn(session);
                     });
    QObject::connect(flow, &SignInFlow::failed, dialog, &SignInDialog::signInFailed);
    QObject::connect(dialog, &QDialog::rejected, flow, &SignInFlow::cancel);
    // Last: a form that waited for the handler goes out at once, and a flow can fail at once.
    dialog->setSignInHandler([flow](const SignInRequest &request) {
        flow->signIn(request.gateway, request.email, request.password, request.remember);
    });
}

} // namespace knotie
