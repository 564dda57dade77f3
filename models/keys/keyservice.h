#pragma once

#include "models/network/keyjobs.h"

#include <QObject>

namespace knotie {

class Session;
class SyncController;

// The key actions of the API Keys screen: create, rotate, revoke, rename. Each asks
// first whether it may run (signed in, allowed, gateway reachable) and says why not;
// each is sent exactly once; what the gateway answers goes into the cache and the key
// model at once; a new secret is handed out exactly once, by secretIssued, and kept
// nowhere here.
class KeyService : public QObject {
    Q_OBJECT
public:
    KeyService(Session *session, SyncController *sync, QObject *parent = nullptr);

    // Empty when key actions may run now; else the sentence that says why not.
    QString refusal() const;

    void create(const knotie::KeyDraft &draft);
    void rotate(const QString &keyId, int graceSeconds = 86400, UnixTime expiresAt = 0);
    void revoke(const QString &keyId);
    void update(const QString &keyId, std::optional<QString> name, std::optional<QString> description);

Q_SIGNALS:
    void refused(const QString &reason);
    void secretIssued(const knotie::ApiKey &key, const QByteArray &secret);
    void keyChanged(const knotie::ApiKey &key);
    // `field` names the form field a 422 is about (API.md's `field`), else empty.
    void failed(const QString &message, const QString &field);

private:
    bool mayRun();
    void run(GatewayJob *job, std::function<void()> onSuccess);
    void store(const QList<ApiKey> &keys);

    Session *m_session;
    SyncController *m_sync;
};

} // namespace knotie
