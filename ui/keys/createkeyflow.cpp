#include "ui/keys/createkeyflow.h"

#include "models/items/listmodels.h"
#include "models/keys/keyservice.h"
#include "models/keys/keystore.h"
#include "models/workspace/workspace.h"
#include "ui/keys/createkeydialog.h"
#include "ui/keys/revealsecret.h"

namespace knotie {

CreateKeyFlow::CreateKeyFlow(const PageContext &context, QWidget *parent)
    : QObject(parent)
    , m_context(context)
    , m_parent(parent) {}

CreateKeyDialog *CreateKeyFlow::start(std::optional<KeyType> type, const QString &customerId) {
    // An offline or refused create says why inside the form (KeyResult::refused).
    KeyService *keys = m_context.workspace->keys();
    QList<CreateKeyDialog::Customer> customers;
    for (const Customer &c : m_context.workspace->customerModel()->rows())
        customers.append({c.id, c.name});
    auto *dialog = new CreateKeyDialog(customers, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setExistingKeys(m_context.workspace->keyStore()->keys());
    if (type)
        dialog->setType(*type);
    if (!customerId.isEmpty())
        dialog->setCustomer(customerId);
    connect(dialog, &QObject::destroyed, this, &QObject::deleteLater);
    connect(dialog, &CreateKeyDialog::createRequested, this,
            [this, keys, dialog](const CreateKeyDialog::Request &request) {
                KeyDraft draft;
                draft.name = request.name;
                draft.description = request.description;
                draft.type = request.type;
                draft.customerId = request.customerId;
                draft.expiresAt = request.expiresAt ? request.expiresAt->toSecsSinceEpoch() : 0;
                if (request.rateLimit)
                    draft.rateLimit = RateLimit{request.rateLimit->requests, request.rateLimit->perSeconds};
                // This form's own answer: its error beside its field, or its key's secret shown once.
                connect(keys->create(draft), &KeyOperation::finished, dialog,
                        [this, dialog](const KeyResult &result) {
                            if (!result.ok)
                                return dialog->showServerError(result.errorField, result.error);
                            dialog->finish();
                            revealSecret(m_context, result.key, result.secret, m_parent);
                            Q_EMIT created(result.key);
                        });
            });
    dialog->open();
    return dialog;
}

} // namespace knotie
