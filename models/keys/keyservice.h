#pragma once

#include "models/keys/keyoperation.h"
#include "models/network/keyjobs.h"

#include <QObject>

namespace knotie {

class GatewayJob;
class Session;
class SyncController;

// The key actions: create, rotate, revoke, rename, change limits. Each asks first whether it may run
// (signed in, allowed, gateway reachable) and says why not; each is sent exactly once;
// what the gateway answers goes into the cache and the key store at once. Every call
// returns its own KeyOperation, whose one `finished` answers that caller alone; a new
// secret travels in that answer and is kept nowhere here.
class KeyService : public QObject {
    Q_OBJECT
public:
    KeyService(Session *session, SyncController *sync, QObject *parent = nullptr);

    // Empty when key actions may run now; else the sentence that says why not.
    QString refusal() const;

    KeyOperation *create(const knotie::KeyDraft &draft);
    KeyOperation *rotate(const QString &keyId, int graceSeconds = 86400, UnixTime expiresAt = 0);
    KeyOperation *revoke(const QString &keyId);
    KeyOperation *update(const QString &keyId, std::optional<QString> name,
                         std::optional<QString> description);
    // An active key's rate limit and expiry (API.md v1.1); both as given.
    KeyOperation *changeLimits(const QString &keyId, const knotie::KeyLimits &limits);
    // Hands an active key to another current team member (API.md v1.1 custody).
    KeyOperation *handOver(const QString &keyId, const QString &custodianId);

private:
    // The operation for one request; already finished (refused) when the request may not run.
    KeyOperation *begin(bool *mayRun);
    void run(KeyOperation *operation, GatewayJob *job, std::function<void(KeyResult &)> onSuccess);
    void store(const KeyResult &result);

    Session *m_session;
    SyncController *m_sync;
};

} // namespace knotie
