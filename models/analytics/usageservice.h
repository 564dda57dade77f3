#pragma once

#include "models/cache/cache.h"
#include "models/network/callerjobs.h"
#include "models/network/gatewayresult.h"
#include "models/sync/syncworker.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace knotie {

// What one usage load came to. Which part is filled depends on what was asked for.
struct UsageResult {
    UsageSeries series; // UsageService::loadSeries
    UsageAnswer answer; // UsageService::loadAnswer, loadKeyUsage
    // The gateway did not answer: the series is the cache's alone.
    bool fromCache = false;
    // Why the gateway did not answer an answer or key usage load; empty when it did.
    std::optional<GatewayResult> failure;
    QList<UsageErrorCount> errors; // UsageService::loadErrors
};

// One usage load, for the one caller that asked: `cached` may come once with what the
// cache holds, then `finished` exactly once. Deletes itself after `finished`.
class UsageOperation : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

Q_SIGNALS:
    void cached(const knotie::UsageResult &result);
    void finished(const knotie::UsageResult &result);
};

// The pages' way to usage, owned by the Workspace: each load runs on the data worker
// (cache first, then the gateway) and comes back to its own UsageOperation, never as a
// broadcast the pages would have to sort by scope. A failed usage load is that load's
// answer; it does not tell the sync anything.
class UsageService : public QObject {
    Q_OBJECT
public:
    explicit UsageService(SyncWorker *worker, QObject *parent = nullptr);

    // The buckets of `query`, kept in the cache under `scope` (UsageFilter::scope()).
    UsageOperation *loadSeries(const knotie::UsageQuery &query, const QString &scope);
    // A usage detail call, its last answer kept in the cache under `slot`.
    UsageOperation *loadAnswer(knotie::UsageDetail detail, const knotie::UsageQuery &query,
                               const QString &slot);
    // Requests per key (GET /v1/usage/keys), the last answer kept under `slot`: the key
    // table's sparklines show it at once (`cached`), offline too.
    UsageOperation *loadKeyUsage(const knotie::UsageQuery &query, const QString &slot);
    // Error answers by status and code (GET /v1/usage/errors), not kept.
    UsageOperation *loadErrors(const knotie::UsageQuery &query);

    // Usage on screen goes stale. refreshDue comes every refreshInterval() while the
    // window is visible, and after each successful sync (F5 included); never while the
    // window is minimised or hidden. Shown again with figures older than the interval, it
    // comes at once. The pages load their usage on it.
    void setVisible(bool visible);
    bool isVisible() const { return m_visible; }
    // A minute, or KNOTIE_USAGE_REFRESH_MS (tests, screenshots).
    int refreshInterval() const { return m_refreshInterval; }
    void setRefreshInterval(int milliseconds);

Q_SIGNALS:
    void refreshDue();

private:
    void refresh();
    std::pair<UsageOperation *, quint64> begin();
    void preview(quint64 request, const UsageResult &result);
    void finish(quint64 request, const UsageResult &result);

    QPointer<SyncWorker> m_worker;
    quint64 m_lastRequest = 0;
    QHash<quint64, QPointer<UsageOperation>> m_open;
    bool m_visible = true;
    int m_refreshInterval = 60 * 1000;
    QTimer m_refreshTimer;
    QElapsedTimer m_sinceRefresh; // since refreshDue last came
};

} // namespace knotie

Q_DECLARE_METATYPE(knotie::UsageResult)
