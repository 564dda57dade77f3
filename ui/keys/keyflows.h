#pragma once

#include "models/data/apikey.h"
#include "models/keys/keybatch.h"
#include "ui/pages/pagecontext.h"

#include <QDialog>
#include <QHash>
#include <QObject>
#include <QPointer>

class QWidget;

namespace knotie {

class CreateKeyDialog;
class KeyBatch;

// What the key commands do, from the first dialog to the gateway's answer: create,
// rotate and revoke (one key or many, each new secret shown once), rename, history, copy
// and CSV export. Each request gets its own answer (a KeyOperation or a KeyBatch), so an
// error is shown where it belongs and never hidden because another flow is open.
class KeyFlows : public QObject {
    Q_OBJECT
public:
    KeyFlows(const PageContext &context, QWidget *parent);

    // `type`: chosen beforehand (the palette's "create read-only key"); `name` and
    // `customerId` filled in beforehand (the Read-Only key the attention list suggests).
    void createKey(std::optional<knotie::KeyType> type = {}, const QString &name = {},
                   const QString &customerId = {});
    void rotate(QList<knotie::ApiKey> keys);
    void revoke(QList<knotie::ApiKey> keys);
    void edit(const knotie::ApiKey &key);
    // Change Limits (one dialog, Create's rules); the result shows in the key's History.
    void changeLimits(const knotie::ApiKey &key);
    // Key details, one dialog per key: a second request for a key already shown raises it.
    void showDetails(const knotie::ApiKey &key);
    void copyId(const knotie::ApiKey &key);
    // From the system keychain, onto the clipboard that clears itself.
    void copySavedSecret(const knotie::ApiKey &key);
    void showHistory(const knotie::ApiKey &key);
    // The key's latest requests, each failure explained (ui/keys/keyrequestsview.h).
    void showRequests(const knotie::ApiKey &key);
    // `keys` in the order shown; `customers` names their customers.
    void exportTo(QList<knotie::ApiKey> keys, QHash<QString, QString> customers, const QString &path);

Q_SIGNALS:
    // A line for the page's message area.
    void message(const QString &text, bool error);
    // Keys to select: a created key, or the keys of a finished batch.
    void selectRequested(const QStringList &keyIds);
    // A rotate or revoke of several keys ended; `summary` says what happened to each.
    void batchFinished(const QString &summary);
    void exported(const QString &error);

private:
    enum class BatchAction { Rotate, Revoke };
    void runBatch(BatchAction action, const QList<knotie::ApiKey> &keys, int graceSeconds,
                  knotie::SuccessorExpiry expiry = {});

    PageContext m_context;
    QWidget *m_parent;
    QPointer<CreateKeyDialog> m_createDialog;
    QPointer<KeyBatch> m_batch;
    QHash<QString, QPointer<QDialog>> m_details;
};

} // namespace knotie
