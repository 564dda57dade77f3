#pragma once

#include "models/data/apikey.h"

#include <QObject>

namespace knotie {

// What one key action came to: the key it made or changed, or why not.
struct KeyResult {
    bool ok = false;
    // Refused before anything was sent (signed out, not allowed, offline).
    bool refused = false;
    // Why not, for a person; and the form field a 422 is about (API.md's `field`), else empty.
    QString error;
    QString errorField;
    // The key created, the successor of a rotation, the key revoked or renamed.
    ApiKey key;
    // A rotation's predecessor, now expiring and linked to `key`.
    std::optional<ApiKey> previous;
    // A create's or rotation's new secret: handed to the one caller, kept nowhere else.
    QByteArray secret;
};

// One request of the KeyService, for the one caller that made it (as Nextcloud's jobs
// and Kleopatra's commands): `finished` comes exactly once, queued (so a caller connects
// after asking), and the operation deletes itself after it.
class KeyOperation : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Emits `finished` once, later in the event loop, then deletes this operation.
    void finish(KeyResult result);

Q_SIGNALS:
    void finished(const knotie::KeyResult &result);

private:
    bool m_finishing = false;
};

} // namespace knotie

Q_DECLARE_METATYPE(knotie::KeyResult)
