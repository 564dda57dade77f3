#include "gateway/signinbudget.h"

#include "gateway/passwords.h"

#include <algorithm>
#include <cmath>

namespace knotie::gateway {

SignInBudget::SignInBudget(Options options)
    : m_cost(options.checkCost.count() > 0 ? options.checkCost : passwords::measureVerifyCost())
    , m_workers(std::max(1, options.workers)) {
    const double perWorker = std::chrono::duration<double>(options.horizon).count() /
                             std::max(1e-6, std::chrono::duration<double>(m_cost).count());
    // Waiting places: what the workers finish within the horizon, less what they are
    // already running when a request arrives.
    m_capacity = std::max(1, static_cast<int>(std::floor(perWorker)) * m_workers - m_workers);
    // A quarter each: even three flooding addresses leave room for a fourth.
    m_perAddress = std::max(1, m_capacity / 4);
    for (int i = 0; i < m_workers; ++i)
        m_threads.emplace_back([this] { serve(); });
}

SignInBudget::~SignInBudget() {
    stop();
}

SignInBudget::Ticket::Ticket(SignInBudget *budget, QString address)
    : m_budget(budget)
    , m_address(std::move(address)) {}

SignInBudget::Ticket::Ticket(Ticket &&other) noexcept
    : m_budget(std::exchange(other.m_budget, nullptr))
    , m_address(std::move(other.m_address)) {}

SignInBudget::Ticket::~Ticket() {
    if (m_budget)
        m_budget->release(m_address);
}

int SignInBudget::retryAfterLocked() const {
    // Seconds until what is held now has run, rounded up; at least 1.
    const double seconds = std::chrono::duration<double>(m_cost).count() * (m_held + m_workers) / m_workers;
    return std::max(1, static_cast<int>(std::ceil(seconds)));
}

std::variant<SignInBudget::Ticket, SignInBudget::Refusal> SignInBudget::admit(const QString &addressKey) {
    std::lock_guard lock(m_mutex);
    if (m_stopping || m_held >= m_capacity || m_heldBy.value(addressKey) >= m_perAddress)
        return Refusal{retryAfterLocked()};
    ++m_held;
    ++m_heldBy[addressKey];
    return Ticket(this, addressKey);
}

void SignInBudget::release(const QString &address) {
    std::lock_guard lock(m_mutex);
    --m_held;
    if (--m_heldBy[address] <= 0)
        m_heldBy.remove(address);
}

void SignInBudget::run(Ticket ticket, std::function<bool()> clientGone, std::function<void()> work) {
    std::unique_lock lock(m_mutex);
    if (m_stopping)
        return; // the ticket gives its place back as it goes
    const QString address = ticket.m_address;
    ticket.m_budget = nullptr; // the place is now the queued job's, given back when it starts
    std::deque<Job> &queue = m_queues[address];
    if (queue.empty())
        m_turns.push_back(address);
    queue.push_back(Job{std::move(clientGone), std::move(work)});
    lock.unlock();
    m_wake.notify_one();
}

void SignInBudget::serve() {
    for (;;) {
        std::unique_lock lock(m_mutex);
        m_wake.wait(lock, [this] { return m_stopping || !m_turns.empty(); });
        if (m_stopping)
            return;
        // Round robin over addresses: take one job of the next address, and send the
        // address to the back of the line if it has more.
        const QString address = m_turns.front();
        m_turns.pop_front();
        std::deque<Job> &queue = m_queues[address];
        Job job = std::move(queue.front());
        queue.pop_front();
        if (queue.empty())
            m_queues.remove(address);
        else
            m_turns.push_back(address);
        // The place is given back as the work starts, before its answer: a client that
        // sends its next attempt on that answer finds the place free.
        --m_held;
        if (--m_heldBy[address] <= 0)
            m_heldBy.remove(address);
        lock.unlock();
        if (!job.clientGone || !job.clientGone())
            job.work();
    }
}

void SignInBudget::stop() {
    std::deque<Job> dropped;
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping && m_threads.empty())
            return;
        m_stopping = true;
        for (auto &queue : m_queues)
            for (Job &job : queue)
                dropped.push_back(std::move(job));
        m_queues.clear();
        m_turns.clear();
    }
    m_wake.notify_all();
    for (std::thread &thread : m_threads)
        thread.join();
    m_threads.clear();
    // Destroyed outside the lock: a responder's destructor may take other locks.
    dropped.clear();
}

} // namespace knotie::gateway
