#include "gateway/store.h"

#include "gateway/migrations.h"

#include <QDir>
#include <QLoggingCategory>
#include <QSqlError>
#include <QThread>
#include <QUuid>

namespace knotie::gateway {

Q_LOGGING_CATEGORY(lcStore, "knotie.gateway.store", QtInfoMsg)

namespace {

// Removes this thread's connection when the thread ends, after every QSqlDatabase
// handle on it is gone.
struct ThreadConnections {
    QStringList names;
    ~ThreadConnections() {
        for (const QString &name : std::as_const(names))
            QSqlDatabase::removeDatabase(name);
    }
};
thread_local ThreadConnections threadConnections;

bool runStatement(QSqlDatabase &db, const QString &sql, QString *error) {
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

} // namespace

Store::Store(QString dataDirectory)
    : m_directory(std::move(dataDirectory))
    , m_connectionPrefix(QStringLiteral("knotie-gateway-") + QUuid::createUuid().toString(QUuid::Id128)) {}

Store::~Store() = default;

QString Store::databasePath() const {
    return QDir(m_directory).filePath(QStringLiteral("gateway.sqlite"));
}

int Store::schemaVersion() {
    return static_cast<int>(migrations().size());
}

QSqlDatabase Store::connection() const {
    const QString name = m_connectionPrefix + QLatin1Char('-') +
                         QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(databasePath());
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        qCCritical(lcStore) << "cannot open" << databasePath() << db.lastError().text();
    QSqlQuery pragmas(db);
    pragmas.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    pragmas.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    threadConnections.names.append(name);
    return db;
}

bool Store::open(QString *error) {
    if (!QDir().mkpath(m_directory)) {
        *error = QStringLiteral("cannot create the data folder %1").arg(m_directory);
        return false;
    }
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        *error = QStringLiteral("cannot open %1: %2").arg(databasePath(), db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next() ||
        q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        *error = QStringLiteral("cannot switch %1 to write-ahead logging").arg(databasePath());
        return false;
    }
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        *error = QStringLiteral("cannot read the schema version of %1").arg(databasePath());
        return false;
    }
    const int version = q.value(0).toInt();
    // An unfinished statement would keep its tables locked against a migration's DROP.
    q.finish();
    if (version > schemaVersion()) {
        *error = QStringLiteral("%1 was written by a newer knotie-gateway (schema %2; this one knows %3); "
                                "refusing to touch it")
                     .arg(databasePath())
                     .arg(version)
                     .arg(schemaVersion());
        return false;
    }
    for (int next = version; next < schemaVersion(); ++next) {
        QString failure;
        const bool ok = write([&](QSqlDatabase &conn) {
            for (const QString &sql : migrations().at(next))
                if (!runStatement(conn, sql, &failure))
                    return false;
            return runStatement(conn, QStringLiteral("PRAGMA user_version = %1").arg(next + 1), &failure);
        });
        if (!ok) {
            *error = QStringLiteral("migration to schema %1 failed: %2").arg(next + 1).arg(failure);
            return false;
        }
    }
    return true;
}

bool Store::write(const std::function<bool(QSqlDatabase &)> &work) const {
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        qCWarning(lcStore) << "BEGIN IMMEDIATE failed:" << q.lastError().text();
        return false;
    }
    if (work(db) && q.exec(QStringLiteral("COMMIT")))
        return true;
    q.exec(QStringLiteral("ROLLBACK"));
    return false;
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
