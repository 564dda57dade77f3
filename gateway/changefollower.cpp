#include "gateway/changefollower.h"

#include "gateway/changes.h"
#include "gateway/changewaits.h"
#include "gateway/keydirectory.h"
#include "gateway/store.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <future>

namespace knotie::gateway {

Q_LOGGING_CATEGORY(lcChanges, "knotie.gateway.changes", QtInfoMsg)

namespace {
// Entries read per query while catching up.
constexpr int pageSize = 1000;

// The libpq connection under Qt's QPSQL driver: Qt has no way to wait for a notification
// without an event loop, so the thread waits on its socket itself (docs/architecture.md).
PGconn *libpqConnection(const QSqlDatabase &db) {
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    // Qt registers the type under the struct's name (pg_conn*) or the typedef's.
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.data());
}
// Whether any notification is queued; empties the queue.
bool takeNotifications(PGconn *connection) {
    bool any = false;
    while (PGnotify *notification = PQnotifies(connection)) {
        PQfreemem(notification);
        any = true;
    }
    return any;
}

QString failure(const QSqlDatabase &db) {
    PGconn *connection = libpqConnection(db);
    const QString libpq = connection ? QString::fromUtf8(PQerrorMessage(connection)).trimmed() : QString();
    return libpq.isEmpty() ? db.lastError().text() : libpq;
}
} // namespace

ChangeFollower::ChangeFollower(Store &store, KeyDirectory &directory, ChangeWaits &waits)
    : m_store(store)
    , m_directory(directory)
    , m_waits(waits)
    , m_connectionName(QStringLiteral("knotie-changes-") + store.instanceId())
    , m_wakeFd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
    // The first read of the log's end happens before any request is served, so no change
    // committed after a request's first read of a key can be missed.
    std::promise<void> resumed;
    std::future<void> firstResume = resumed.get_future();
    m_thread = std::thread([this, &resumed] { run(&resumed); });
    firstResume.wait();
}

ChangeFollower::~ChangeFollower() {
    m_stopping = true;
    const quint64 one = 1;
    if (write(m_wakeFd, &one, sizeof one) < 0)
        qCWarning(lcChanges) << "cannot wake the change follower to stop it";
    m_thread.join();
    close(m_wakeFd);
}

void ChangeFollower::run(std::promise<void> *resumed) {
    {
        QSqlDatabase db = m_store.openConnection(m_connectionName,
                                                 QStringLiteral("knotie-changes-") + m_store.instanceId());
        bool ready = db.isOpen() && resume(db);
        resumed->set_value();
        bool outage = false; // said once per outage, not on every attempt
        auto connectedAt = std::chrono::steady_clock::now();
        auto nextRead = std::chrono::steady_clock::now() + pollInterval;
        while (!m_stopping) {
            if (!ready) {
                // The first attempt at once (a killed connection), then one every
                // pollInterval while the database is away. A connection that fails as soon as
                // made waits a little, not a whole interval: a revoke may be waiting behind it.
                if (outage)
                    waitForStop(pollInterval);
                else if (std::chrono::steady_clock::now() - connectedAt < pollInterval)
                    waitForStop(pollInterval / 5);
                if (!outage)
                    qCWarning(lcChanges)
                        << "the change log connection failed:" << failure(db) << "- connecting again";
                outage = true;
                if (m_stopping)
                    break;
                db.close();
                ready = db.open() && resume(db);
                if (ready) {
                    outage = false;
                    connectedAt = std::chrono::steady_clock::now();
                    qCInfo(lcChanges) << "following the change log again from position" << m_lastSeen;
                }
                nextRead = std::chrono::steady_clock::now() + pollInterval;
                continue;
            }
            PGconn *connection = libpqConnection(db);
            if (!connection) {
                ready = false;
                continue;
            }
            // A notification that came while a query ran may be in libpq's buffer already,
            // its bytes gone from the socket: parse what is buffered (PQconsumeInput reads
            // without blocking) and look there before waiting on the socket.
            if (!PQconsumeInput(connection)) {
                ready = false;
                continue;
            }
            bool due = takeNotifications(connection);
            if (!due) {
                pollfd waitFor[2] = {{PQsocket(connection), POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
                const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    nextRead - std::chrono::steady_clock::now());
                poll(waitFor, 2, std::max<int>(0, static_cast<int>(left.count())));
                if (m_stopping)
                    break;
                due = std::chrono::steady_clock::now() >= nextRead;
                if (waitFor[0].revents != 0) {
                    if (!PQconsumeInput(connection) || PQstatus(connection) != CONNECTION_OK) {
                        ready = false;
                        continue;
                    }
                    due = takeNotifications(connection) || due;
                }
            }
            if (due) {
                ready = catchUp(db);
                nextRead = std::chrono::steady_clock::now() + pollInterval;
            }
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool ChangeFollower::resume(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("LISTEN %1").arg(QLatin1String(changelog::channel))))
        return false;
    if (m_lastSeen < 0) {
        // From the log's end: what this instance reads from now on is newer anyway.
        if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(position), 0) FROM change_log")) || !q.next())
            return false;
        m_lastSeen = q.value(0).toLongLong();
        return true;
    }
    // Away longer than the log is kept: the entries in between are gone, so every key
    // this instance holds is read again.
    if (!q.exec(QStringLiteral("SELECT MIN(position) FROM change_log")) || !q.next())
        return false;
    if (!q.value(0).isNull() && q.value(0).toLongLong() > m_lastSeen + 1) {
        qCWarning(lcChanges) << "change log entries after" << m_lastSeen
                             << "were pruned: re-reading every key";
        m_directory.refreshAll();
    }
    return catchUp(db);
}

bool ChangeFollower::catchUp(QSqlDatabase &db) {
    for (;;) {
        // Taken before the rows are read: a request's read of a key begun earlier cannot
        // replace what this applies (gateway/keydirectory.h).
        const quint64 version = m_directory.beginChange();
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT l.position, l.partner_id, l.origin, %1 FROM change_log l"
                                 " LEFT JOIN api_keys k ON k.id = l.key_id"
                                 " WHERE l.position > ? ORDER BY l.position LIMIT %2")
                      .arg(KeyDirectory::rowColumns(QStringLiteral("k")))
                      .arg(pageSize));
        q.addBindValue(m_lastSeen);
        if (!q.exec())
            return false;
        int entries = 0;
        QSet<QString> othersChanged;
        while (q.next()) {
            ++entries;
            m_lastSeen = q.value(0).toLongLong();
            // This instance's own writes woke its waiters when they committed.
            if (q.value(2).toString() != m_store.instanceId())
                othersChanged.insert(q.value(1).toString());
            if (const auto row = KeyDirectory::rowAt(q, 3))
                m_directory.apply(*row, version);
        }
        for (const QString &partner : std::as_const(othersChanged))
            m_waits.changed(partner);
        if (entries < pageSize)
            return true;
    }
}

void ChangeFollower::waitForStop(std::chrono::milliseconds timeout) {
    pollfd stop{m_wakeFd, POLLIN, 0};
    poll(&stop, 1, static_cast<int>(timeout.count()));
}

} // namespace knotie::gateway
