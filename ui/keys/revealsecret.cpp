#include "ui/keys/revealsecret.h"

#include "models/secrets/secretstore.h"
#include "models/session/session.h"
#include "models/workspace/workspace.h"
#include "ui/keys/secretrevealdialog.h"
#include "ui/pages/pagecontext.h"

namespace knotie {

SecretRevealDialog *revealSecret(const PageContext &context, const ApiKey &key, QByteArray secret,
                                 QWidget *parent) {
    Session *session = context.workspace->session();
    auto *dialog = new SecretRevealDialog(keyLabel(key), std::move(secret), session->gateway(),
                                          context.clipboard, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (context.secrets)
        dialog->offerKeychain(context.secrets, SecretStore::scopedKey(session->gateway(),
                                                                      session->account().user.email, key.id));
    dialog->open();
    return dialog;
}

} // namespace knotie
