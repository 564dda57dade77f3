#include "ui/keys/createkeyflow.h"

#include "models/items/listmodels.h"
#include "models/keys/keyservice.h"
#include "models/workspace/workspace.h"
#include "ui/keys/createkeydialog.h"
#include "ui/keys/revealsecret.h"

namespace knotie {

CreateKeyFlow::CreateKeyFlow(const PageContext &context, QWidget *parent)
    : QObject(parent)
    , m_context(context)
    , m_parent(parent) {}

CreateKeyDialog *CreateKeyFlow::start(std::optional<KeyType> type, const QString &customerId) {
    // An offline or refused create says why inside the form (KeyService::refused).
    KeyService *keys = m_context.workspace->keys();
    QList<CreateKeyDialog::Customer> customers;
    for (const Customer &c : m_context.workspace->customerModel()->rows())
        customers.append({c.id, c.name});
    auto *dialog = new CreateKeyDialog(customers, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (type)
        dialog->setType(*type);
    if (!customerId.isEmpty())
        dialog->setCustomer(customerId);
    connect(dialog, &QObject::destroyed, this, &QObject::deleteLater);
    connect(dialog, &CreateKeyDialog::createRequested, this, [keys](const CreateKeyDialog::Request &request) {
        KeyDraft draft;
        draft.name = request.name;
        draft.description = request.description;
        draft.type = request.type;
        draft.customerId = request.customerId;
        draft.expiresAt = request.expiresAt ? request.expiresAt->toSecsSinceEpoch() : 0;
        if (request.rateLimit)
            draft.rateLimit = RateLimit{request.rateLimit->requests, request.rateLimit->perSeconds};
        keys->create(draft);
    });
    connect(keys, &KeyService::failed, dialog, &CreateKeyDialog::showServerError);
    connect(keys, &KeyService::refused, dialog,
            [dialog](const QString &reason) { dialog->showServerError({}, reason); });
    connect(keys, &KeyService::secretIssued, dialog,
            [this, dialog](const ApiKey &key, const QByteArray &secret) {
                if (!key.replaces.isEmpty()) // a rotation's secret, not this form's
                    return;
                dialog->finish();
                revealSecret(m_context, key, secret, m_parent);
                Q_EMIT created(key);
            });
    dialog->open();
    return dialog;
}

} // namespace knotie
