#pragma once

#include <functional>

namespace knotie {

class SignInDialog;
class SignInFlow;
struct SignedInSession;

// Joins a sign-in dialog to the flow that signs in: the dialog's forms go to the flow, the
// flow's answers back to the dialog, and closing the dialog cancels a sign-in under way. Once
// the dialog has closed as accepted, `signedIn` gets the session. The links end with the
// dialog; the flow serves the next one.
void linkSignIn(SignInDialog *dialog, SignInFlow *flow,
                std::function<void(const SignedInSession &)> signedIn);

} // namespace knotie
