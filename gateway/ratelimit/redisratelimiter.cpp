#include "gateway/ratelimit/redisratelimiter.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QUrl>

#include <hiredis/hiredis.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>

#include <pthread.h>

namespace knotie::gateway {

Q_LOGGING_CATEGORY(lcRateLimit, "knotie.gateway.ratelimit", QtInfoMsg)

// KEYS[1]: the key's sorted set, member = one admitted request, score = its time in ms.
// ARGV: now (ms), the window (ms), the limit, a member name unique to this request.
// Returns {1, 0} when admitted, {0, ms until the oldest admitted request leaves} when not:
// RateLimiter::admit step for step, so one instance and many count alike.
const char *const RedisRateLimiter::script = R"lua(
local now = tonumber(ARGV[1])
local span = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - span)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
    redis.call('ZADD', KEYS[1], now, ARGV[4])
    redis.call('PEXPIRE', KEYS[1], span)
    return {1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tonumber(oldest[2]) + span - now}
)lua";

namespace {

timeval toTimeval(std::chrono::milliseconds duration) {
    return {static_cast<time_t>(duration.count() / 1000),
            static_cast<suseconds_t>((duration.count() % 1000) * 1000)};
}

// hiredis writes with write(2): a Redis that went away would raise SIGPIPE and end the
// gateway. The signal is blocked in the calling thread for one command and a pending one
// is taken, rather than ignoring SIGPIPE for the whole process behind its owner's back.
class SigpipeBlocked {
public:
    SigpipeBlocked() {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_previous);
    }
    ~SigpipeBlocked() {
        sigset_t pending;
        sigpending(&pending);
        if (sigismember(&pending, SIGPIPE)) {
            const timespec noWait{0, 0};
            sigtimedwait(&m_pipe, nullptr, &noWait);
        }
        pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
    }
    SigpipeBlocked(const SigpipeBlocked &) = delete;
    SigpipeBlocked &operator=(const SigpipeBlocked &) = delete;

private:
    sigset_t m_pipe;
    sigset_t m_previous;
};

struct ReplyDeleter {
    void operator()(redisReply *reply) const { freeReplyObject(reply); }
};
using Reply = std::unique_ptr<redisReply, ReplyDeleter>;

Reply command(redisContext *context, const std::vector<QByteArray> &arguments) {
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &argument : arguments) {
        argv.push_back(argument.constData());
        lengths.push_back(static_cast<size_t>(argument.size()));
    }
    SigpipeBlocked blocked;
    return Reply(static_cast<redisReply *>(
        redisCommandArgv(context, static_cast<int>(argv.size()), argv.data(), lengths.data())));
}

bool timedOut(const redisContext *context) {
    // hiredis reports a read or write timeout as an I/O error with EAGAIN's text.
    return context->err == REDIS_ERR_IO && qstrcmp(context->errstr, std::strerror(EAGAIN)) == 0;
}

QString connectionFailure(const redisContext *context) {
    return context ? QString::fromUtf8(context->errstr) : QStringLiteral("out of memory");
}

} // namespace

std::optional<RedisRateLimiter::Options> RedisRateLimiter::optionsFromUrl(const QString &url,
                                                                          QString *error) {
    const QUrl parsed(url, QUrl::StrictMode);
    Options options;
    options.host = parsed.host();
    options.port = parsed.port(6379);
    if (!parsed.isValid() || parsed.scheme() != QLatin1String("redis") || options.host.isEmpty() ||
        !parsed.userInfo().isEmpty() || !(parsed.path().isEmpty() || parsed.path() == QLatin1String("/")) ||
        parsed.hasQuery() || parsed.hasFragment() || options.port <= 0) {
        *error = QStringLiteral("--redis wants redis://HOST:PORT, for example redis://127.0.0.1:6379");
        return std::nullopt;
    }
    return options;
}

void RedisRateLimiter::ContextDeleter::operator()(redisContext *context) const {
    redisFree(context);
}

RedisRateLimiter::RedisRateLimiter(Options options)
    : m_options(std::move(options))
    , m_scriptSha1(QCryptographicHash::hash(script, QCryptographicHash::Sha1).toHex())
    , m_instanceTag(QByteArray::number(QRandomGenerator::system()->generate64(), 36)) {
    QString failure;
    if (Connection connection = connect(&failure)) {
        giveBack({std::move(connection), 0, true});
    } else {
        m_backend = Backend::Local;
        qCWarning(lcRateLimit).noquote()
            << "Redis at" << m_options.host + u':' + QString::number(m_options.port)
            << "cannot be reached (" + failure + "); rate limits are counted locally";
    }
    m_reconnector = std::thread([this] { reconnectUntilStopped(); });
}

RedisRateLimiter::~RedisRateLimiter() {
    {
        std::lock_guard lock(m_stateMutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_reconnector.join();
}

QString RedisRateLimiter::backendName() const {
    return backend() == Backend::Redis ? QStringLiteral("redis") : QStringLiteral("local");
}

RateLimiter::Verdict RedisRateLimiter::admit(const QString &keyId, int requests, int seconds,
                                             qint64 nowMilliseconds) {
    if (requests <= 0 || seconds <= 0)
        return {};
    if (m_backend.load() == Backend::Local)
        return m_local.admit(keyId, requests, seconds, nowMilliseconds);
    // A connection from the pool may have been closed by a Redis restarted since: that
    // one failure is retried on a new connection, so a restart between requests costs none.
    // A timeout is not: the script may have run, and the request must count once.
    QString failure;
    for (bool fresh : {false, true}) {
        std::optional<Pooled> pooled = takeConnection(fresh, &failure);
        if (!pooled)
            break;
        if (auto verdict =
                admitInRedis(pooled->connection.get(), keyId, requests, seconds, nowMilliseconds, &failure)) {
            giveBack(std::move(*pooled));
            return *verdict;
        }
        if (pooled->fresh || timedOut(pooled->connection.get()))
            break;
    }
    fallBack(failure);
    return m_local.admit(keyId, requests, seconds, nowMilliseconds);
}

std::optional<RateLimiter::Verdict> RedisRateLimiter::admitInRedis(redisContext *context,
                                                                   const QString &keyId, int requests,
                                                                   int seconds, qint64 nowMilliseconds,
                                                                   QString *failure) {
    const QByteArray key = m_options.keyPrefix + keyId.toUtf8();
    const QByteArray member = m_instanceTag + ':' + QByteArray::number(++m_sequence);
    std::vector<QByteArray> arguments{"EVALSHA",
                                      m_scriptSha1,
                                      "1",
                                      key,
                                      QByteArray::number(nowMilliseconds),
                                      QByteArray::number(qint64(seconds) * 1000),
                                      QByteArray::number(requests),
                                      member};
    Reply reply = command(context, arguments);
    // A Redis restarted since the script was loaded has forgotten it: send it whole once.
    if (reply && reply->type == REDIS_REPLY_ERROR && qstrncmp(reply->str, "NOSCRIPT", 8) == 0) {
        arguments[0] = "EVAL";
        arguments[1] = script;
        reply = command(context, arguments);
    }
    if (!reply) {
        *failure = connectionFailure(context);
        return std::nullopt;
    }
    if (reply->type == REDIS_REPLY_ERROR) {
        *failure = QString::fromUtf8(reply->str, static_cast<qsizetype>(reply->len));
        return std::nullopt;
    }
    if (reply->type != REDIS_REPLY_ARRAY || reply->elements != 2 ||
        reply->element[0]->type != REDIS_REPLY_INTEGER || reply->element[1]->type != REDIS_REPLY_INTEGER) {
        *failure = QStringLiteral("an unexpected reply to the rate-limit script");
        return std::nullopt;
    }
    if (reply->element[0]->integer == 1)
        return RateLimiter::Verdict{};
    const qint64 waitMs = reply->element[1]->integer;
    return RateLimiter::Verdict{false, static_cast<int>(qMax<qint64>(1, (waitMs + 999) / 1000))};
}

RedisRateLimiter::Connection RedisRateLimiter::connect(QString *failure) const {
    Connection connection(redisConnectWithTimeout(m_options.host.toUtf8().constData(), m_options.port,
                                                  toTimeval(m_options.connectTimeout)));
    if (!connection || connection->err ||
        redisSetTimeout(connection.get(), toTimeval(m_options.commandTimeout)) != REDIS_OK) {
        *failure = connectionFailure(connection.get());
        return nullptr;
    }
    return connection;
}

std::optional<RedisRateLimiter::Pooled> RedisRateLimiter::takeConnection(bool fresh, QString *failure) {
    quint64 generation = 0;
    {
        std::lock_guard lock(m_poolMutex);
        if (!fresh && !m_idle.empty()) {
            Pooled pooled = std::move(m_idle.back());
            m_idle.pop_back();
            return pooled;
        }
        generation = m_generation;
    }
    // More threads than idle connections: this thread gets its own.
    if (Connection connection = connect(failure))
        return Pooled{std::move(connection), generation, true};
    return std::nullopt;
}

void RedisRateLimiter::giveBack(Pooled pooled) {
    pooled.fresh = false;
    std::lock_guard lock(m_poolMutex);
    if (pooled.generation == m_generation)
        m_idle.push_back(std::move(pooled));
}

void RedisRateLimiter::fallBack(const QString &reason) {
    {
        std::lock_guard state(m_stateMutex);
        {
            std::lock_guard pool(m_poolMutex);
            ++m_generation;
            m_idle.clear();
        }
        if (m_backend.exchange(Backend::Local) == Backend::Local)
            return;
    }
    qCWarning(lcRateLimit).noquote() << "Redis at" << m_options.host + u':' + QString::number(m_options.port)
                                     << "failed (" + reason +
                                            "); rate limits are counted locally until it is back";
    m_wake.notify_all();
}

// While counting locally, tries Redis every reconnectInterval; a connection that answers
// PING goes into the pool, and the next request counts in Redis again.
void RedisRateLimiter::reconnectUntilStopped() {
    std::unique_lock lock(m_stateMutex);
    while (!m_stopping) {
        if (m_backend.load() == Backend::Redis) {
            m_wake.wait(lock);
            continue;
        }
        if (m_wake.wait_for(lock, m_options.reconnectInterval, [this] { return m_stopping; }))
            break;
        lock.unlock();
        QString failure;
        Connection connection = connect(&failure);
        bool answers = false;
        if (connection) {
            Reply pong = command(connection.get(), {"PING"});
            answers = pong && pong->type == REDIS_REPLY_STATUS;
        }
        lock.lock();
        if (!answers || m_stopping)
            continue;
        {
            std::lock_guard pool(m_poolMutex);
            m_idle.push_back({std::move(connection), m_generation, false});
        }
        m_backend = Backend::Redis;
        qCInfo(lcRateLimit).noquote() << "Redis at" << m_options.host + u':' + QString::number(m_options.port)
                                      << "is back; rate limits are counted in Redis again";
    }
}

} // namespace knotie::gateway
