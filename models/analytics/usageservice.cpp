#include "models/analytics/usageservice.h"

namespace knotie {

UsageService::UsageService(SyncWorker *worker, QObject *parent)
    : QObject(parent)
    , m_worker(worker) {
    connect(worker, &SyncWorker::usageCached, this, [this](quint64 request, const UsageSeries &series) {
        preview(request, {series, {}, {}, true, std::nullopt, {}});
    });
    connect(worker, &SyncWorker::usageLoaded, this,
            [this](quint64 request, const UsageSeries &series, bool fromCache) {
                finish(request, {series, {}, {}, fromCache, std::nullopt, {}});
            });
    connect(worker, &SyncWorker::usageAnswerLoaded, this, [this](quint64 request, const UsageAnswer &answer) {
        // A kept answer stands in while the gateway's is on its way.
        if (answer.fromCache)
            preview(request, {{}, answer, {}, true, std::nullopt, {}});
        else
            finish(request, {{}, answer, {}, false, std::nullopt, {}});
    });
    connect(worker, &SyncWorker::usageAnswerFailed, this,
            [this](quint64 request, const GatewayResult &result) {
                finish(request, {{}, {}, {}, false, result, {}});
            });
    connect(worker, &SyncWorker::keyUsageLoaded, this, [this](quint64 request, const QList<KeyUsage> &keys) {
        finish(request, {{}, {}, keys, false, std::nullopt, {}});
    });
    connect(worker, &SyncWorker::usageErrorsLoaded, this,
            [this](quint64 request, const QList<UsageErrorCount> &errors) {
                finish(request, {{}, {}, {}, false, std::nullopt, errors});
            });
    connect(worker, &SyncWorker::usageErrorsFailed, this,
            [this](quint64 request, const GatewayResult &result) {
                finish(request, {{}, {}, {}, false, result, {}});
            });
    connect(worker, &SyncWorker::keyUsageFailed, this, [this](quint64 request, const GatewayResult &result) {
        finish(request, {{}, {}, {}, false, result, {}});
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

UsageOperation *UsageService::loadKeyUsage(const UsageQuery &query) {
    const auto [operation, request] = begin();
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker.data(), [worker = m_worker, query, request] { worker->fetchKeyUsage(query, request); },
            Qt::QueuedConnection);
    return operation;
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
