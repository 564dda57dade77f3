#include "gateway/sqldialect.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

#include <libpq-fe.h>

#include <algorithm>

namespace knotie::gateway {

Q_LOGGING_CATEGORY(lcDialect, "knotie.gateway.store", QtInfoMsg)

using Engine = DatabaseLocation::Engine;

std::optional<DatabaseLocation> DatabaseLocation::parse(const QString &text, QString *error) {
    if (text.isEmpty() || text == QLatin1String("sqlite"))
        return DatabaseLocation{};
    // USER[:PASSWORD]@ HOSTS /DBNAME ?QUERY; hosts are `host[:port]` separated by commas,
    // which QUrl does not read, hence the pattern.
    static const QRegularExpression uri(QStringLiteral(
        R"(^postgres(?:ql)?://(?:([^:@/]*)(?::([^@/]*))?@)?([^/?]*)(?:/([^?]*))?(?:\?(.*))?$)"));
    const QRegularExpressionMatch m = uri.match(text);
    if (!m.hasMatch()) {
        *error = QStringLiteral("--database wants `sqlite` or postgresql://USER[:PASSWORD]@HOST:PORT/DBNAME");
        return std::nullopt;
    }
    const auto decoded = [](const QString &part) {
        return QUrl::fromPercentEncoding(part.toUtf8());
    };
    DatabaseLocation location;
    location.engine = Engine::PostgreSQL;
    location.user = decoded(m.captured(1));
    location.password = decoded(m.captured(2));
    location.name = decoded(m.captured(4));
    QStringList hosts;
    QString port;
    for (const QString &hostAndPort : m.captured(3).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        // [v6]:port or host:port
        const qsizetype colon = hostAndPort.lastIndexOf(QLatin1Char(':'));
        const bool hasPort = colon > 0 && !hostAndPort.mid(colon).contains(QLatin1Char(']'));
        QString host = hasPort ? hostAndPort.left(colon) : hostAndPort;
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        const QString thisPort = hasPort ? hostAndPort.mid(colon + 1) : QStringLiteral("5432");
        if (!port.isEmpty() && thisPort != port) {
            *error = QStringLiteral("--database: every host must use the same port");
            return std::nullopt;
        }
        port = thisPort;
        hosts.append(decoded(host));
    }
    bool portOk = false;
    location.port = port.isEmpty() ? 5432 : port.toInt(&portOk);
    if (hosts.isEmpty() || location.name.isEmpty() || (!port.isEmpty() && (!portOk || location.port <= 0))) {
        *error =
            QStringLiteral("--database: a PostgreSQL URI needs a host, a port number and a database name");
        return std::nullopt;
    }
    location.hosts = hosts.join(QLatin1Char(','));
    QStringList options;
    for (const auto &[key, value] : QUrlQuery(m.captured(5)).queryItems(QUrl::FullyDecoded))
        options.append(key + QLatin1Char('=') + value);
    location.options = options.join(QLatin1Char(';'));
    return location;
}

QString DatabaseLocation::describe() const {
    if (engine == Engine::SQLite)
        return QStringLiteral("sqlite");
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, hosts).arg(port).arg(name);
}

namespace sqldialect {

QString driverName(Engine engine) {
    return engine == Engine::SQLite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
}

namespace {
// A comment, so a marked statement is still plain SQL to PostgreSQL.
const QLatin1String postgresOnlyMarker("-- PostgreSQL only\n");
} // namespace

QString postgresOnly(const QString &statement) {
    return postgresOnlyMarker + statement;
}

QString schemaStatement(Engine engine, const QString &statement) {
    const bool onlyPostgres = statement.startsWith(postgresOnlyMarker);
    if (engine == Engine::SQLite)
        return onlyPostgres ? QString() : statement;
    if (onlyPostgres)
        return statement;
    if (statement.startsWith(QLatin1String("PRAGMA ")))
        return {}; // SQLite's own settings; PostgreSQL has nothing to match them
    // SQLite's random functions, as PostgreSQL 15 writes them without an extension:
    // gen_random_uuid() draws 122 bits from the server's strong random source.
    static const std::pair<QLatin1String, QLatin1String> expressions[] = {
        {QLatin1String("lower(hex(randomblob(16)))"),
         QLatin1String("replace(gen_random_uuid()::text, '-', '')")},
        {QLatin1String("lower(hex(randomblob(10)))"),
         QLatin1String("substr(replace(gen_random_uuid()::text, '-', ''), 1, 20)")},
        {QLatin1String("randomblob(32)"),
         QLatin1String(
             "decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex')")},
    };
    QString sql = statement;
    for (const auto &[sqlite, postgres] : expressions)
        sql.replace(sqlite, postgres);
    // Types: 64-bit integers (SQLite's INTEGER is), bytes, and text compared byte by byte
    // as SQLite does, so ORDER BY and keyset cursors agree with SQLite whatever the
    // database's locale. An INTEGER PRIMARY KEY is SQLite's row id: an identity column.
    static const QRegularExpression rowId(QStringLiteral(R"(\bINTEGER PRIMARY KEY\b)"));
    static const QRegularExpression integer(QStringLiteral(R"(\bINTEGER\b)"));
    static const QRegularExpression blob(QStringLiteral(R"(\bBLOB\b)"));
    static const QRegularExpression text(QStringLiteral(R"(\bTEXT\b)"));
    sql.replace(rowId, QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
    sql.replace(integer, QStringLiteral("BIGINT"));
    sql.replace(blob, QStringLiteral("BYTEA"));
    sql.replace(text, QStringLiteral("TEXT COLLATE \"C\""));
    sql.replace(QLatin1String(" WITHOUT ROWID"), QLatin1String(""));
    // A migration using something this table does not translate must fail loudly.
    if (sql.contains(QLatin1String("randomblob")) || sql.contains(QLatin1String("hex(")))
        qCCritical(lcDialect) << "no PostgreSQL translation for" << statement;
    return sql;
}

namespace {

bool run(QSqlDatabase &db, const QString &sql, QSqlError *error = nullptr) {
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError();
    qCWarning(lcDialect) << "statement failed:" << sql.left(60) << q.lastError().text();
    return false;
}

// SQLSTATE 55P03 lock_not_available: lock_timeout passed.
bool isLockTimeout(const QSqlError &error) {
    return error.nativeErrorCode() == QLatin1String("55P03");
}

sqlite::WriteOutcome postgresWrite(QSqlDatabase &db, const std::function<bool(QSqlDatabase &)> &work) {
    if (!run(db, QStringLiteral("BEGIN")))
        return sqlite::WriteOutcome::RolledBack;
    QSqlError error;
    if (!run(db, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(writeLockKey), &error)) {
        run(db, QStringLiteral("ROLLBACK"));
        return isLockTimeout(error) ? sqlite::WriteOutcome::Busy : sqlite::WriteOutcome::RolledBack;
    }
    if (work(db) && run(db, QStringLiteral("COMMIT")))
        return sqlite::WriteOutcome::Committed;
    run(db, QStringLiteral("ROLLBACK"));
    return sqlite::WriteOutcome::RolledBack;
}

} // namespace

sqlite::WriteOutcome writeTransaction(Engine engine, QSqlDatabase &db,
                                      const std::function<bool(QSqlDatabase &)> &work) {
    return engine == Engine::SQLite ? sqlite::writeTransaction(db, work) : postgresWrite(db, work);
}

QString connectOptions(const DatabaseLocation &location) {
    if (location.engine == Engine::SQLite)
        return {};
    QStringList options = location.options.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    // Seconds to connect (per host), milliseconds unacknowledged data may wait, and probes of
    // an idle connection whose peer may have vanished (a lost host sends no goodbye).
    static const std::pair<QLatin1String, QLatin1String> bounds[] = {
        {QLatin1String("connect_timeout"), QLatin1String("3")},
        {QLatin1String("tcp_user_timeout"), QLatin1String("10000")},
        {QLatin1String("keepalives_idle"), QLatin1String("10")},
        {QLatin1String("keepalives_interval"), QLatin1String("3")},
        {QLatin1String("keepalives_count"), QLatin1String("3")},
    };
    for (const auto &[key, value] : bounds) {
        const auto setsIt = [&key](const QString &option) {
            return option.startsWith(key + QLatin1Char('='));
        };
        if (std::none_of(options.cbegin(), options.cend(), setsIt))
            options.append(key + QLatin1Char('=') + value);
    }
    return options.join(QLatin1Char(';'));
}

bool stillConnected(Engine engine, const QSqlDatabase &db, bool readPending) {
    if (engine == Engine::SQLite)
        return db.isOpen();
    const QVariant handle = db.isOpen() ? db.driver()->handle() : QVariant();
    // QPSQL hands out its PGconn, whose type Qt names after the struct behind the typedef.
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return false;
    PGconn *connection = *static_cast<PGconn *const *>(handle.constData());
    if (!connection || PQstatus(connection) != CONNECTION_OK)
        return false;
    // Only between statements and outside a transaction: nothing is in flight to disturb.
    // PQconsumeInput never blocks; the first read takes the server's goodbye (57P01), the
    // second meets the closed socket and turns the status bad.
    if (readPending && PQtransactionStatus(connection) == PQTRANS_IDLE)
        for (int read = 0; read < 2 && PQconsumeInput(connection) == 1; ++read) {
        }
    return PQstatus(connection) == CONNECTION_OK;
}

bool configureConnection(Engine engine, QSqlDatabase &db, int lockWaitMs) {
    if (engine == Engine::SQLite) {
        // Key, session and team changes are acknowledged only once they would survive
        // power loss (API.md v1.1). Usage batches share this: the spool already holds them.
        return sqlite::run(db, QStringLiteral("PRAGMA foreign_keys = ON")) &&
               sqlite::setDurability(db, sqlite::Durability::Full);
    }
    // PostgreSQL checks foreign keys always and commits durably by default
    // (synchronous_commit); the write lock's wait is bounded as SQLite's busy timeout is.
    // Notices ("already exists, skipping") are not the log's business.
    return run(db, QStringLiteral("SET lock_timeout = %1").arg(lockWaitMs)) &&
           run(db, QStringLiteral("SET client_min_messages = warning"));
}

int schemaVersion(Engine engine, QSqlDatabase &db) {
    if (engine == Engine::SQLite)
        return sqlite::schemaVersion(db);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version")))
        return 0; // no table yet: an empty database
    return q.next() ? q.value(0).toInt() : 0;
}

namespace {

QString newerSchema(int found, int known) {
    return QStringLiteral("it was written by a newer knotie-gateway (schema %1; this one knows %2); "
                          "refusing to touch it")
        .arg(found)
        .arg(known);
}

bool migratePostgres(QSqlDatabase &db, const QList<QStringList> &steps, QString *error) {
    QString failure;
    const auto step = [&](const QString &sql) {
        QSqlError e;
        if (sql.isEmpty() || run(db, sql, &e))
            return true;
        failure = e.text();
        return false;
    };
    if (!step(QStringLiteral("BEGIN")))
        return *error = failure, false;
    // Instances starting at once wait here for the first to finish, then find its version.
    bool ok = step(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(migrationLockKey)) &&
              step(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
    int version = ok ? schemaVersion(Engine::PostgreSQL, db) : -1;
    if (ok && version > steps.size()) {
        failure = newerSchema(version, static_cast<int>(steps.size()));
        ok = false;
    }
    if (ok && version < steps.size()) {
        ok = step(QStringLiteral("DELETE FROM schema_version"));
        for (; ok && version < steps.size(); ++version)
            for (const QString &sql : steps.at(version))
                if (!(ok = step(schemaStatement(Engine::PostgreSQL, sql)))) {
                    failure = QStringLiteral("step %1: %2").arg(version + 1).arg(failure);
                    break;
                }
        ok = ok && step(QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)").arg(version));
    }
    if (ok && step(QStringLiteral("COMMIT")))
        return true;
    run(db, QStringLiteral("ROLLBACK"));
    *error = failure;
    return false;
}

} // namespace

bool migrate(Engine engine, QSqlDatabase &db, const QList<QStringList> &steps, QString *error) {
    if (engine == Engine::PostgreSQL)
        return migratePostgres(db, steps, error);
    if (!sqlite::enableWriteAheadLog(db)) {
        *error = QStringLiteral("cannot switch to write-ahead logging");
        return false;
    }
    const int version = sqlite::schemaVersion(db);
    if (version < 0) {
        *error = QStringLiteral("cannot read the schema version");
        return false;
    }
    if (version > steps.size()) {
        *error = newerSchema(version, static_cast<int>(steps.size()));
        return false;
    }
    QList<QStringList> sqliteSteps;
    for (const QStringList &step : steps) {
        QStringList statements;
        for (const QString &sql : step)
            if (const QString statement = schemaStatement(Engine::SQLite, sql); !statement.isEmpty())
                statements.append(statement);
        sqliteSteps.append(statements);
    }
    QString failure;
    if (!sqlite::migrate(db, sqliteSteps, version, static_cast<int>(steps.size()), &failure)) {
        *error = QStringLiteral("migration failed at %1").arg(failure);
        return false;
    }
    return true;
}

} // namespace sqldialect
} // namespace knotie::gateway
