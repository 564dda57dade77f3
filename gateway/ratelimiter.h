#pragma once

#include <QHash>
#include <QString>

#include <deque>
#include <memory>
#include <mutex>

namespace knotie::gateway {

// A sliding window per key: at most `requests` admitted within any `seconds`. Only
// admitted requests count, so a client that backs off for Retry-After gets through.
class RateLimiter {
public:
    struct Verdict {
        bool allowed = true;
        int retryAfterSeconds = 0; // whole seconds until the oldest admitted request leaves
    };

    Verdict admit(const QString &keyId, int requests, int seconds, qint64 nowMilliseconds);

private:
    struct Window {
        std::mutex mutex;
        std::deque<qint64> admitted; // times in ms, oldest first, at most `requests`
    };
    std::mutex m_mutex;
    QHash<QString, std::shared_ptr<Window>> m_windows;
};

} // namespace knotie::gateway
