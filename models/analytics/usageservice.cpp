#include "models/analytics/usageservice.h"

namespace knotie {

UsageService::UsageService(SyncWorker *worker, QObject *parent)
    : QObject(parent)
    , m_worker(worker) {
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &UsageService::refresh);
    bool set = false;
    if (const int ms = qEnvironmentVariableIntValue("KNOTIE_USAGE_REFRESH_MS", &set); set && ms > 0)
        m_refreshInterval = ms;
    m_sinceRefresh.start();
    m_refreshTimer.start(m_refreshInterval);
    connect(worker, &SyncWorker::syncSucceeded, this, [this] {
        if (m_visible)
            refresh();
    });
    connect(worker, &SyncWorker::usageCached, this, [this](quint64 request, const UsageSeries &series) {
        preview(request, {series, {}, true, std::nullopt, {}});
    });
    connect(worker, &SyncWorker::usageLoaded, this,
            [this](quint64 request, const UsageSeries &series, bool fromCache) {
                finish(request, {series, {}, fromCache, std::nullopt, {}});
            });
    connect(worker, &SyncWorker::usageAnswerLoaded, this, [this](quint64 request, const UsageAnswer &answer) {
        // A kept answer stands in while the gateway's is on its way.
        if (answer.fromCache)
            preview(request, {{}, answer, true, std::nullopt, {}});
        else
            finish(request, {{}, answer, false, std::nullopt, {}});
    });
    connect(worker, &SyncWorker::usageAnswerFailed, this,
            [this](quint64 request, const GatewayResult &result) {
                finish(request, {{}, {}, false, result, {}});
            });
    connect(worker, &SyncWorker::usageErrorsLoaded, this,
            [this](quint64 request, const QList<UsageErrorCount> &errors) {
                finish(request, {{}, {}, false, std::nullopt, errors});
            });
    connect(worker, &SyncWorker::usageErrorsFailed, this,
            [this](quint64 request, const GatewayResult &result) {
                finish(request, {{}, {}, false, result, {}});
            });
}

std::pair<UsageOperation *, quint64> UsageService::begin() {
    auto *operation = new UsageOperation(this);
    const quint64 request = ++m_lastRequest;
    m_open.insert(request, operation);
    return {operation, request};
}

UsageOperation *UsageService::loadSeries(const UsageQuery &query, const QString &scope) {
    const auto [operation, request] = begin();
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker.data(),
            [worker = m_worker, query, scope, request] { worker->fetchUsage(query, scope, request); },
            Qt::QueuedConnection);
    return operation;
}

UsageOperation *UsageService::loadAnswer(UsageDetail detail, const UsageQuery &query, const QString &slot) {
    const auto [operation, request] = begin();
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker.data(),
            [worker = m_worker, detail, query, slot, request] {
                worker->fetchUsageAnswer(detail, query, slot, request);
            },
            Qt::QueuedConnection);
    return operation;
}

UsageOperation *UsageService::loadKeyUsage(const UsageQuery &query, const QString &slot) {
    return loadAnswer(UsageDetail::Keys, query, slot);
}

UsageOperation *UsageService::loadErrors(const UsageQuery &query) {
    const auto [operation, request] = begin();
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker.data(),
            [worker = m_worker, query, request] { worker->fetchUsageErrors(query, request); },
            Qt::QueuedConnection);
    return operation;
}

void UsageService::setVisible(bool visible) {
    if (visible == m_visible)
        return;
    m_visible = visible;
    if (!visible)
        return m_refreshTimer.stop();
    const qint64 left = m_refreshInterval - m_sinceRefresh.elapsed();
    if (left <= 0)
        refresh();
    else
        m_refreshTimer.start(int(left));
}

void UsageService::setRefreshInterval(int milliseconds) {
    m_refreshInterval = std::max(1, milliseconds);
    if (m_visible)
        m_refreshTimer.start(int(std::max<qint64>(0, m_refreshInterval - m_sinceRefresh.elapsed())));
}

void UsageService::refresh() {
    m_sinceRefresh.restart();
    if (m_visible)
        m_refreshTimer.start(m_refreshInterval);
    Q_EMIT refreshDue();
}

void UsageService::preview(quint64 request, const UsageResult &result) {
    if (UsageOperation *operation = m_open.value(request))
        Q_EMIT operation->cached(result);
}

void UsageService::finish(quint64 request, const UsageResult &result) {
    const QPointer<UsageOperation> operation = m_open.take(request);
    if (!operation)
        return;
    Q_EMIT operation->finished(result);
    operation->deleteLater();
}

} // namespace knotie
