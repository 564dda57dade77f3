#pragma once

#include "models/alerts/alertsettings.h"
#include "models/alerts/keyalerts.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace knotie {

class KeyStore;
class Session;
class UsageService;

// Decides, from what the portal already holds, which warnings are due (alertsDue) and
// hands each to whoever shows them, once. Expiry and grace come from the KeyStore, so
// they are checked whenever the keys change and every minute. Traffic (bursts, rate
// limiting, usage warnings) needs the last 15 minutes, which no sync fetches: once a
// minute one GET /v1/usage/keys for today finds the keys that could qualify, and only
// those keys' latest requests are read (at most `maxKeysRead` per minute).
class KeyWatch : public QObject {
    Q_OBJECT
public:
    KeyWatch(Session *session, KeyStore *keys, UsageService *usage, QObject *parent = nullptr);
    ~KeyWatch() override;

    static constexpr int checkIntervalMs = 60 * 1000;
    static constexpr int evaluateDelayMs = 500;
    static constexpr int maxKeysRead = 20;
    static constexpr int requestsRead = 500; // of one key's latest requests

    // Starts watching (after the keys of the cache arrived or at once).
    void start();
    // Tests pin the clock to the gateway's test clock.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    // Checks now: expiry at once, traffic when the gateway answered.
    void checkNow();

Q_SIGNALS:
    // Warnings to show now; each is remembered as shown when this is emitted.
    void alertsReady(const QList<knotie::KeyAlert> &alerts);
    // A traffic check ended: the gateway's answers were weighed (or it did not answer).
    void trafficChecked();

private:
    qint64 now() const;
    void evaluate();
    void fetchTraffic();
    // Weighs today's usage per key, then reads the latest requests of the keys that could qualify.
    void readLatestRequests(quint64 round, qint64 t, const QList<KeyUsage> &usage);

    Session *m_session;
    KeyStore *m_keys;
    UsageService *m_usage;
    QTimer m_timer;
    QTimer m_evaluateSoon;
    std::function<qint64()> m_clock;
    std::unique_ptr<AlertMemory> m_memory;
    QHash<QString, KeyActivity> m_activity;
    quint64 m_round = 0; // bumped for every traffic check, so a late answer of an older one is ignored
};

} // namespace knotie
