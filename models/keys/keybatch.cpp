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

namespace {
QList<KeyBatch::Step> sameAction(KeyBatch::Action action, const QList<ApiKey> &keys) {
    QList<KeyBatch::Step> steps;
    steps.reserve(keys.size());
    for (const ApiKey &key : keys)
        steps.append({key, action, {}});
    return steps;
}
} // namespace

KeyBatch::KeyBatch(KeyService *service, Action action, const QList<ApiKey> &keys, int graceSeconds,
                   QObject *parent)
    : KeyBatch(service, sameAction(action, keys), graceSeconds, parent) {}

KeyBatch::KeyBatch(KeyService *service, QList<Step> steps, int graceSeconds, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_steps(std::move(steps))
    , m_grace(graceSeconds) {}

void KeyBatch::start() {
    next();
}

void KeyBatch::next() {
    ++m_current;
    Q_EMIT progress(m_current, int(m_steps.size()));
    if (m_current >= m_steps.size()) {
        Q_EMIT finished();
        return;
    }
    const Step &step = m_steps[m_current];
    // One key at a time: the gateway's answers (and the secrets) come in the list's order.
    KeyOperation *operation = nullptr;
    switch (step.action) {
    case Action::Rotate:
        operation = m_service->rotate(step.key.id, m_grace,
                                      m_expiry.expiresAt(step.key, QDateTime::currentSecsSinceEpoch()));
        break;
    case Action::Revoke:
        operation = m_service->revoke(step.key.id);
        break;
    case Action::HandOver:
        operation = m_service->handOver(step.key.id, step.custodianId);
        break;
    }
    connect(operation, &KeyOperation::finished, this, &KeyBatch::settle);
}

void KeyBatch::settle(const KeyResult &result) {
    const Step &step = m_steps[m_current];
    m_outcomes.append({step.key, step.action, result.ok, result.error});
    if (result.ok && step.action == Action::Rotate)
        Q_EMIT secretIssued(result.key, result.secret);
    // Operations answer queued, so a long list does not recurse.
    next();
}

int KeyBatch::succeeded() const {
    return int(std::count_if(m_outcomes.begin(), m_outcomes.end(), [](const Outcome &o) { return o.ok; }));
}

QString KeyBatch::summary() const {
    QStringList lines;
    for (const Action action : {Action::Rotate, Action::HandOver, Action::Revoke}) {
        const bool planned = std::any_of(m_steps.begin(), m_steps.end(),
                                         [action](const Step &s) { return s.action == action; });
        if (!planned)
            continue;
        const int ok = int(std::count_if(m_outcomes.begin(), m_outcomes.end(),
                                         [action](const Outcome &o) { return o.ok && o.action == action; }));
        switch (action) {
        case Action::Rotate:
            lines.append(tr("%n key(s) rotated.", nullptr, ok));
            break;
        case Action::HandOver:
            lines.append(tr("%n key(s) handed over.", nullptr, ok));
            break;
        case Action::Revoke:
            lines.append(tr("%n key(s) revoked.", nullptr, ok));
            break;
        }
    }
    for (const Outcome &o : m_outcomes)
        if (!o.ok)
            lines.append(tr("%1 was not changed: %2").arg(keyLabel(o.key), o.error));
    return lines.join(QLatin1Char('\n'));
}

} // namespace knotie
