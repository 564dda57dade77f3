#pragma once

#include <QHash>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

namespace knotie::gateway {

// Password checks are the gateway's most expensive work, and anyone can ask for one
// without a credential. API.md v1.1: never queue more than can finish within 2 seconds;
// past that, 503 `busy` with Retry-After at once. Work waits in one queue per client
// address (clientAddressKey()), served in turn, and one address may hold only a share
// of the queue: a flood from one address fills its own share, and a sign-in from any
// other address is served next to it instead of behind it. Work whose client has left
// is dropped before it starts. The checks run on the budget's own threads, never on
// those that serve requests.
class SignInBudget {
public:
    struct Options {
        std::chrono::milliseconds horizon{2000}; // everything queued finishes within this
        int workers = 1;
        std::chrono::nanoseconds checkCost{0}; // 0: measure one check now
    };

    explicit SignInBudget(Options options);
    ~SignInBudget();
    SignInBudget(const SignInBudget &) = delete;
    SignInBudget &operator=(const SignInBudget &) = delete;

    // A place in the queue, held from admission until the work is handed over (the
    // lockout is checked in between). Dropping an unused ticket gives the place back.
    class Ticket {
    public:
        Ticket(Ticket &&other) noexcept;
        Ticket &operator=(Ticket &&) = delete;
        ~Ticket();

    private:
        friend class SignInBudget;
        Ticket(SignInBudget *budget, QString address);
        SignInBudget *m_budget;
        QString m_address;
    };

    struct Refusal {
        int retryAfterSeconds = 1;
    };
    // A ticket, or how long to wait before trying again.
    std::variant<Ticket, Refusal> admit(const QString &addressKey);

    // Queues `work` on the ticket's place. `clientGone` is asked just before the work
    // starts; when it says true the work is dropped unrun.
    void run(Ticket ticket, std::function<bool()> clientGone, std::function<void()> work);

    // Refuses new work, drops what is queued, waits for what runs. Idempotent.
    void stop();

    int capacity() const { return m_capacity; }
    int perAddressCapacity() const { return m_perAddress; }
    int workers() const { return m_workers; }
    std::chrono::nanoseconds checkCost() const { return m_cost; }

private:
    struct Job {
        std::function<bool()> clientGone;
        std::function<void()> work;
    };
    void release(const QString &address);
    void serve();
    int retryAfterLocked() const;

    std::chrono::nanoseconds m_cost;
    int m_workers;
    int m_capacity;
    int m_perAddress;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    int m_held = 0;               // tickets out plus queued (running work holds none)
    QHash<QString, int> m_heldBy; // the same per address
    QHash<QString, std::deque<Job>> m_queues;
    std::deque<QString> m_turns; // addresses with queued work, in serving order
    std::vector<std::thread> m_threads;
};

} // namespace knotie::gateway
