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

bool KeyService::mayRun() {
    const QString reason = refusal();
    if (reason.isEmpty())
        return true;
    Q_EMIT refused(reason);
    return false;
}

void KeyService::run(GatewayJob *job, std::function<void()> onSuccess) {
    job->setAutoDelete(true);
    m_session->watch(job);
    connect(job, &GatewayJob::finished, this, [this, onSuccess](const GatewayResult &r) {
        if (r.ok())
            return onSuccess();
        Q_EMIT failed(r.message, r.errorField);
        // The gateway did not answer: let the sync find out and go offline if so.
        if (r.isConnectivityFailure() && m_sync)
            m_sync->syncNow();
    });
    job->start();
}

void KeyService::store(const QList<ApiKey> &keys) {
    if (m_sync)
        m_sync->storeKeys(keys);
    for (const ApiKey &k : keys)
        Q_EMIT keyChanged(k);
}

void KeyService::create(const KeyDraft &draft) {
    if (!mayRun())
        return;
    auto *job = new CreateKeyJob(m_session->connection(), draft, this);
    run(job, [this, job] {
        store({job->created().key});
        Q_EMIT secretIssued(job->created().key, job->takeSecret());
    });
}

void KeyService::rotate(const QString &keyId, int graceSeconds, UnixTime expiresAt) {
    if (!mayRun())
        return;
    auto *job = new RotateKeyJob(m_session->connection(), keyId, graceSeconds, expiresAt, this);
    run(job, [this, job] {
        QList<ApiKey> keys{job->created().key};
        if (job->created().previous)
            keys.prepend(*job->created().previous);
        store(keys);
        Q_EMIT secretIssued(job->created().key, job->takeSecret());
    });
}

void KeyService::revoke(const QString &keyId) {
    if (!mayRun())
        return;
    auto *job = new RevokeKeyJob(m_session->connection(), keyId, this);
    run(job, [this, job] { store({job->key()}); });
}

void KeyService::update(const QString &keyId, std::optional<QString> name,
                        std::optional<QString> description) {
    if (!mayRun())
        return;
    auto *job =
        new UpdateKeyJob(m_session->connection(), keyId, std::move(name), std::move(description), this);
    run(job, [this, job] { store({job->key()}); });
}

} // namespace knotie
