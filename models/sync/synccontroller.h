#pragma once

#include "models/sync/connectionstate.h"
#include "models/sync/syncworker.h"

#include <QObject>
#include <QThread>
#include <QTimer>

namespace knotie {

// The GUI thread's handle on the data worker: it runs a SyncWorker on its own QThread,
// syncs on start, on demand and every 5 minutes as a backstop (between, the worker
// follows changes as they happen: docs/architecture.md), keeps the ConnectionState, and when the
// gateway cannot be reached keeps trying by itself with growing pauses (1 s, 2 s, … up to
// a minute). Connect to worker()'s signals for the data: they arrive queued.
class SyncController : public QObject {
    Q_OBJECT
public:
    explicit SyncController(QObject *parent = nullptr);
    ~SyncController() override;

    SyncWorker *worker() const { return m_worker; }
    ConnectionState *state() const { return m_state; }

    // Opens the cache (which the screens see at once) and syncs what `parts` names.
    void start(const QString &cachePath, const GatewayConnection &connection, SyncParts parts);
    void stop();
    void setParts(SyncParts parts) { m_parts = parts; }
    void setConnection(const GatewayConnection &connection);
    void syncNow();
    void setInterval(int milliseconds) { m_periodic.setInterval(milliseconds); }
    // Whether start() follows changes as they happen (the default) or only syncs.
    void setFollowChanges(bool follow) { m_followChanges = follow; }
    void setReconnectDelays(int firstMs, int maxMs);
    void storeKeys(const QList<ApiKey> &keys);

Q_SIGNALS:
    // The damaged-cache notice and the like, to show once.
    void notice(const QString &message);
    // A 403 during sync: permissions changed, the session should read /v1/me again.
    void permissionDenied();
    // A 401: the session ended at the gateway.
    void sessionEnded(const QString &message);

private:
    void readCacheAfterRepaint();
    void onSyncFailed(const GatewayResult &result);
    void onFollowFailed(const GatewayResult &result);
    void scheduleRetry();

    QThread m_thread;
    SyncWorker *m_worker;
    ConnectionState *m_state;
    QTimer m_periodic;
    QTimer m_reconnect;
    SyncParts m_parts;
    int m_firstReconnectMs = 1000;
    int m_maxReconnectMs = 60000;
    int m_reconnectMs = 1000;
    bool m_running = false;
    bool m_followChanges = true;
};

} // namespace knotie
