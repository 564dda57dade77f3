#include "models/cache/cache.h"
#include "models/data/stringinterner.h"

#include "models/cache/cachemigrations.h"
#include "models/logging.h"
#include "models/sqlite/sqlitedb.h"

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

#if KNOTIE_CACHE_SQLITE_C_API
#include <sqlite3.h>
#endif

namespace knotie {

namespace {

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
// a file that is not a database must be recognised before anything (even WAL mode) is
// written. Damage inside the file is found later, by Cache::checkIntegrity().
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

bool Cache::setAside(OpenResult *result) {
    const QString target = m_path + QStringLiteral(".damaged-") +
                           QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(m_path + suffix); // they belong to the damaged file
    if (!QFile::rename(m_path, target)) {
        result->status = OpenStatus::Failed;
        result->message =
            tr("The local copy of your data (%1) is damaged and cannot be moved aside.").arg(m_path);
        return false;
    }
    qCWarning(lcCache) << "damaged cache moved aside to" << target;
    result->status = OpenStatus::Rebuilt;
    result->movedAsidePath = target;
    result->message = tr("The local copy of your data was damaged. It was set aside (%1) and is being "
                         "rebuilt from the gateway; nothing the gateway has is lost.")
                          .arg(QDir::toNativeSeparators(target));
    return true;
}

Cache::OpenResult Cache::checkIntegrity() {
    {
        QSqlQuery q(connection());
        if (q.exec(QStringLiteral("PRAGMA quick_check")) && q.next() &&
            q.value(0).toString() == QLatin1String("ok"))
            return {OpenStatus::Ok, {}, {}};
    }
    closeConnection();
    OpenResult result;
    if (!setAside(&result))
        return result;
    const OpenResult fresh = open();
    return fresh.status == OpenStatus::Ok ? result : fresh;
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
        if (state != Probe::Fine && !setAside(&result))
            return result;
    }

    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        result.status = OpenStatus::Failed;
        result.message = tr("Cannot open the local copy of your data: %1").arg(db.lastError().text());
        return result;
    }
    // WAL lets the model read while a sync writes.
    if (!sqlite::enableWriteAheadLog(db)) {
        result.status = OpenStatus::Failed;
        result.message = tr("Cannot open the local copy of your data in write-ahead mode.");
        return result;
    }
    // A cache can be synced again: losing its last commits on power loss costs nothing.
    sqlite::setDurability(db, sqlite::Durability::Normal);
    const int version = qMax(0, sqlite::schemaVersion(db));
    if (version > schemaVersion()) { // the probe saw an older state than the WAL holds
        closeConnection();
        result.status = OpenStatus::TooNew;
        result.message = tr("The local copy of your data was written by a newer version of the portal.");
        return result;
    }
    QString failure;
    if (!sqlite::migrate(db, cacheMigrations(), version, targetVersion, &failure)) {
        result.status = OpenStatus::Failed;
        result.message = tr("Cannot update the local copy of your data: %1").arg(failure);
        return result;
    }
    m_open = true;
    if (result.status != OpenStatus::Rebuilt)
        result.status = OpenStatus::Ok;
    return result;
}

bool Cache::attach() {
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return false;
    // Write-ahead mode belongs to the file; durability to each connection.
    sqlite::setDurability(db, sqlite::Durability::Normal);
    m_open = true;
    return true;
}

bool Cache::write(const std::function<bool(QSqlDatabase &)> &work) const {
    QSqlDatabase db = connection();
    return sqlite::writeTransaction(db, work) == sqlite::WriteOutcome::Committed;
}

QString Cache::keyColumns() {
    return QStringLiteral(
        "id, name, description, type, customer_id, prefix, last4, status, created_at,"
        " created_by_id, created_by_name, last_used_at, expires_at, revoked_at, revoked_by_id,"
        " revoked_by_name, replaced_by, replaces, rate_limit_requests, rate_limit_seconds, custodian_id,"
        " custodian_name");
}

namespace {

// The columns of a key row, written once for both ways of binding them below.
template <typename Binder>
void bindKey(Binder &b, const ApiKey &k, const QString &type, const QString &status) {
    b.text(0, k.id);
    b.text(1, k.name);
    b.text(2, k.description);
    b.text(3, type);
    b.optionalText(4, k.customerId);
    b.text(5, k.prefix);
    b.text(6, k.last4);
    b.text(7, status);
    b.integer(8, k.createdAt);
    b.text(9, k.createdBy.id);
    b.text(10, k.createdBy.name);
    b.optionalInteger(11, k.lastUsedAt);
    b.optionalInteger(12, k.expiresAt);
    b.optionalInteger(13, k.revokedAt);
    b.optionalText(14, k.revokedBy ? k.revokedBy->id : QString());
    b.optionalText(15, k.revokedBy ? k.revokedBy->name : QString());
    b.optionalText(16, k.replacedBy);
    b.optionalText(17, k.replaces);
    b.optionalInteger(18, k.rateLimit ? k.rateLimit->requests : 0);
    b.optionalInteger(19, k.rateLimit ? k.rateLimit->perSeconds : 0);
    b.optionalText(20, k.custodian ? k.custodian->id : QString());
    b.optionalText(21, k.custodian ? k.custodian->name : QString());
}

QString insertKeySql() {
    return QStringLiteral("INSERT OR REPLACE INTO keys (") + Cache::keyColumns() +
           QStringLiteral(") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
}

#if KNOTIE_CACHE_SQLITE_C_API
// SQLite's C API on Qt's own connection handle: a sync writes up to 100,000 rows, and
// QSqlQuery's bindValue/exec costs about 3x as much per row (STYLE.md). Only where Qt's
// SQLite driver uses the system's libsqlite3 (Linux distributions); Qt's own builds for
// Windows and macOS carry a private copy, which must not be handed to another one.
//
// A statement prepared on that handle, finalized with it; null (and said) when there is none.
// The key writer and the key reader below are each one.
class HandleStatement {
protected:
    HandleStatement(const QSqlDatabase &db, const QString &sql, const char *failure) {
        const QVariant handle = db.driver()->handle();
        if (qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_db = *static_cast<sqlite3 *const *>(handle.constData());
        const QByteArray utf8 = sql.toUtf8();
        if (!m_db ||
            sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &m_statement, nullptr) != SQLITE_OK)
            qCWarning(lcCache) << failure << (m_db ? sqlite3_errmsg(m_db) : "no handle");
    }
    ~HandleStatement() { sqlite3_finalize(m_statement); }
    HandleStatement(const HandleStatement &) = delete;
    HandleStatement &operator=(const HandleStatement &) = delete;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
};

class KeyWriter : HandleStatement {
public:
    explicit KeyWriter(QSqlDatabase &db)
        : HandleStatement(db, insertKeySql(), "cannot prepare the key insert:") {}
    bool isValid() const { return m_statement; }
    bool write(const ApiKey &k) {
        // SQLITE_STATIC points into these and into `k`: both outlive the step.
        const QString type = keyTypeWireName(k.type);
        const QString status = keyStatusWireName(k.status);
        bindKey(*this, k, type, status);
        const bool ok = sqlite3_step(m_statement) == SQLITE_DONE;
        if (!ok)
            qCWarning(lcCache) << "cannot store a key:" << sqlite3_errmsg(m_db);
        sqlite3_reset(m_statement);
        return ok;
    }
    void text(int i, const QString &v) {
        // utf16() of a null QString is an empty string, never a null pointer (which
        // SQLite would bind as NULL, against the NOT NULL columns).
        sqlite3_bind_text16(m_statement, i + 1, v.utf16(), int(v.size() * 2), SQLITE_STATIC);
    }
    void optionalText(int i, const QString &v) {
        if (v.isEmpty())
            sqlite3_bind_null(m_statement, i + 1);
        else
            text(i, v);
    }
    void integer(int i, qint64 v) { sqlite3_bind_int64(m_statement, i + 1, v); }
    void optionalInteger(int i, qint64 v) {
        if (v)
            integer(i, v);
        else
            sqlite3_bind_null(m_statement, i + 1);
    }
};
#else
class KeyWriter {
public:
    explicit KeyWriter(QSqlDatabase &db)
        : m_query(db) {
        m_valid = m_query.prepare(insertKeySql());
    }
    bool isValid() const { return m_valid; }
    bool write(const ApiKey &k) {
        bindKey(*this, k, keyTypeWireName(k.type), keyStatusWireName(k.status));
        if (m_query.exec())
            return true;
        qCWarning(lcCache) << "cannot store a key:" << m_query.lastError().text();
        return false;
    }
    void text(int i, const QString &v) { m_query.bindValue(i, text(v)); }
    void optionalText(int i, const QString &v) { m_query.bindValue(i, textOrNull(v)); }
    void integer(int i, qint64 v) { m_query.bindValue(i, v); }
    void optionalInteger(int i, qint64 v) { m_query.bindValue(i, timeOrNull(v)); }

private:
    static QString text(const QString &s) { return knotie::text(s); }
    QSqlQuery m_query;
    bool m_valid = false;
};
#endif

} // namespace

bool Cache::storeKeys(const QList<ApiKey> &keys, const QString &syncName, const SyncMark &mark) {
    return write([&](QSqlDatabase &db) {
        KeyWriter writer(db);
        if (!writer.isValid())
            return false;
        for (const ApiKey &k : keys)
            if (!writer.write(k))
                return false;
        return syncName.isEmpty() || setSyncMark(db, syncName, mark);
    });
}

namespace {
// A key from its row, read once for both ways of reading rows below. Values that repeat
// across keys (prefix, customer, creator, who revoked it, who answers for it) come out of
// `shared`, one string for all the rows that hold it.
template <typename Row> ApiKey readKey(const Row &r, StringInterner &shared) {
    const auto person = [&r, &shared](int column) {
        return PersonRef{shared.intern(r.text(column)), shared.intern(r.text(column + 1))};
    };
    ApiKey k;
    k.id = r.text(0);
    k.name = r.text(1);
    k.description = r.text(2);
    k.type = keyTypeFromWireName(r.text(3)).value_or(KeyType::ReadOnly);
    k.customerId = shared.intern(r.text(4));
    k.prefix = shared.intern(r.text(5));
    k.last4 = r.text(6);
    k.status = keyStatusFromWireName(r.text(7)).value_or(KeyStatus::Active);
    k.createdAt = r.integer(8);
    k.createdBy = person(9);
    k.lastUsedAt = r.integer(11);
    k.expiresAt = r.integer(12);
    k.revokedAt = r.integer(13);
    if (!r.isNull(14))
        k.revokedBy = person(14);
    k.replacedBy = r.text(16);
    k.replaces = r.text(17);
    if (!r.isNull(18))
        k.rateLimit = RateLimit{int(r.integer(18)), int(r.integer(19))};
    if (!r.isNull(20))
        k.custodian = person(20);
    return k;
}

QString selectKeysSql(const char *rest) {
    return QStringLiteral("SELECT ") + Cache::keyColumns() + QStringLiteral(" FROM keys ") +
           QLatin1StringView(rest);
}

#if KNOTIE_CACHE_SQLITE_C_API
// Key rows through the same C API as KeyWriter: QSqlQuery makes a QVariant of every column
// of every row before the row is read, which was half the time of loading 100,000 keys.
class KeyRows : HandleStatement {
public:
    KeyRows(const QSqlDatabase &db, const QString &sql)
        : HandleStatement(db, sql, "cannot read keys:") {}

    void bind(int i, qint64 v) { sqlite3_bind_int64(m_statement, i + 1, v); }
    void bind(int i, const QString &v) {
        sqlite3_bind_text16(m_statement, i + 1, v.utf16(), int(v.size() * 2), SQLITE_TRANSIENT);
    }
    bool next() {
        if (!m_statement)
            return false;
        const int step = sqlite3_step(m_statement);
        if (step != SQLITE_ROW && step != SQLITE_DONE)
            qCWarning(lcCache) << "cannot read keys:" << sqlite3_errmsg(m_db);
        return step == SQLITE_ROW;
    }
    // The cache stores text as UTF-8, so this is the column's own bytes, not a conversion.
    QString text(int i) const {
        const auto *utf8 = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, i));
        return QString::fromUtf8(utf8, sqlite3_column_bytes(m_statement, i));
    }
    qint64 integer(int i) const { return sqlite3_column_int64(m_statement, i); }
    bool isNull(int i) const { return sqlite3_column_type(m_statement, i) == SQLITE_NULL; }
};
#else
class KeyRows {
public:
    KeyRows(const QSqlDatabase &db, const QString &sql)
        : m_query(db) {
        m_query.setForwardOnly(true);
        m_query.prepare(sql);
    }
    void bind(int i, const QVariant &v) { m_query.bindValue(i, v); }
    bool next() {
        if (!m_query.isActive() && !m_query.exec()) {
            qCWarning(lcCache) << "cannot read keys:" << m_query.lastError().text();
            return false;
        }
        return m_query.next();
    }
    QString text(int i) const { return m_query.value(i).toString(); }
    qint64 integer(int i) const { return m_query.value(i).toLongLong(); }
    bool isNull(int i) const { return m_query.value(i).isNull(); }

private:
    QSqlQuery m_query;
};
#endif
} // namespace

QList<ApiKey> Cache::loadKeys() const {
    QList<ApiKey> keys;
    // Room for every key at once: a growing list of 100,000 keys moves each key on every
    // growth, and holds the old and the new array together while it does.
    keys.reserve(qMax(0, keyCount()));
    KeyRows rows(connection(), selectKeysSql("ORDER BY created_at, id"));
    StringInterner shared;
    while (rows.next())
        keys.append(readKey(rows, shared));
    return keys;
}

QList<ApiKey> Cache::loadNewestKeys(int limit) const {
    QList<ApiKey> keys;
    KeyRows rows(connection(), selectKeysSql("ORDER BY created_at DESC, id DESC LIMIT ?"));
    rows.bind(0, qint64(limit));
    StringInterner shared;
    while (rows.next())
        keys.prepend(readKey(rows, shared));
    return keys;
}

std::optional<ApiKey> Cache::loadKey(const QString &id) const {
    KeyRows rows(connection(), selectKeysSql("WHERE id = ?"));
    rows.bind(0, id);
    StringInterner shared;
    if (rows.next())
        return readKey(rows, shared);
    return std::nullopt;
}

int Cache::keyCount() const {
    QSqlQuery q(connection());
    return q.exec(QStringLiteral("SELECT count(*) FROM keys")) && q.next() ? q.value(0).toInt() : -1;
}

bool Cache::replaceCustomers(const QList<Customer> &customers, UnixTime syncedAt) {
    return write([&](QSqlDatabase &db) {
        if (!sqlite::run(db, QStringLiteral("DELETE FROM customers")))
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
        if (!sqlite::run(db, QStringLiteral("DELETE FROM team")))
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
