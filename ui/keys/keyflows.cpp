#include "ui/keys/keyflows.h"

#include "models/items/keytablemodel.h"
#include "models/keys/keybatch.h"
#include "models/keys/keyservice.h"
#include "models/keys/keystore.h"
#include "models/secrets/keysecrets.h"
#include "models/sync/connectionstate.h"
#include "models/workspace/workspace.h"
#include "ui/keys/createkeydialog.h"
#include "ui/keys/createkeyflow.h"
#include "ui/keys/editkeydialog.h"
#include "ui/keys/keyactions.h"
#include "ui/keys/keycsv.h"
#include "ui/keys/keydetailsdialog.h"
#include "ui/keys/keyhistorydialog.h"
#include "ui/keys/keylimitsdialog.h"
#include "ui/keys/revealsecret.h"
#include "ui/keys/revokekeydialog.h"
#include "ui/keys/rotatekeydialog.h"
#include "ui/keys/secretrevealdialog.h"
#include "ui/widgets/secretclipboard.h"

#include "models/session/session.h"

#include <QClipboard>
#include <QDialog>
#include <QGuiApplication>
#include <QSet>

namespace knotie {

KeyFlows::KeyFlows(const PageContext &context, QWidget *parent)
    : QObject(parent)
    , m_context(context)
    , m_parent(parent) {}

void KeyFlows::createKey(std::optional<KeyType> type, const QString &name, const QString &customerId) {
    if (const QString refusal = m_context.workspace->keys()->refusal(); !refusal.isEmpty())
        return Q_EMIT message(refusal, true);
    if (m_createDialog) {
        if (type)
            m_createDialog->setType(*type);
        if (!name.isEmpty())
            m_createDialog->setName(name);
        if (!customerId.isEmpty())
            m_createDialog->setCustomer(customerId);
        return m_createDialog->raise();
    }
    auto *flow = new CreateKeyFlow(m_context, m_parent);
    connect(flow, &CreateKeyFlow::created, this,
            [this](const ApiKey &key) { Q_EMIT selectRequested({key.id}); });
    m_createDialog = flow->start(type, customerId);
    if (!name.isEmpty())
        m_createDialog->setName(name);
}

void KeyFlows::rotate(QList<ApiKey> keys) {
    keys.removeIf([](const ApiKey &k) { return !KeyActions::mayRotate(k); });
    if (keys.isEmpty())
        return;
    auto *dialog = new RotateKeyDialog(keys, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, keys] {
        runBatch(BatchAction::Rotate, keys, dialog->graceSeconds(), dialog->successorExpiry());
    });
    dialog->open();
}

void KeyFlows::revoke(QList<ApiKey> keys) {
    keys.removeIf([](const ApiKey &k) { return !KeyActions::mayRevoke(k); });
    if (keys.isEmpty())
        return;
    auto *dialog = new RevokeKeyDialog(keys, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, keys] { runBatch(BatchAction::Revoke, keys, 0); });
    dialog->open();
}

void KeyFlows::runBatch(BatchAction action, const QList<ApiKey> &keys, int graceSeconds,
                        SuccessorExpiry expiry) {
    if (m_batch || keys.isEmpty())
        return;
    auto *batch =
        new KeyBatch(m_context.workspace->keys(),
                     action == BatchAction::Rotate ? KeyBatch::Action::Rotate : KeyBatch::Action::Revoke,
                     keys, graceSeconds, this);
    batch->setSuccessorExpiry(expiry);
    m_batch = batch;
    connect(batch, &KeyBatch::secretIssued, this, [this](const ApiKey &key, const QByteArray &secret) {
        revealSecret(m_context, key, secret, m_parent);
    });
    connect(batch, &KeyBatch::progress, this, [this, batch](int done, int total) {
        if (done < total)
            Q_EMIT message(batch->action() == KeyBatch::Action::Rotate
                               ? tr("Rotating %1 of %2…").arg(done + 1).arg(total)
                               : tr("Revoking %1 of %2…").arg(done + 1).arg(total),
                           false);
    });
    connect(batch, &KeyBatch::finished, this, [this, batch] {
        const QString summary = batch->summary();
        Q_EMIT message(summary, batch->succeeded() < batch->outcomes().size());
        QStringList ids;
        for (const KeyBatch::Outcome &o : batch->outcomes())
            ids.append(o.key.id);
        Q_EMIT selectRequested(ids);
        batch->deleteLater();
        m_batch = nullptr;
        Q_EMIT batchFinished(summary);
    });
    batch->start();
}

void KeyFlows::edit(const ApiKey &key) {
    if (key.isRetired())
        return;
    auto *dialog = new EditKeyDialog(key, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, key] {
        std::optional<QString> name, description;
        if (dialog->name() != key.name)
            name = dialog->name();
        if (dialog->description() != key.description)
            description = dialog->description();
        if (!name && !description)
            return;
        // This rename's own answer: its failure is shown, whatever else is open.
        connect(m_context.workspace->keys()->update(key.id, name, description), &KeyOperation::finished, this,
                [this](const KeyResult &result) {
                    if (!result.ok)
                        Q_EMIT message(result.error, true);
                });
    });
    dialog->open();
}

void KeyFlows::changeLimits(const ApiKey &key) {
    if (key.status != KeyStatus::Active)
        return;
    if (const QString refusal = m_context.workspace->keys()->refusal(); !refusal.isEmpty())
        return Q_EMIT message(refusal, true);
    auto *dialog = new KeyLimitsDialog(key, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &KeyLimitsDialog::changeRequested, this, [this, key, dialog](const KeyLimits &limits) {
        if (limits == KeyLimits{key.rateLimit, key.expiresAt})
            return dialog->finish();
        // This change's own answer, shown in its dialog (which stays open until then).
        QPointer<KeyLimitsDialog> open = dialog;
        connect(m_context.workspace->keys()->changeLimits(key.id, limits), &KeyOperation::finished, this,
                [this, open, name = key.name](const KeyResult &result) {
                    if (!open)
                        return Q_EMIT message(result.ok ? tr("Changed the limits of “%1”.").arg(name)
                                                        : result.error,
                                              !result.ok);
                    if (!result.ok)
                        return open->showServerError(result.errorField, result.error);
                    open->finish();
                    Q_EMIT message(tr("Changed the limits of “%1”.").arg(name), false);
                });
    });
    dialog->open();
}

void KeyFlows::showDetails(const ApiKey &key) {
    if (QPointer<QDialog> open = m_details.value(key.id)) {
        open->raise();
        open->activateWindow();
        return;
    }
    KeyTableModel *model = m_context.workspace->keyModel();
    auto *dialog = new KeyDetailsDialog(
        key.id, m_context.workspace->keyStore(), m_context.workspace->auditModel(),
        [model](const QString &id) { return model->customerName(id); }, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTeam(m_context.workspace->teamModel());
    dialog->showLatestRequests(m_context.workspace->session()->connection());
    const auto updateMay = [this, dialog] {
        dialog->setMayChangeLimits(m_context.workspace->keys()->refusal().isEmpty());
    };
    updateMay();
    connect(m_context.workspace->connectionState(), &ConnectionState::changed, dialog, updateMay);
    connect(dialog, &KeyDetailsDialog::changeLimitsRequested, this, &KeyFlows::changeLimits);
    m_details.insert(key.id, dialog);
    connect(dialog, &QObject::destroyed, this, [this, id = key.id] { m_details.remove(id); });
    dialog->show();
}

void KeyFlows::copyId(const ApiKey &key) {
    QGuiApplication::clipboard()->setText(key.id);
    Q_EMIT message(tr("Copied the key id %1.").arg(key.id), false);
}

void KeyFlows::copySavedSecret(const ApiKey &key) {
    KeySecrets *secrets = m_context.workspace->keySecrets();
    if (!m_context.clipboard || !secrets->has(key.id))
        return;
    secrets->read(key.id, this, [this, name = key.name](const SecretStore::Result &r) {
        if (!r.ok)
            return Q_EMIT message(tr("The secret could not be read: %1").arg(r.error), true);
        if (r.value.isEmpty())
            return Q_EMIT message(tr("The system keychain no longer holds the secret of “%1”.").arg(name),
                                  true);
        // The same clipboard as the secret shown at creation: not recorded, cleared in 30 seconds.
        QString text = QString::fromLatin1(r.value);
        m_context.clipboard->copy(text, SecretRevealDialog::clipboardSeconds);
        text.fill(QChar(u'\0'));
        Q_EMIT message(tr("Copied the secret of “%1” from the system keychain. The clipboard is cleared in "
                          "%n second(s).",
                          nullptr, SecretRevealDialog::clipboardSeconds)
                           .arg(name),
                       false);
    });
}

void KeyFlows::showHistory(const ApiKey &key) {
    QSet<QString> ids{key.id};
    if (!key.replaces.isEmpty())
        ids.insert(key.replaces);
    if (!key.replacedBy.isEmpty())
        ids.insert(key.replacedBy);
    auto *dialog = new KeyHistoryDialog(m_context.workspace->auditModel(), keyLabel(key), ids, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

// The latest requests are a section of Key details, so one window has everything about a
// key; "Latest Requests…" opens it with the keyboard in that section.
void KeyFlows::showRequests(const ApiKey &key) {
    showDetails(key);
    if (QPointer<QDialog> open = m_details.value(key.id))
        static_cast<KeyDetailsDialog *>(open.data())->focusRequests();
}

void KeyFlows::exportTo(QList<ApiKey> keys, QHash<QString, QString> customers, const QString &path) {
    const int n = int(keys.size());
    exportKeysCsv(std::move(keys), std::move(customers), path, this, [this, n, path](const QString &error) {
        Q_EMIT message(error.isEmpty() ? tr("Exported %n key(s) to %1.", nullptr, n).arg(path)
                                       : tr("Could not export the keys: %1").arg(error),
                       !error.isEmpty());
        Q_EMIT exported(error);
    });
}

} // namespace knotie
