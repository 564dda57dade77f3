#include "tests/support/testdatabase.h"

#include "tests/support/gatewayprocess.h"

#include "gateway/sqldialect.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>
#include <QtDebug>

#include <memory>

namespace knotie::test {

namespace {
std::unique_ptr<PostgresProcess> &cluster() {
    static std::unique_ptr<PostgresProcess> instance;
    return instance;
}

QString seededTemplate() {
    static QString name;
    if (!name.isEmpty())
        return name;
    PostgresProcess *postgres = sharedPostgres();
    if (!postgres)
        return {};
    const QString database = postgres->createDatabase();
    GatewayProcess::Options options;
    options.database = postgres->uri(database);
    options.startTimeoutMs = 300000;
    GatewayProcess seeder(options);
    if (!seeder.start())
        return {};
    seeder.stop();
    name = database;
    return name;
}
} // namespace

bool testsUsePostgres() {
    return qEnvironmentVariable("KNOTIE_TEST_DATABASE") == QLatin1String("postgresql");
}

PostgresProcess *sharedPostgres() {
    if (!cluster()) {
        cluster() = std::make_unique<PostgresProcess>();
        if (!cluster()->start()) {
            cluster().reset();
            return nullptr;
        }
        // Stopped while the application still exists (QProcess needs it), not at exit.
        qAddPostRoutine([] { cluster().reset(); });
    }
    return cluster().get();
}

QString newPostgresDatabase(bool demo) {
    PostgresProcess *postgres = sharedPostgres();
    if (!postgres)
        return {};
    if (!demo) {
        const QString database = postgres->createDatabase();
        return database.isEmpty() ? QString() : postgres->uri(database);
    }
    const QString seeded = seededTemplate();
    const QString database = seeded.isEmpty() ? QString() : postgres->createDatabase(seeded);
    if (database.isEmpty())
        return {};
    postgres->psql(database,
                   QStringLiteral("UPDATE gateway_instance SET id = md5(gen_random_uuid()::text);"
                                  "UPDATE sign_in_key SET key = sha256(gen_random_uuid()::text::bytea)"));
    return postgres->uri(database);
}

QByteArray postgresRows(const QString &uri) {
    PostgresProcess *postgres = sharedPostgres();
    const QString database = uri.section(QLatin1Char('/'), -1);
    if (!postgres || database.isEmpty())
        return {};
    QByteArray rows;
    const QByteArray tables = postgres->psql(
        database,
        QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"));
    for (const QByteArray &table : tables.split('\n'))
        if (!table.trimmed().isEmpty())
            rows += postgres->psql(
                database,
                QStringLiteral("SELECT t::text FROM \"%1\" t").arg(QString::fromUtf8(table.trimmed())));
    return rows;
}

QString gatewayDatabase(const GatewayProcess &gateway) {
    return gateway.database().isEmpty()
               ? QDir(gateway.dataDirectory()).filePath(QStringLiteral("gateway.sqlite"))
               : gateway.database();
}

TestDatabaseConnection::TestDatabaseConnection(const QString &pathOrUri)
    : m_name(QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::Id128))
    , m_postgres(pathOrUri.startsWith(QLatin1String("postgresql://"))) {
    QSqlDatabase db =
        QSqlDatabase::addDatabase(m_postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), m_name);
    if (m_postgres) {
        // The test clusters' URIs: postgresql://USER@HOST:PORT/DATABASE, no password.
        const QUrl uri(pathOrUri);
        db.setHostName(uri.host());
        db.setPort(uri.port(5432));
        db.setUserName(uri.userName());
        db.setDatabaseName(uri.path().mid(1));
    } else {
        db.setDatabaseName(pathOrUri);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    if (!db.open())
        qWarning("cannot open %s: %s", qPrintable(pathOrUri), qPrintable(db.lastError().text()));
}

TestDatabaseConnection::~TestDatabaseConnection() {
    QSqlDatabase::removeDatabase(m_name);
}

bool TestDatabaseConnection::beginWrite() {
    QSqlQuery q(db());
    const bool ok = m_postgres ? q.exec(QStringLiteral("BEGIN")) &&
                                     q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)")
                                                .arg(gateway::sqldialect::writeLockKey))
                               : q.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!ok)
        qWarning("cannot begin a write: %s", qPrintable(q.lastError().text()));
    return ok;
}

bool TestDatabaseConnection::endWrite(bool commit) {
    QSqlQuery q(db());
    return q.exec(commit ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"));
}

QVariant TestDatabaseConnection::write(const QStringList &statements) {
    if (!beginWrite())
        return {};
    QVariant value;
    bool ok = true;
    for (const QString &sql : statements) {
        QSqlQuery q(db());
        if (!(ok = q.exec(sql))) {
            qWarning("statement failed: %s", qPrintable(q.lastError().text()));
            break;
        }
        if (q.isSelect() && q.next())
            value = q.value(0);
    }
    if (ok && endWrite(true))
        return value;
    endWrite(false);
    return {};
}

QString TestDatabaseConnection::bytesLiteral(const QByteArray &bytes) const {
    const QString hex = QString::fromLatin1(bytes.toHex());
    return m_postgres ? QStringLiteral("'\\x%1'").arg(hex) : QStringLiteral("X'%1'").arg(hex);
}

QVariant TestDatabaseConnection::value(const QString &sql) {
    QSqlQuery q(db());
    if (q.exec(sql) && q.next())
        return q.value(0);
    if (q.lastError().isValid())
        qWarning("query failed: %s", qPrintable(q.lastError().text()));
    return {};
}

} // namespace knotie::test
