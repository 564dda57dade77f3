#pragma once

#include "models/data/apikey.h"

#include <QObject>

namespace knotie {

class KeyOperation;
class KeyService;
struct KeyResult;

// When a rotated key's successor expires. The gateway gives a successor no expiry unless
// asked (API.md), so a rotation that says nothing would turn a 90-day key into one that
// never expires; the default keeps each key's lifetime instead.
struct SuccessorExpiry {
    enum class Kind { SameLifetime, Never, AfterDays };
    Kind kind = Kind::SameLifetime;
    int days = 0; // AfterDays only

    // The successor's expiry for `predecessor` rotated at `now`; 0 for never. Same lifetime:
    // as long from now as the predecessor had from its creation to its expiry.
    UnixTime expiresAt(const ApiKey &predecessor, UnixTime now) const;
    bool operator==(const SuccessorExpiry &) const = default;
};

// Rotates or revokes a list of keys one after another through the KeyService, each
// answer coming by that key's own KeyOperation, and says at the end what happened to
// each. Used for one key, a bulk selection, and the keys of a team member who leaves.
class KeyBatch : public QObject {
    Q_OBJECT
public:
    enum class Action { Rotate, Revoke, HandOver };
    // One key and what happens to it; `custodianId` for HandOver only.
    struct Step {
        ApiKey key;
        Action action = Action::Revoke;
        QString custodianId;
    };
    struct Outcome {
        ApiKey key;
        Action action = Action::Revoke;
        bool ok = false;
        QString error; // why not, for a person
    };

    // The same action for every key.
    KeyBatch(KeyService *service, Action action, const QList<knotie::ApiKey> &keys, int graceSeconds = 86400,
             QObject *parent = nullptr);
    // Each key its own action (a member who leaves: rotate one, hand another over, ...).
    KeyBatch(KeyService *service, QList<Step> steps, int graceSeconds = 86400, QObject *parent = nullptr);

    // Rotation only; set before start().
    void setSuccessorExpiry(SuccessorExpiry expiry) { m_expiry = expiry; }
    void start();
    // The action of the first step (a batch of one action: its action).
    Action action() const { return m_steps.isEmpty() ? Action::Revoke : m_steps.first().action; }
    const QList<Outcome> &outcomes() const { return m_outcomes; }
    int succeeded() const;
    // "2 keys rotated, 1 failed: “Zapier hooks”: …", for the end of the flow.
    QString summary() const;

Q_SIGNALS:
    // A rotation's new secret, to be shown once and then forgotten.
    void secretIssued(const knotie::ApiKey &key, const QByteArray &secret);
    void progress(int done, int total);
    void finished();

private:
    void next();
    void settle(const knotie::KeyResult &result);

    KeyService *m_service;
    QList<Step> m_steps;
    int m_grace;
    SuccessorExpiry m_expiry;
    int m_current = -1;
    QList<Outcome> m_outcomes;
};

} // namespace knotie
