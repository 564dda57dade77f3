#include "models/keys/keyservice.h"

#include "models/session/session.h"
#include "models/sync/synccontroller.h"

namespace knotie {

KeyService::KeyService(Session *session, SyncController *sync, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_sync(sync) {}

QString KeyService::refusal() const {
    if (!m_session->isSignedIn())
        return tr("Sign in first.");
    if (!Access::mayDo(m_session->account(), Action::ManageKeys))
        return Access::deniedMessage(m_session->account(), Action::ManageKeys);
    return m_sync ? m_sync->state()->refusal() : QString();
}

KeyOperation *KeyService::begin(bool *mayRun) {
    auto *operation = new KeyOperation(this);
    const QString reason = refusal();
    *mayRun = reason.isEmpty();
    if (!*mayRun) {
        KeyResult refused;
        refused.refused = true;
        refused.error = reason;
        operation->finish(std::move(refused));
    }
    return operation;
}

void KeyService::run(KeyOperation *operation, GatewayJob *job, std::function<void(KeyResult &)> onSuccess) {
    job->setAutoDelete(true);
    m_session->watch(job);
    connect(job, &GatewayJob::finished, operation, [this, operation, onSuccess](const GatewayResult &r) {
        KeyResult result;
        if (r.ok()) {
            result.ok = true;
            onSuccess(result);
            store(result);
        } else {
            result.error = r.message;
            result.errorField = r.errorField;
            // The gateway did not answer: let the sync find out and go offline if so.
            if (r.isConnectivityFailure() && m_sync)
                m_sync->syncNow();
        }
        operation->finish(std::move(result));
    });
    job->start();
}

void KeyService::store(const KeyResult &result) {
    if (!m_sync)
        return;
    QList<ApiKey> keys{result.key};
    if (result.previous)
        keys.prepend(*result.previous);
    m_sync->storeKeys(keys);
}

KeyOperation *KeyService::create(const KeyDraft &draft) {
    bool mayRun = false;
    KeyOperation *operation = begin(&mayRun);
    if (!mayRun)
        return operation;
    auto *job = new CreateKeyJob(m_session->connection(), draft, this);
    run(operation, job, [job](KeyResult &result) {
        result.key = job->created().key;
        result.secret = job->takeSecret();
    });
    return operation;
}

KeyOperation *KeyService::rotate(const QString &keyId, int graceSeconds, UnixTime expiresAt) {
    bool mayRun = false;
    KeyOperation *operation = begin(&mayRun);
    if (!mayRun)
        return operation;
    auto *job = new RotateKeyJob(m_session->connection(), keyId, graceSeconds, expiresAt, this);
    run(operation, job, [job](KeyResult &result) {
        result.key = job->created().key;
        result.previous = job->created().previous;
        result.secret = job->takeSecret();
    });
    return operation;
}

KeyOperation *KeyService::revoke(const QString &keyId) {
    bool mayRun = false;
    KeyOperation *operation = begin(&mayRun);
    if (!mayRun)
        return operation;
    auto *job = new RevokeKeyJob(m_session->connection(), keyId, this);
    run(operation, job, [job](KeyResult &result) { result.key = job->key(); });
    return operation;
}

KeyOperation *KeyService::update(const QString &keyId, std::optional<QString> name,
                                 std::optional<QString> description) {
    bool mayRun = false;
    KeyOperation *operation = begin(&mayRun);
    if (!mayRun)
        return operation;
    auto *job =
        new UpdateKeyJob(m_session->connection(), keyId, std::move(name), std::move(description), this);
    run(operation, job, [job](KeyResult &result) { result.key = job->key(); });
    return operation;
}

KeyOperation *KeyService::changeLimits(const QString &keyId, const KeyLimits &limits) {
    bool mayRun = false;
    KeyOperation *operation = begin(&mayRun);
    if (!mayRun)
        return operation;
    auto *job = new ChangeKeyLimitsJob(m_session->connection(), keyId, limits, this);
    run(operation, job, [job](KeyResult &result) { result.key = job->key(); });
    return operation;
}

KeyOperation *KeyService::handOver(const QString &keyId, const QString &custodianId) {
    bool mayRun = false;
    KeyOperation *operation = begin(&mayRun);
    if (!mayRun)
        return operation;
    auto *job = new HandOverKeyJob(m_session->connection(), keyId, custodianId, this);
    run(operation, job, [job](KeyResult &result) { result.key = job->key(); });
    return operation;
}

} // namespace knotie
