#pragma once

#include "analytics/usagestats.h"
#include "network/datajobs.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace knotie {

class SyncWorker;

// Whose usage a report shows: the whole account, one key (with its rotations), one key
// type or one customer's keys.
struct UsageFilter {
    enum class Kind { Account, Key, Type, Customer };
    Kind kind = Kind::Account;
    QString keyId;
    KeyType type = KeyType::Partner;
    QString customerId;

    static UsageFilter forKey(const QString &id) { return {Kind::Key, id, KeyType::Partner, {}}; }
    static UsageFilter forType(KeyType t) { return {Kind::Type, {}, t, {}}; }
    static UsageFilter forCustomer(const QString &id) { return {Kind::Customer, {}, KeyType::Partner, id}; }
    // The inverse of scope(); the account for anything it does not know.
    static UsageFilter fromScope(const QString &scope);
    // Names the cached buckets: the same filter finds its buckets again offline.
    QString scope() const;
    void applyTo(UsageQuery &query) const;
    bool operator==(const UsageFilter &) const = default;
};

// Everything the Analytics page shows for one filter and range. The buckets come from
// the data worker (cached, so they are there offline); the tables beside the chart and
// the attention rules ask the gateway directly and are left empty offline.
class UsageReport : public QObject {
    Q_OBJECT
public:
    // `connection` for the detail calls; its access manager lives in this thread.
    UsageReport(SyncWorker *worker, QObject *parent = nullptr);
    ~UsageReport() override;

    void setConnection(const GatewayConnection &connection) { m_connection = connection; }

    // `keys`: the keys the person can see (for rotations and the customer rollup).
    void load(const UsageFilter &filter, const UsageRange &range, const QList<ApiKey> &keys);
    // Runs the attention rules for `keys` as of `now`.
    void loadAttention(const QList<ApiKey> &keys, UnixTime now);

    UsageFilter filter() const { return m_filter; }
    UsageRange range() const { return m_range; }
    bool isLoading() const { return !m_pendingScopes.isEmpty(); }
    bool fromCache() const { return m_fromCache; }

    // The summed series of the filter (all keys of a rotation) in the range and before it
    // (none before a range longer than 200 days: the pair would pass the gateway's limit).
    const QList<UsageBucket> &buckets() const { return m_current; }
    const QList<UsageBucket> &previousBuckets() const { return m_previous; }
    // Per key of a rotation (oldest first), its requests in the range: side by side.
    const QList<QPair<QString, QList<UsageBucket>>> &rotationParts() const { return m_parts; }

    const QList<EndpointUsage> &endpoints() const { return m_endpoints; }
    const QList<KeyUsage> &keyUsage() const { return m_keyUsage; }
    const QList<CustomerUsage> &customers() const { return m_customers; }
    const QList<Attention> &attention() const { return m_attention; }

Q_SIGNALS:
    void seriesLoaded();
    void detailsLoaded();
    void attentionLoaded();
    // A detail call failed: what to tell the person.
    void failed(const QString &message);

private:
    void onUsageLoaded(const QString &scope, qint64 from, qint64 to, const UsageSeries &series,
                       bool fromCache);
    void finishSeries();
    template <typename Job, typename Done> void run(Job *job, quint64 generation, Done done);
    void failWith(const GatewayResult &result);

    QPointer<SyncWorker> m_worker;
    GatewayConnection m_connection;
    UsageFilter m_filter;
    UsageRange m_range;
    UnixTime m_fetchFrom = 0;
    QList<ApiKey> m_keys;
    QStringList m_chain;
    QSet<QString> m_pendingScopes;
    QHash<QString, UsageSeries> m_received;
    bool m_fromCache = false;
    quint64 m_generation = 0;
    quint64 m_attentionGeneration = 0;

    QList<UsageBucket> m_current;
    QList<UsageBucket> m_previous;
    QList<QPair<QString, QList<UsageBucket>>> m_parts;
    QList<EndpointUsage> m_endpoints;
    QList<KeyUsage> m_keyUsage;
    QList<CustomerUsage> m_customers;
    QList<Attention> m_attention;
    AttentionInput m_attentionInput;
    int m_attentionPending = 0;
};

} // namespace knotie
