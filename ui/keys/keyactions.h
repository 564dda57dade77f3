#pragma once

#include "models/data/apikey.h"

#include <QObject>

class QAction;
class QWidget;

namespace knotie {

// The key table's actions, in one place for its toolbar, context menu and shortcuts,
// each enabled from what the selection allows: one key to copy, rename, show usage or
// history of; any number of live keys to rotate or revoke (a revoked key cannot be
// rotated, a key already rotated cannot be rotated again); nothing that writes while
// the gateway is out of reach.
class KeyActions : public QObject {
    Q_OBJECT
public:
    explicit KeyActions(QWidget *owner);

    QAction *create;
    QAction *copyId;
    QAction *edit;
    QAction *rotate;
    QAction *revoke;
    QAction *usage;
    QAction *history;
    QAction *linked;
    QAction *exportCsv;

    // `refusal`: why writing is not possible now (KeyService::refusal), empty when it is.
    void update(const QList<knotie::ApiKey> &selection, const QString &refusal);

    // The gateway's own rule (models/domain/keystatus.h).
    static bool mayRotate(const ApiKey &key) { return knotie::mayRotate(key.status); }
    static bool mayRevoke(const ApiKey &key) { return !key.isRetired(); }
};

} // namespace knotie
