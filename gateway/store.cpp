#include "gateway/store.h"

#include "gateway/changes.h"
#include "gateway/migrations.h"
#include "gateway/usagepartitions.h"
#include "models/sqlite/sqlitedb.h"

#include <QDateTime>
#include <QDir>
#include <QHash>
#include <QLoggingCategory>
#include <QSqlError>
#include <QThread>
#include <QThreadStorage>
#include <QUuid>

#include <chrono>
#include <utility>

namespace knotie::gateway {

Q_LOGGING_CATEGORY(lcStore, "knotie.gateway.store", QtInfoMsg)

namespace {

QString describe(const DatabaseLocation &location, const QString &sqlitePath) {
    return location.engine == DatabaseLocation::Engine::SQLite ? sqlitePath : location.describe();
}

// Removes this thread's connections when the thread ends, after every QSqlDatabase
// handle on them is gone.
struct ThreadConnections {
    QStringList names;
    QHash<QString, int> generations; // each connection's Store::recheckConnections() seen
    // When a broken connection may next try to reopen: while the server is away, a thread
    // that keeps asking tries twice a second, not at every statement.
    QHash<QString, std::chrono::steady_clock::time_point> retryAt;
    ~ThreadConnections() {
        for (const QString &name : std::as_const(names))
            QSqlDatabase::removeDatabase(name);
    }
};
// QThreadStorage, not thread_local: a QThread's storage goes before QThread::wait()
// returns. A thread_local goes after, so the last QThreadPool thread could still be
// removing its connection while the process's exit destroys Qt SQL's connection list.
QThreadStorage<ThreadConnections> threadConnectionStorage;
ThreadConnections &threadConnections() {
    return threadConnectionStorage.localData();
}

} // namespace

Store::Store(QString dataDirectory, DatabaseLocation location)
    : m_directory(std::move(dataDirectory))
    , m_location(std::move(location))
    , m_instanceId(QUuid::createUuid().toString(QUuid::Id128))
    , m_connectionPrefix(QStringLiteral("knotie-gateway-") + m_instanceId) {}

Store::~Store() = default;

QString Store::databasePath() const {
    return QDir(m_directory).filePath(QStringLiteral("gateway.sqlite"));
}

int Store::schemaVersion() {
    return static_cast<int>(migrations().size());
}

QString Store::threadConnectionName() const {
    return m_connectionPrefix + QLatin1Char('-') +
           QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()));
}

QSqlDatabase Store::connection() const {
    const QString name = threadConnectionName();
    const int generation = m_connectionGeneration.load();
    ThreadConnections &mine = threadConnections();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        int &seen = mine.generations[name];
        const bool recheck = std::exchange(seen, generation) != generation;
        if (sqldialect::stillConnected(m_location.engine, db, recheck))
            return db;
        // Broken (or never opened): closing it loses nothing, no statement can run on it.
        const auto now = std::chrono::steady_clock::now();
        auto &retryAt = mine.retryAt[name];
        if (now < retryAt)
            return db;
        retryAt = now + std::chrono::milliseconds(500);
        db.close();
        if (tryOpen(db, QtDebugMsg))
            qCInfo(lcStore) << "reconnected to" << describe(m_location, databasePath());
        return db;
    }
    QSqlDatabase db = addConnection(name, {});
    mine.names.append(name);
    mine.generations.insert(name, generation);
    tryOpen(db, QtCriticalMsg);
    return db;
}

QSqlDatabase Store::openConnection(const QString &name, const QString &applicationName) const {
    QSqlDatabase db = addConnection(name, applicationName);
    tryOpen(db, QtCriticalMsg);
    return db;
}

QSqlDatabase Store::addConnection(const QString &name, const QString &applicationName) const {
    QSqlDatabase db = QSqlDatabase::addDatabase(sqldialect::driverName(m_location.engine), name);
    if (m_location.engine == DatabaseLocation::Engine::SQLite) {
        db.setDatabaseName(databasePath());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    } else {
        db.setHostName(m_location.hosts);
        db.setPort(m_location.port);
        db.setDatabaseName(m_location.name);
        db.setUserName(m_location.user);
        db.setPassword(m_location.password);
        QString options = sqldialect::connectOptions(m_location);
        if (!applicationName.isEmpty())
            options += (options.isEmpty() ? QString() : QStringLiteral(";")) +
                       QStringLiteral("application_name=") + applicationName;
        db.setConnectOptions(options);
    }
    return db;
}

bool Store::tryOpen(QSqlDatabase &db, QtMsgType failureLevel) const {
    if (!db.open()) {
        // Reopening fails quietly: the database's health (gateway/databasehealth.h) says
        // once that it is unreachable.
        if (failureLevel == QtCriticalMsg)
            qCCritical(lcStore) << "cannot open" << describe(m_location, databasePath())
                                << db.lastError().text();
        else
            qCDebug(lcStore) << "cannot reopen" << describe(m_location, databasePath())
                             << db.lastError().text();
        return false;
    }
    return sqldialect::configureConnection(m_location.engine, db, busyTimeoutMs);
}

bool Store::connectionLost() const {
    const QString name = threadConnectionName();
    if (!QSqlDatabase::contains(name))
        return false;
    return !sqldialect::stillConnected(m_location.engine, QSqlDatabase::database(name, false), false);
}

bool Store::open(QString *error) {
    if (!QDir().mkpath(m_directory)) {
        *error = QStringLiteral("cannot create the data folder %1").arg(m_directory);
        return false;
    }
    QSqlDatabase db = connection();
    const QString where = describe(m_location, databasePath());
    if (!db.isOpen()) {
        *error = QStringLiteral("cannot open %1: %2").arg(where, db.lastError().text());
        return false;
    }
    QString failure;
    if (!sqldialect::migrate(m_location.engine, db, migrations(), &failure)) {
        *error = QStringLiteral("%1: %2").arg(where, failure);
        return false;
    }
    if (m_location.engine == DatabaseLocation::Engine::PostgreSQL) {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        if (!write([&](QSqlDatabase &transaction) {
                return usagepartitions::ensure(transaction, now - usagepartitions::keptBehindSeconds,
                                               now + usagepartitions::keptAheadSeconds);
            })) {
            *error = QStringLiteral("%1: cannot partition the usage tables").arg(where);
            return false;
        }
    }
    return true;
}

namespace {
thread_local bool lastWriteBusy = false;
} // namespace

bool Store::takeBusy() {
    return std::exchange(lastWriteBusy, false);
}

void Store::setChangeListener(std::function<void(const QSet<QString> &partners)> listener) {
    m_changeListener = std::move(listener);
}

Store::WriteResult Store::write(const std::function<bool(QSqlDatabase &)> &work) const {
    QSqlDatabase db = connection();
    lastWriteBusy = false;
    takeNotedChanges(); // nothing left over from a write that never reached here
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const sqlite::WriteOutcome outcome =
        sqldialect::writeTransaction(m_location.engine, db, [&](QSqlDatabase &transaction) {
            // The change log in the same transaction: other instances learn of exactly the
            // changes that committed (gateway/changes.h).
            return work(transaction) && changelog::append(transaction, m_location.engine, m_instanceId, now);
        });
    // Taken whatever the outcome: a rolled-back change must not be announced later.
    const QSet<QString> changed = takeNotedChanges().partners;
    switch (outcome) {
    case sqlite::WriteOutcome::Committed:
        if (m_changeListener && !changed.isEmpty())
            m_changeListener(changed);
        return {WriteResult::Outcome::Committed};
    case sqlite::WriteOutcome::Busy:
        lastWriteBusy = true;
        return {WriteResult::Outcome::Busy};
    case sqlite::WriteOutcome::RolledBack:
        break;
    }
    return {WriteResult::Outcome::RolledBack};
}

QSqlQuery prepare(const QSqlDatabase &db, const QString &sql) {
    QSqlQuery q(db);
    if (!q.prepare(sql))
        qCWarning(lcStore) << "cannot prepare" << sql << q.lastError().text();
    return q;
}

QSqlQuery prepareForwardOnly(const QSqlDatabase &db, const QString &sql) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        qCWarning(lcStore) << "cannot prepare" << sql << q.lastError().text();
    return q;
}

bool exec(QSqlQuery &query) {
    if (query.exec())
        return true;
    qCWarning(lcStore) << "query failed:" << query.lastQuery() << query.lastError().text();
    return false;
}

} // namespace knotie::gateway
