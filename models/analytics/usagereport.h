#pragma once

#include "models/analytics/keyhygiene.h"
#include "models/analytics/usageservice.h"
#include "models/analytics/usagestats.h"
#include "models/network/datajobs.h"
#include "models/sync/syncworker.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace knotie {

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

// Everything the Analytics page shows for one filter and range, all through the
// UsageService (the data worker and its cache), each load with its own operation: the buckets (the cached
// ones at once, then the rest from the gateway), the tables beside the chart and the attention rules' usage
// (each call's last answer kept per filter and range length, shown until the gateway's comes, and offline).
class UsageReport : public QObject {
    Q_OBJECT
public:
    explicit UsageReport(UsageService *usage, QObject *parent = nullptr);
    ~UsageReport() override;

    // Where failures are worded for (the gateway's address, whom to ask for access).
    void setConnection(const GatewayConnection &connection) { m_connection = connection; }

    // `keys`: the keys the person can see (for rotations and the customer rollup).
    void load(const UsageFilter &filter, const UsageRange &range, const QList<ApiKey> &keys);
    // Runs the attention rules for `keys` as of `now`.
    void loadAttention(const QList<ApiKey> &keys, UnixTime now);

    UsageFilter filter() const { return m_filter; }
    UsageRange range() const { return m_range; }
    // Until the gateway has answered (or failed) for every bucket of the range; the
    // cached buckets may already show (seriesLoaded comes then, and again at the end).
    bool isLoading() const { return !m_pendingScopes.isEmpty(); }
    // The gateway did not answer: the buckets are the cache's alone.
    bool fromCache() const { return m_fromCache; }
    // When the oldest kept answer behind the tables (or the attention list) was fetched,
    // while one shows instead of the gateway's; 0 when all are fresh.
    UnixTime detailsKeptFrom() const { return m_details.keptFrom(); }
    UnixTime attentionKeptFrom() const { return m_attentionRound.keptFrom(); }
    bool isDetailsLoading() const { return !m_details.open.isEmpty(); }
    bool isAttentionLoading() const { return !m_attentionRound.open.isEmpty(); }

    // The summed series of the filter (all keys of a rotation) in the range and in the
    // range of the same length before it.
    const QList<UsageBucket> &buckets() const { return m_current; }
    const QList<UsageBucket> &previousBuckets() const { return m_previous; }
    // Per key of a rotation (oldest first), its requests in the range: side by side.
    const QList<QPair<QString, QList<UsageBucket>>> &rotationParts() const { return m_parts; }
    // The keys whose figures a key's report adds to its own (every figure: chart, totals
    // and endpoints): the keys it replaced, oldest first, and the ones that replaced it.
    QStringList replacedKeys() const;
    QStringList successorKeys() const;
    // The earliest creation among the reported keys: no usage before it, so a range before it
    // has nothing to compare with; 0 when the keys are unknown (the person cannot list them).
    UnixTime recordedFrom() const;

    const QList<EndpointUsage> &endpoints() const { return m_endpoints; }
    const QList<KeyUsage> &keyUsage() const { return m_keyUsage; }
    const QList<CustomerUsage> &customers() const { return m_customers; }
    const QList<KeyAttention> &attention() const { return m_attention; }

Q_SIGNALS:
    void seriesLoaded();
    void detailsLoaded();
    void attentionLoaded();
    // A detail call failed: what to tell the person.
    void failed(const QString &message);

private:
    // Detail calls asked for together: per slot the best answer so far (the gateway's
    // over the kept one) and which the gateway has yet to answer.
    struct Round {
        QHash<QString, UsageQuery> asked;
        QHash<QString, UsageAnswer> answers;
        QSet<QString> open;
        bool failed = false;
        bool previewed = false;
        // The loads of this round: a new round stops listening to the old one's.
        QList<QPointer<UsageOperation>> operations;
        void reset();
        bool take(const QString &slot, const UsageAnswer &answer);
        // Every call has an answer (kept or fresh) or has failed.
        bool answered() const;
        UnixTime keptFrom() const;
    };
    void ask(Round &round, UsageDetail detail, const QString &slot, const UsageQuery &query);
    void onUsageCached(const QString &scope, const UsageSeries &series);
    void onUsageLoaded(const QString &scope, const UsageSeries &series, bool fromCache);
    void onAnswer(const QString &slot, const UsageAnswer &answer);
    void onAnswerFailed(const QString &slot, const GatewayResult &result);
    void finishSeries();
    void finishDetails();
    void finishAttention();

    QPointer<UsageService> m_usage;
    QList<QPointer<UsageOperation>> m_seriesLoads;
    GatewayConnection m_connection;
    UsageFilter m_filter;
    UsageRange m_range;
    UnixTime m_fetchFrom = 0;
    QList<ApiKey> m_keys;
    QStringList m_chain;
    QSet<QString> m_pendingScopes;
    QHash<QString, UsageSeries> m_received;
    bool m_fromCache = false;

    QList<UsageBucket> m_current;
    QList<UsageBucket> m_previous;
    QList<QPair<QString, QList<UsageBucket>>> m_parts;
    Round m_details;
    QStringList m_endpointsSlots;
    QString m_keysSlot;
    QList<EndpointUsage> m_endpoints;
    QList<KeyUsage> m_keyUsage;
    QList<CustomerUsage> m_customers;
    Round m_attentionRound;
    AttentionInput m_attentionInput;
    QList<KeyAttention> m_attention;
};

} // namespace knotie
