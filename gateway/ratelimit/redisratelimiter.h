#pragma once

#include "gateway/ratelimiter.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

struct redisContext;

namespace knotie::gateway {

// RateLimiter's sliding window, counted in Redis so that every gateway instance sharing
// one Redis admits exactly as one instance would: one sorted set of admitted times per
// key, trimmed, counted and added to by one Lua script, so concurrent instances never
// both take the last place in a window.
//
// Time is the caller's (the gateway's Clock, which --test-clock moves), never Redis's
// TIME: the same request must get the same verdict from this class and from RateLimiter.
//
// When Redis cannot be reached (refused, timed out, an error reply) the request is
// counted by a local RateLimiter instead, and from then on every request is, until a
// background thread has reconnected: a Redis outage costs one failed round trip, not
// one per request. backend() says which one counts now, for /healthz.
class RedisRateLimiter {
public:
    struct Options {
        QString host = QStringLiteral("127.0.0.1");
        int port = 6379;
        std::chrono::milliseconds connectTimeout{250};
        std::chrono::milliseconds commandTimeout{250};
        std::chrono::milliseconds reconnectInterval{500};
        QByteArray keyPrefix = "knotie:ratelimit:";
    };
    enum class Backend { Redis, Local };

    // Options from the gateway's `--redis redis://HOST[:PORT]` (port 6379 by default);
    // nothing, and why in *error, for anything else (credentials, a database number).
    static std::optional<Options> optionsFromUrl(const QString &url, QString *error);

    explicit RedisRateLimiter(Options options);
    ~RedisRateLimiter();
    RedisRateLimiter(const RedisRateLimiter &) = delete;
    RedisRateLimiter &operator=(const RedisRateLimiter &) = delete;

    // The same contract as RateLimiter::admit; safe to call from any number of threads.
    RateLimiter::Verdict admit(const QString &keyId, int requests, int seconds, qint64 nowMilliseconds);

    Backend backend() const { return m_backend.load(); }
    // "redis" or "local", the words of /healthz's details.rate_limits.
    QString backendName() const;

    // The Lua script, public so its text is documented in one place.
    static const char *const script;

private:
    struct ContextDeleter {
        void operator()(redisContext *context) const;
    };
    using Connection = std::unique_ptr<redisContext, ContextDeleter>;

    // A connection and the generation it belongs to: a fall-back starts a new generation,
    // so connections opened before an outage are dropped instead of failing one by one.
    struct Pooled {
        Connection connection;
        quint64 generation = 0;
        bool fresh = false; // not yet used for a command
    };

    Connection connect(QString *failure) const;
    std::optional<Pooled> takeConnection(bool fresh, QString *failure);
    void giveBack(Pooled pooled);
    // The Redis verdict, or nothing (and why) when Redis did not give one.
    std::optional<RateLimiter::Verdict> admitInRedis(redisContext *context, const QString &keyId,
                                                     int requests, int seconds, qint64 nowMilliseconds,
                                                     QString *failure);
    void fallBack(const QString &reason);
    void reconnectUntilStopped();

    const Options m_options;
    const QByteArray m_scriptSha1;
    const QByteArray m_instanceTag; // makes each admitted request's member unique across instances
    std::atomic<quint64> m_sequence{0};
    std::atomic<Backend> m_backend{Backend::Redis};
    RateLimiter m_local;

    std::mutex m_poolMutex;
    std::vector<Pooled> m_idle; // one per serving thread at most: a hiredis context serves one thread
    quint64 m_generation = 0;   // guarded by m_poolMutex

    std::mutex m_stateMutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_reconnector;
};

} // namespace knotie::gateway
