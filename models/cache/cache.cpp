#include "cache.h"

#include "cachemigrations.h"
#include "logging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

#include <sqlite3.h>

namespace knotie {

namespace {

bool run(QSqlDatabase &db, const QString &sql, QString *error = nullptr) {
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text();
    qCWarning(lcCache) << "statement failed:" << sql.left(60) << q.lastError().text();
    return false;
}

// A null QString binds as SQL NULL; NOT NULL text columns get an empty string.
QString text(const QString &s) {
    return s.isNull() ? QStringLiteral("") : s;
}
QVariant textOrNull(const QString &s) {
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}
QVariant timeOrNull(UnixTime t) {
    return t ? QVariant(t) : QVariant(QMetaType(QMetaType::LongLong));
}

// Probes an existing file without writing to it: a newer schema must stay untouched, and
// a damaged file must be recognised before anything (even WAL mode) is written.
enum class Probe { Fine, Damaged, Unreadable };
Probe probe(const QString &path, int *version) {
    const QString name = QStringLiteral("knotie-cache-probe-") + QUuid::createUuid().toString(QUuid::Id128);
    Probe result = Probe::Fine;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        // immutable: no lock, no -wal or -shm beside a file this program may not touch.
        // It can miss a change still in the WAL; open() checks the version again.
        db.setDatabaseName(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) +
                           QStringLiteral("?immutable=1"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        if (!db.open()) {
            result = Probe::Unreadable;
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
                result = Probe::Damaged;
            } else {
                *version = q.value(0).toInt();
                if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next() ||
                    q.value(0).toString() != QLatin1String("ok"))
                    result = Probe::Damaged;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

Cache::Cache(QString filePath)
    : m_path(std::move(filePath))
    , m_connectionName(QStringLiteral("knotie-cache-") + QUuid::createUuid().toString(QUuid::Id128)) {}

Cache::~Cache() {
    closeConnection();
}

QString Cache::defaultPath(const QUrl &gateway, const QString &accountId) {
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QString host = gateway.host(QUrl::EncodeUnicode) + QLatin1Char('_') + QString::number(gateway.port(0));
    host.replace(QLatin1Char(':'), QLatin1Char('_')); // IPv6
    // Account ids are opaque `[A-Za-z0-9_-]` (API.md), safe as file names.
    return QDir(base).filePath(QStringLiteral("cache/%1/%2.sqlite").arg(host, accountId));
}

int Cache::schemaVersion() {
    return static_cast<int>(cacheMigrations().size());
}

QSqlDatabase Cache::connection() const {
    // Qt Sql connections must not cross threads: a Cache belongs to the thread that opened it.
    Q_ASSERT_X(!m_thread || m_thread == QThread::currentThread(), "Cache", "used from another thread");
    m_thread = QThread::currentThread();
    if (QSqlDatabase::contains(m_connectionName))
        return QSqlDatabase::database(m_connectionName, false);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        qCWarning(lcCache) << "cannot open the cache" << db.lastError().text();
    return db;
}

void Cache::closeConnection() {
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_open = false;
    m_thread = nullptr;
}

bool Cache::moveAside(QString *movedTo) {
    const QString target = m_path + QStringLiteral(".damaged-") +
                           QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(m_path + suffix); // they belong to the damaged file
    if (!QFile::rename(m_path, target))
        return false;
    *movedTo = target;
    return true;
}

Cache::OpenResult Cache::open(int targetVersion) {
    OpenResult result;
    closeConnection();
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        result.message = tr("Cannot create the folder for the local copy of your data (%1).")
                             .arg(QFileInfo(m_path).absolutePath());
        return result;
    }
    if (QFileInfo::exists(m_path)) {
        int version = 0;
        const Probe state = probe(m_path, &version);
        if (state == Probe::Fine && version > schemaVersion()) {
            result.status = OpenStatus::TooNew;
            result.message =
                tr("The local copy of your data was written by a newer version of the portal, so "
                   "this version will not touch it. It works from the gateway only; update the "
                   "portal to use the local copy again.");
            return result;
        }
        if (state != Probe::Fine) {
            if (!moveAside(&result.movedAsidePath)) {
                result.message =
                    tr("The local copy of your data (%1) is damaged and cannot be moved aside.").arg(m_path);
                return result;
            }
            qCWarning(lcCache) << "damaged cache moved aside to" << result.movedAsidePath;
            result.status = OpenStatus::Rebuilt;
            result.message = tr("The local copy of your data was damaged. It was set aside (%1) and is being "
                                "rebuilt from the gateway; nothing the gateway has is lost.")
                                 .arg(QDir::toNativeSeparators(result.movedAsidePath));
        }
    }

    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        result.status = OpenStatus::Failed;
        result.message = tr("Cannot open the local copy of your data: %1").arg(db.lastError().text());
        return result;
    }
    QSqlQuery q(db);
    // WAL lets the model read while a sync writes; read it back, as SQLite silently
    // keeps the old mode where WAL is impossible.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next() ||
        q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        result.status = OpenStatus::Failed;
        result.message = tr("Cannot open the local copy of your data in write-ahead mode.");
        return result;
    }
    run(db, QStringLiteral("PRAGMA synchronous = NORMAL"));
    int version = 0;
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        version = q.value(0).toInt();
    if (version > schemaVersion()) { // the probe saw an older state than the WAL holds
        closeConnection();
        result.status = OpenStatus::TooNew;
        result.message = tr("The local copy of your data was written by a newer version of the portal.");
        return result;
    }
    for (int next = version; next < targetVersion; ++next) {
        QString failure;
        const bool ok = write([&](QSqlDatabase &conn) {
            for (const QString &sql : cacheMigrations().at(next))
                if (!run(conn, sql, &failure))
                    return false;
            return run(conn, QStringLiteral("PRAGMA user_version = %1").arg(next + 1), &failure);
        });
        if (!ok) {
            result.status = OpenStatus::Failed;
            result.message =
                tr("Cannot update the local copy of your data to version %1: %2").arg(next + 1).arg(failure);
            return result;
        }
    }
    m_open = true;
    if (result.status != OpenStatus::Rebuilt)
        result.status = OpenStatus::Ok;
    return result;
}

bool Cache::write(const std::function<bool(QSqlDatabase &)> &work) const {
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        qCWarning(lcCache) << "BEGIN IMMEDIATE failed:" << q.lastError().text();
        return false;
    }
    if (work(db) && q.exec(QStringLiteral("COMMIT")))
        return true;
    q.exec(QStringLiteral("ROLLBACK"));
    return false;
}

QString Cache::keyColumns() {
    return QStringLiteral(
        "id, name, description, type, customer_id, prefix, last4, status, created_at,"
        " created_by_id, created_by_name, last_used_at, expires_at, revoked_at, revoked_by_id,"
        " revoked_by_name, replaced_by, replaces, rate_limit_requests, rate_limit_seconds");
}

bool Cache::storeKeys(const QList<ApiKey> &keys, const QString &syncName, const SyncMark &mark) {
    return write([&](QSqlDatabase &db) {
        // SQLite's C API on Qt's own handle: a sync writes up to 100,000 rows, and
        // QSqlQuery's bindValue/exec costs about 3× as much per row (STYLE.md).
        const QVariant handle = db.driver()->handle();
        sqlite3 *sqlite = qstrcmp(handle.typeName(), "sqlite3*") == 0
                              ? *static_cast<sqlite3 *const *>(handle.constData())
                              : nullptr;
        if (!sqlite) {
            qCWarning(lcCache) << "the Qt Sql driver has no SQLite handle";
            return false;
        }
        const QByteArray sql = "INSERT OR REPLACE INTO keys (" + keyColumns().toUtf8() +
                               ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(sqlite, sql.constData(), int(sql.size()), &statement, nullptr) != SQLITE_OK) {
            qCWarning(lcCache) << "cannot prepare the key insert:" << sqlite3_errmsg(sqlite);
            return false;
        }
        const auto text = [statement](int column, const QString &value) {
            sqlite3_bind_text16(statement, column, value.utf16(), int(value.size() * 2), SQLITE_STATIC);
        };
        const auto textOrNullAt = [&](int column, const QString &value) {
            if (value.isEmpty())
                sqlite3_bind_null(statement, column);
            else
                text(column, value);
        };
        const auto timeOrNullAt = [statement](int column, UnixTime value) {
            if (value)
                sqlite3_bind_int64(statement, column, value);
            else
                sqlite3_bind_null(statement, column);
        };
        bool ok = true;
        for (const ApiKey &k : keys) {
            // Kept alive until the row is written: SQLITE_STATIC points into them.
            const QString type = keyTypeWireName(k.type);
            const QString status = keyStatusWireName(k.status);
            text(1, k.id);
            text(2, k.name);
            text(3, k.description);
            text(4, type);
            textOrNullAt(5, k.customerId);
            text(6, k.prefix);
            text(7, k.last4);
            text(8, status);
            sqlite3_bind_int64(statement, 9, k.createdAt);
            text(10, k.createdBy.id);
            text(11, k.createdBy.name);
            timeOrNullAt(12, k.lastUsedAt);
            timeOrNullAt(13, k.expiresAt);
            timeOrNullAt(14, k.revokedAt);
            textOrNullAt(15, k.revokedBy ? k.revokedBy->id : QString());
            textOrNullAt(16, k.revokedBy ? k.revokedBy->name : QString());
            textOrNullAt(17, k.replacedBy);
            textOrNullAt(18, k.replaces);
            if (k.rateLimit) {
                sqlite3_bind_int(statement, 19, k.rateLimit->requests);
                sqlite3_bind_int(statement, 20, k.rateLimit->perSeconds);
            } else {
                sqlite3_bind_null(statement, 19);
                sqlite3_bind_null(statement, 20);
            }
            if (sqlite3_step(statement) != SQLITE_DONE) {
                qCWarning(lcCache) << "cannot store a key:" << sqlite3_errmsg(sqlite);
                ok = false;
                break;
            }
            sqlite3_reset(statement);
        }
        sqlite3_finalize(statement);
        return ok && (syncName.isEmpty() || setSyncMark(db, syncName, mark));
    });
}

namespace {
ApiKey keyFromRow(const QSqlQuery &q) {
    ApiKey k;
    k.id = q.value(0).toString();
    k.name = q.value(1).toString();
    k.description = q.value(2).toString();
    k.type = keyTypeFromWireName(q.value(3).toString()).value_or(KeyType::ReadOnly);
    k.customerId = q.value(4).toString();
    k.prefix = q.value(5).toString();
    k.last4 = q.value(6).toString();
    k.status = keyStatusFromWireName(q.value(7).toString()).value_or(KeyStatus::Active);
    k.createdAt = q.value(8).toLongLong();
    k.createdBy = {q.value(9).toString(), q.value(10).toString()};
    k.lastUsedAt = q.value(11).toLongLong();
    k.expiresAt = q.value(12).toLongLong();
    k.revokedAt = q.value(13).toLongLong();
    if (!q.value(14).isNull())
        k.revokedBy = PersonRef{q.value(14).toString(), q.value(15).toString()};
    k.replacedBy = q.value(16).toString();
    k.replaces = q.value(17).toString();
    if (!q.value(18).isNull())
        k.rateLimit = RateLimit{q.value(18).toInt(), q.value(19).toInt()};
    return k;
}
} // namespace

QList<ApiKey> Cache::loadKeys() const {
    QList<ApiKey> keys;
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + keyColumns() +
                QStringLiteral(" FROM keys ORDER BY created_at, id")))
        return keys;
    while (q.next())
        keys.append(keyFromRow(q));
    return keys;
}

QList<ApiKey> Cache::loadNewestKeys(int limit) const {
    QList<ApiKey> keys;
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + keyColumns() +
              QStringLiteral(" FROM keys ORDER BY created_at DESC, id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return keys;
    while (q.next())
        keys.prepend(keyFromRow(q));
    return keys;
}

std::optional<ApiKey> Cache::loadKey(const QString &id) const {
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT ") + keyColumns() + QStringLiteral(" FROM keys WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return keyFromRow(q);
    return std::nullopt;
}

int Cache::keyCount() const {
    QSqlQuery q(connection());
    return q.exec(QStringLiteral("SELECT count(*) FROM keys")) && q.next() ? q.value(0).toInt() : -1;
}

bool Cache::replaceCustomers(const QList<Customer> &customers, UnixTime syncedAt) {
    return write([&](QSqlDatabase &db) {
        if (!run(db, QStringLiteral("DELETE FROM customers")))
            return false;
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO customers (id, name, created_at) VALUES (?,?,?)"));
        for (const Customer &c : customers) {
            q.bindValue(0, c.id);
            q.bindValue(1, text(c.name));
            q.bindValue(2, timeOrNull(c.createdAt));
            if (!q.exec())
                return false;
        }
        return setSyncMark(db, QStringLiteral("customers"), {{}, syncedAt});
    });
}

QList<Customer> Cache::loadCustomers() const {
    QList<Customer> out;
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("SELECT id, name, created_at FROM customers ORDER BY name COLLATE NOCASE")))
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
    return out;
}

bool Cache::replaceTeam(const QList<TeamMember> &members, UnixTime syncedAt) {
    return write([&](QSqlDatabase &db) {
        if (!run(db, QStringLiteral("DELETE FROM team")))
            return false;
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO team (id, email, name, role, permissions) VALUES (?,?,?,?,?)"));
        for (const TeamMember &m : members) {
            q.bindValue(0, m.id);
            q.bindValue(1, text(m.email));
            q.bindValue(2, text(m.name));
            q.bindValue(3, text(m.role));
            q.bindValue(4, m.permissions.join(QLatin1Char(' ')));
            if (!q.exec())
                return false;
        }
        return setSyncMark(db, QStringLiteral("team"), {{}, syncedAt});
    });
}

QList<TeamMember> Cache::loadTeam() const {
    QList<TeamMember> out;
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral(
            "SELECT id, email, name, role, permissions FROM team ORDER BY name COLLATE NOCASE")))
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString(),
                        q.value(4).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts)});
    return out;
}

bool Cache::storeAudit(const QList<AuditEvent> &events, const SyncMark &mark) {
    return write([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO audit_events (id, at, actor_id, actor_name, action, key_id,"
            " details) VALUES (?,?,?,?,?,?,?)"));
        for (const AuditEvent &e : events) {
            q.bindValue(0, e.id);
            q.bindValue(1, e.at);
            q.bindValue(2, e.actor.id);
            q.bindValue(3, e.actor.name);
            q.bindValue(4, text(e.action));
            q.bindValue(5, textOrNull(e.keyId));
            q.bindValue(6, e.details);
            if (!q.exec())
                return false;
        }
        return setSyncMark(db, QStringLiteral("audit"), mark);
    });
}

QList<AuditEvent> Cache::loadAudit(int limit) const {
    QList<AuditEvent> out;
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT id, at, actor_id, actor_name, action, key_id, details FROM audit_events"
                             " ORDER BY at DESC, id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (q.exec())
        while (q.next())
            out.append({q.value(0).toString(),
                        q.value(1).toLongLong(),
                        {q.value(2).toString(), q.value(3).toString()},
                        q.value(4).toString(),
                        q.value(5).toString(),
                        q.value(6).toString()});
    return out;
}

bool Cache::storeUsage(const QString &scope, const UsageSeries &series, UnixTime syncedAt) {
    return write([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO usage_buckets (scope, bucket, start, requests, ok,"
                                 " client_errors, server_errors, p95_ms) VALUES (?,?,?,?,?,?,?,?)"));
        const QString bucket = bucketWireName(series.bucket);
        for (const UsageBucket &b : series.buckets) {
            q.bindValue(0, scope);
            q.bindValue(1, bucket);
            q.bindValue(2, b.start);
            q.bindValue(3, b.requests);
            q.bindValue(4, b.ok);
            q.bindValue(5, b.clientErrors);
            q.bindValue(6, b.serverErrors);
            q.bindValue(7, b.p95Ms ? QVariant(*b.p95Ms) : QVariant(QMetaType(QMetaType::Int)));
            if (!q.exec())
                return false;
        }
        return setSyncMark(db, QStringLiteral("usage:") + scope, {{}, syncedAt});
    });
}

UsageSeries Cache::loadUsage(const QString &scope, BucketSize bucket, UnixTime from, UnixTime to) const {
    UsageSeries out{bucket, {}};
    QSqlQuery q(connection());
    q.prepare(
        QStringLiteral("SELECT start, requests, ok, client_errors, server_errors, p95_ms FROM usage_buckets"
                       " WHERE scope = ? AND bucket = ? AND start >= ? AND start < ? ORDER BY start"));
    q.addBindValue(scope);
    q.addBindValue(bucketWireName(bucket));
    q.addBindValue(from);
    q.addBindValue(to);
    if (q.exec())
        while (q.next()) {
            UsageBucket b{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                          q.value(3).toLongLong(), q.value(4).toLongLong(), std::nullopt};
            if (!q.value(5).isNull())
                b.p95Ms = q.value(5).toInt();
            out.buckets.append(b);
        }
    return out;
}

SyncMark Cache::syncMark(const QString &name) const {
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT cursor, synced_at FROM sync_state WHERE name = ?"));
    q.addBindValue(name);
    if (q.exec() && q.next())
        return {q.value(0).toString(), q.value(1).toLongLong()};
    return {};
}

bool Cache::setSyncMark(QSqlDatabase &db, const QString &name, const SyncMark &mark) const {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_state (name, cursor, synced_at) VALUES (?,?,?)"));
    q.addBindValue(name);
    q.addBindValue(textOrNull(mark.cursor));
    q.addBindValue(mark.syncedAt);
    return q.exec();
}

UnixTime Cache::lastSyncedAt() const {
    QSqlQuery q(connection());
    return q.exec(QStringLiteral("SELECT max(synced_at) FROM sync_state")) && q.next()
               ? q.value(0).toLongLong()
               : 0;
}

} // namespace knotie
