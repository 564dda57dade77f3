#include "revealsecret.h"

#include "pages/pagecontext.h"
#include "secretrevealdialog.h"
#include "secrets/secretstore.h"
#include "session/session.h"
#include "workspace/workspace.h"

namespace knotie {

SecretRevealDialog *revealSecret(const PageContext &context, const ApiKey &key, QByteArray secret,
                                 QWidget *parent) {
    Session *session = context.workspace->session();
    auto *dialog =
        new SecretRevealDialog(key.name, std::move(secret), session->gateway(), context.clipboard, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (SecretStore *store = context.secrets) {
        const QString entry =
            SecretStore::scopedKey(session->gateway(), session->account().user.email, key.id);
        QObject::connect(dialog, &SecretRevealDialog::saveToKeychain, store,
                         [store, entry](const QByteArray &value) {
                             // The store copies the value; `value` is wiped right after.
                             store->write(entry, value, store, [](const SecretStore::Result &) {});
                         });
    }
    dialog->open();
    return dialog;
}

} // namespace knotie
