#include "gateway/databasehealth.h"

#include "gateway/store.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace knotie::gateway {

Q_LOGGING_CATEGORY(lcHealth, "knotie.gateway.database", QtInfoMsg)

DatabaseHealth::DatabaseHealth(Store &store)
    : m_store(store) {
    if (store.location().engine == DatabaseLocation::Engine::PostgreSQL)
        m_thread = std::thread([this] { run(); });
}

DatabaseHealth::~DatabaseHealth() {
    stop();
}

void DatabaseHealth::stop() {
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void DatabaseHealth::probeSoon() {
    {
        const std::lock_guard lock(m_mutex);
        m_probeSoon = true;
    }
    m_wake.notify_all();
}

bool DatabaseHealth::probe(QString *error) {
    QSqlDatabase db = m_store.connection(); // this thread's, reopened when broken
    if (!db.isOpen()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT 1")))
        return true;
    *error = q.lastError().text();
    return false;
}

void DatabaseHealth::run() {
    QElapsedTimer outage;
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_probeSoon = false;
        lock.unlock();
        QString error;
        const bool ok = probe(&error);
        const bool was = m_reachable.exchange(ok);
        if (was && !ok) {
            outage.start();
            qCCritical(lcHealth) << "database unreachable:" << m_store.location().describe()
                                 << error.simplified() << "- answering 503 until it is back";
        } else if (!was && ok) {
            m_store.recheckConnections();
            qCInfo(lcHealth) << "database reachable again after" << outage.elapsed() << "ms";
        }
        lock.lock();
        m_wake.wait_for(lock, probeInterval, [this] { return m_stopping || m_probeSoon; });
    }
}

HttpResponse databaseUnavailable() {
    HttpResponse unavailable = errorResponse(
        503, QStringLiteral("unavailable"),
        QStringLiteral("The gateway cannot reach its database just now. Try again in a few seconds."));
    unavailable.setHeader("Retry-After", "2");
    return unavailable;
}

} // namespace knotie::gateway
