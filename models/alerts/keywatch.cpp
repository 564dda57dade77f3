#include "models/alerts/keywatch.h"

#include "models/analytics/usageservice.h"
#include "models/keys/keystore.h"
#include "models/session/access.h"
#include "models/session/session.h"

#include <QDateTime>

#include <algorithm>

namespace knotie {

KeyWatch::KeyWatch(Session *session, KeyStore *keys, UsageService *usage, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_keys(keys)
    , m_usage(usage) {
    m_timer.setInterval(checkIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &KeyWatch::checkNow);
    // A pass over every key runs on this (the GUI) thread and costs about 1 µs a key:
    // a burst of changes (a sync, live changes one after another) gets one pass.
    m_evaluateSoon.setSingleShot(true);
    m_evaluateSoon.setInterval(evaluateDelayMs);
    connect(&m_evaluateSoon, &QTimer::timeout, this, &KeyWatch::evaluate);
    connect(m_keys, &KeyStore::keysChanged, &m_evaluateSoon, qOverload<>(&QTimer::start));
    connect(m_keys, &KeyStore::reset, &m_evaluateSoon, qOverload<>(&QTimer::start));
}

KeyWatch::~KeyWatch() = default;

qint64 KeyWatch::now() const {
    return m_clock ? m_clock() : QDateTime::currentSecsSinceEpoch();
}

void KeyWatch::start() {
    m_memory = std::make_unique<AlertMemory>(m_session->account().partnerId);
    m_timer.start();
    checkNow();
}

void KeyWatch::checkNow() {
    evaluate();
    fetchTraffic();
}

void KeyWatch::evaluate() {
    if (!m_memory)
        return; // not started
    AlertInputs in;
    in.keys = m_keys->keys();
    in.activity = m_activity;
    in.warnings = alertsettings::usageWarnings(m_session->account().partnerId);
    in.now = now();
    in.enabled = alertsettings::enabledKinds();
    in.notified = m_memory->notified();
    const AlertDecision decision = alertsDue(in);
    QStringList remembered = decision.quiet;
    for (const KeyAlert &a : decision.show)
        remembered.append(a.eventId);
    m_memory->remember(remembered, in.now);
    if (!decision.show.isEmpty())
        Q_EMIT alertsReady(decision.show);
}

void KeyWatch::fetchTraffic() {
    const QSet<AlertKind> enabled = alertsettings::enabledKinds();
    const bool wanted = enabled.contains(AlertKind::ErrorBurst) || enabled.contains(AlertKind::RateLimited) ||
                        enabled.contains(AlertKind::UsageThreshold);
    // /v1/usage/keys needs analytics.view or settings.manage, the latest requests the same.
    const Account &account = m_session->account();
    if (!m_memory || !wanted ||
        !(Access::mayDo(account, Action::ViewUsage) || Access::mayDo(account, Action::ManageKeys)))
        return;
    // Today (UTC), and yesterday too while the last 15 minutes reach into it.
    const qint64 t = now();
    UsageQuery query;
    query.bucket = BucketSize::Day;
    query.from = (t - alertrules::windowSeconds) / 86400 * 86400;
    query.to = t / 86400 * 86400 + 86400;
    const quint64 round = ++m_round;
    connect(m_usage->loadKeyUsage(query, QStringLiteral("alerts:today")), &UsageOperation::finished, this,
            [this, round, t](const UsageResult &r) {
                if (round != m_round)
                    return;
                if (r.failure)
                    return Q_EMIT trafficChecked();
                readLatestRequests(round, t, r.answer.keys);
            });
}

void KeyWatch::readLatestRequests(quint64 round, qint64 t, const QList<KeyUsage> &usage) {
    const QHash<QString, UsageWarning> warnings =
        alertsettings::usageWarnings(m_session->account().partnerId);
    QHash<QString, KeyActivity> activity;
    QList<KeyUsage> candidates;
    for (const KeyUsage &u : usage) {
        KeyActivity a;
        a.known = true;
        a.requestsToday = u.series.isEmpty() ? u.requests : u.series.constLast();
        activity.insert(u.keyId, a);
        // What the last 15 minutes need at least, counted over the whole range.
        const bool mayBurst = u.requests >= alertrules::burstMinRequests &&
                              u.errors * 100 > alertrules::burstMinRequests * alertrules::burstErrorPercent;
        const bool mayBeLimited = u.rateLimited >= alertrules::rateLimitedMinutes;
        const bool watched = warnings.value(u.keyId).percentOfRateLimit > 0 && u.requests > 0;
        if (mayBurst || mayBeLimited || watched)
            candidates.append(u);
    }
    // The keys with the most errors first, when more could qualify than are read.
    std::stable_sort(candidates.begin(), candidates.end(), [](const KeyUsage &a, const KeyUsage &b) {
        return a.errors + a.rateLimited > b.errors + b.rateLimited;
    });
    candidates = candidates.mid(0, maxKeysRead);
    m_activity = activity;
    if (candidates.isEmpty()) {
        evaluate();
        return Q_EMIT trafficChecked();
    }
    auto open = std::make_shared<qsizetype>(candidates.size());
    for (const KeyUsage &u : std::as_const(candidates)) {
        auto *job = new KeyRequestsJob(m_session->connection(), u.keyId, requestsRead, this);
        job->setAutoDelete(true);
        connect(job, &GatewayJob::finished, this,
                [this, job, round, t, open, keyId = u.keyId](const GatewayResult &res) {
                    if (round != m_round)
                        return;
                    if (res.ok()) {
                        const ApiKey *key = m_keys->find(keyId);
                        KeyActivity a =
                            activityFromRequests(job->requests(), t, key ? key->rateLimit : std::nullopt);
                        a.requestsToday = m_activity.value(keyId).requestsToday;
                        m_activity.insert(keyId, a);
                    }
                    if (--*open > 0)
                        return;
                    evaluate();
                    Q_EMIT trafficChecked();
                });
        job->start();
    }
}

} // namespace knotie
