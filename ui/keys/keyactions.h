#pragma once

#include "models/data/apikey.h"
#include "ui/keys/keycommand.h"

#include <QObject>

class QWidget;

namespace knotie {

// The key table's commands, in one place for its toolbar, context menu and shortcuts,
// and the controller that enables them from the selection (as Kleopatra's
// KeyListController): each command carries its own restrictions (KeyCommand), this only
// tells them what is selected and whether the gateway can be reached.
class KeyActions : public QObject {
    Q_OBJECT
public:
    explicit KeyActions(QWidget *owner);

    KeyCommand *create;
    KeyCommand *copyId;
    KeyCommand *copySecret; // from the system keychain, where it was saved
    KeyCommand *edit;
    KeyCommand *limits;
    KeyCommand *usageWarning; // local: a desktop notification past a usage threshold
    KeyCommand *details;
    KeyCommand *rotate;
    KeyCommand *revoke;
    KeyCommand *usage;
    KeyCommand *history;
    KeyCommand *requests;
    KeyCommand *linked;
    KeyCommand *exportCsv;

    QList<KeyCommand *> all() const;

    // `refusal`: why writing is not possible now (KeyService::refusal), empty when it is.
    void update(const QList<knotie::ApiKey> &selection, const QString &refusal);
    // Runs each command on the selection `selection` returns when it is triggered.
    void setSelectionSource(std::function<QList<knotie::ApiKey>()> selection);

    // The gateway's own rule (models/domain/keystatus.h).
    static bool mayRotate(const ApiKey &key) { return knotie::mayRotate(key.status); }
    static bool mayRevoke(const ApiKey &key) { return !key.isRetired(); }
};

} // namespace knotie
