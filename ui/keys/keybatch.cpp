#include "ui/keys/keybatch.h"

#include "models/keys/keyservice.h"

#include <QTimer>

namespace knotie {

KeyBatch::KeyBatch(KeyService *service, Action action, QList<ApiKey> keys, int graceSeconds, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_action(action)
    , m_keys(std::move(keys))
    , m_grace(graceSeconds) {
    connect(service, &KeyService::secretIssued, this, [this](const ApiKey &key, const QByteArray &secret) {
        if (m_action != Action::Rotate || m_current < 0 || m_current >= m_keys.size() ||
            key.replaces != m_keys[m_current].id)
            return;
        Q_EMIT secretIssued(key, secret);
        settle(true, {});
    });
    connect(service, &KeyService::keyChanged, this, [this](const ApiKey &key) {
        if (m_action == Action::Revoke && m_current >= 0 && m_current < m_keys.size() &&
            key.id == m_keys[m_current].id && key.status == KeyStatus::Revoked)
            settle(true, {});
    });
    connect(service, &KeyService::failed, this, [this](const QString &message) { settle(false, message); });
    connect(service, &KeyService::refused, this, [this](const QString &reason) { settle(false, reason); });
}

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
    const QString id = m_keys[m_current].id;
    if (m_action == Action::Rotate)
        m_service->rotate(id, m_grace);
    else
        m_service->revoke(id);
}

void KeyBatch::settle(bool ok, const QString &error) {
    if (m_current < 0 || m_current >= m_keys.size() || m_outcomes.size() > m_current)
        return;
    m_outcomes.append({m_keys[m_current], ok, error});
    // Queued: a refusal arrives inside rotate() itself, and a long list must not recurse.
    QTimer::singleShot(0, this, &KeyBatch::next);
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
            text += QLatin1Char('\n') + tr("“%1” was not changed: %2").arg(o.key.name, o.error);
    return text;
}

} // namespace knotie
