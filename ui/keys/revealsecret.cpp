#include "ui/keys/revealsecret.h"

#include "models/secrets/keysecrets.h"
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
    // Saved under a label that names the key, so it can be found in the keychain and here.
    if (KeySecrets *secrets = context.workspace->keySecrets(); secrets->isAvailable())
        dialog->offerKeychain(
            [secrets, key](const QByteArray &shown, QObject *receiver, SecretStore::Callback done) {
                secrets->save(key, shown, receiver, std::move(done));
            });
    dialog->open();
    return dialog;
}

} // namespace knotie
