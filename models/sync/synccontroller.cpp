#include "models/sync/synccontroller.h"

#include "models/logging.h"
#include "models/threadplacement.h"

#include <QDateTime>

#ifdef Q_OS_LINUX
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace knotie {

namespace {
// The data thread reads the whole cache at start and merges every sync: bulk work nobody
// waits for row by row. As a batch thread at a lower priority it does not preempt the GUI
// thread when the two share a core, as they do for a while after it starts. Measured with
// bench_keytable, starts whose first frame came 2 ms or more late went from 20 to 10 in 100.
// (QThread::LowPriority does nothing under Linux's normal scheduling policy.)
void runBelowTheGuiThread() {
#ifdef Q_OS_LINUX
    const sched_param normal{};
    if (pthread_setschedparam(pthread_self(), SCHED_BATCH, &normal) != 0 ||
        setpriority(PRIO_PROCESS, gettid(), 10) != 0)
        qCDebug(lcSync) << "the data thread keeps the normal priority:" << qt_error_string(errno);
#endif
}
} // namespace

SyncController::SyncController(QObject *parent)
    : QObject(parent)
    , m_worker(new SyncWorker)
    , m_state(new ConnectionState(this)) {
    m_thread.setObjectName(QStringLiteral("knotie-data"));
    m_worker->moveToThread(&m_thread);
    // Deleted in its own thread, after the loop ends, so the cache's connection is
    // removed where it was made.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(
        &m_thread, &QThread::started, m_worker,
        [starter = currentProcessor()] {
            leaveCreatorsProcessor(starter);
            runBelowTheGuiThread();
        },
        Qt::DirectConnection);
    m_thread.start();

    connect(m_worker, &SyncWorker::cacheOpened, this,
            [this](Cache::OpenStatus status, const QString &message, UnixTime lastSyncedAt) {
                if (lastSyncedAt)
                    m_state->setLastSyncedAt(lastSyncedAt);
                if (status != Cache::OpenStatus::Ok)
                    Q_EMIT notice(message);
            });
    connect(m_worker, &SyncWorker::syncStarted, this, [this] { m_state->setSyncing(); });
    connect(m_worker, &SyncWorker::syncSucceeded, this, [this](UnixTime syncedAt) {
        m_reconnect.stop();
        m_reconnectMs = m_firstReconnectMs;
        m_state->setOnline(syncedAt);
    });
    connect(m_worker, &SyncWorker::syncFailed, this, &SyncController::onSyncFailed);
    connect(m_worker, &SyncWorker::followingChanged, m_state, &ConnectionState::setLive);
    connect(m_worker, &SyncWorker::changesFollowed, m_state, &ConnectionState::setFresh);
    connect(m_worker, &SyncWorker::followFailed, this, &SyncController::onFollowFailed);

    m_periodic.setInterval(5 * 60 * 1000);
    connect(&m_periodic, &QTimer::timeout, this, &SyncController::syncNow);
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &SyncController::syncNow);
}

SyncController::~SyncController() {
    stop();
    m_thread.quit();
    m_thread.wait();
}

void SyncController::start(const QString &cachePath, const GatewayConnection &connection, SyncParts parts) {
    m_parts = parts;
    m_running = true;
    QMetaObject::invokeMethod(m_worker,
                              [w = m_worker, follow = m_followChanges] { w->setFollowChanges(follow); });
    QMetaObject::invokeMethod(m_worker, [this, w = m_worker, cachePath] {
        if (w->openCacheAhead(cachePath))
            QMetaObject::invokeMethod(this, &SyncController::readCacheAfterRepaint, Qt::QueuedConnection);
    });
    setConnection(connection);
    syncNow();
    m_periodic.start();
}

// The screenful was ahead of this call in the GUI thread's queue, so it is in the table,
// and the repaint it asked for is queued. The whole cache is read once that repaint is
// done: the window's frame with the screenful is not painted with the bulk read sharing
// its core. (bench_keytable: first frames 2 ms or more late went from 21 to 1 in 50.)
void SyncController::readCacheAfterRepaint() {
    QMetaObject::invokeMethod(
        this, [w = m_worker] { QMetaObject::invokeMethod(w, &SyncWorker::readCache); }, Qt::QueuedConnection);
}

void SyncController::stop() {
    m_running = false;
    m_periodic.stop();
    m_reconnect.stop();
    m_state->setLive(false);
    QMetaObject::invokeMethod(m_worker, [w = m_worker] {
        w->setFollowChanges(false);
        w->closeCache();
    });
}

void SyncController::setConnection(const GatewayConnection &connection) {
    QMetaObject::invokeMethod(m_worker, [w = m_worker, connection] { w->setConnection(connection); });
}

void SyncController::syncNow() {
    if (!m_running)
        return;
    const SyncParts parts = m_parts;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, parts] { w->sync(parts); });
}

void SyncController::setReconnectDelays(int firstMs, int maxMs) {
    m_firstReconnectMs = m_reconnectMs = firstMs;
    m_maxReconnectMs = maxMs;
}

void SyncController::storeKeys(const QList<ApiKey> &keys) {
    QMetaObject::invokeMethod(m_worker, [w = m_worker, keys] { w->storeKeys(keys); });
}

// A change wait failed. Unreachable, signed out or refused: as a failed sync. Otherwise
// (the gateway answered with an error) the data stays as it was, the status line says
// how old it is, and a sync after a growing pause starts following again.
void SyncController::onFollowFailed(const GatewayResult &result) {
    const bool unauthorised = result.status == GatewayResult::Status::HttpError && result.httpStatus == 401;
    if (result.isConnectivityFailure() || unauthorised || result.isPermissionDenied())
        return onSyncFailed(result);
    scheduleRetry();
}

void SyncController::scheduleRetry() {
    if (!m_running || m_reconnect.isActive())
        return;
    qCInfo(lcSync) << "trying again in" << m_reconnectMs << "ms";
    m_reconnect.start(m_reconnectMs);
    m_reconnectMs = qMin(m_maxReconnectMs, m_reconnectMs * 2);
}

void SyncController::onSyncFailed(const GatewayResult &result) {
    if (result.isConnectivityFailure()) {
        m_state->setOffline(result.message, QDateTime::currentSecsSinceEpoch());
        scheduleRetry();
        return;
    }
    // The gateway answered, so the portal is online, just not allowed or not signed in.
    m_state->setOnline(m_state->lastSyncedAt());
    if (result.isPermissionDenied())
        Q_EMIT permissionDenied();
    else if (result.status == GatewayResult::Status::HttpError && result.httpStatus == 401)
        Q_EMIT sessionEnded(result.message);
    else
        Q_EMIT notice(result.message);
}

} // namespace knotie
