#include "models/keys/keybatch.h"

#include "models/keys/keyservice.h"

#include <QDateTime>

namespace knotie {

UnixTime SuccessorExpiry::expiresAt(const ApiKey &predecessor, UnixTime now) const {
    switch (kind) {
    case Kind::SameLifetime:
        return predecessor.expiresAt ? now + qMax<UnixTime>(predecessor.expiresAt - predecessor.createdAt, 60)
                                     : 0;
    case Kind::Never:
        return 0;
    case Kind::AfterDays:
        return now + UnixTime(days) * 86400;
    }
    return 0;
}

KeyBatch::KeyBatch(KeyService *service, Action action, QList<ApiKey> keys, int graceSeconds, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_action(action)
    , m_keys(std::move(keys))
    , m_grace(graceSeconds) {}

void KeyBatch::start() {
    next();
}

void KeyBatch::next() {
    ++m_current;
    Q_EMIT progress(m_current, int(m_keys.size()));
    if (m_current >= m_keys.size()) {
        Q_EMIT finished();
        return;
    }
    const ApiKey &key = m_keys[m_current];
    // One key at a time: the gateway's answers (and the secrets) come in the list's order.
    KeyOperation *operation =
        m_action == Action::Rotate
            ? m_service->rotate(key.id, m_grace, m_expiry.expiresAt(key, QDateTime::currentSecsSinceEpoch()))
            : m_service->revoke(key.id);
    connect(operation, &KeyOperation::finished, this, &KeyBatch::settle);
}

void KeyBatch::settle(const KeyResult &result) {
    m_outcomes.append({m_keys[m_current], result.ok, result.error});
    if (result.ok && m_action == Action::Rotate)
        Q_EMIT secretIssued(result.key, result.secret);
    // Operations answer queued, so a long list does not recurse.
    next();
}

int KeyBatch::succeeded() const {
    return int(std::count_if(m_outcomes.begin(), m_outcomes.end(), [](const Outcome &o) { return o.ok; }));
}

QString KeyBatch::summary() const {
    const int ok = succeeded();
    QString text = m_action == Action::Rotate ? tr("%n key(s) rotated.", nullptr, ok)
                                              : tr("%n key(s) revoked.", nullptr, ok);
    for (const Outcome &o : m_outcomes)
        if (!o.ok)
            text += QLatin1Char('\n') + tr("%1 was not changed: %2").arg(keyLabel(o.key), o.error);
    return text;
}

} // namespace knotie
