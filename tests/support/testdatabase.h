#pragma once

#include "tests/support/postgresprocess.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace knotie::test {

class GatewayProcess;

// Which database the gateways a test starts use. By default each gateway has its own
// SQLite file; with KNOTIE_TEST_DATABASE=postgresql (ctest's `*_postgresql` runs of the
// contract tests) each gets a new database on one PostgreSQL cluster the test binary
// starts once. Tests of several gateways on one database ask for the cluster directly.
bool testsUsePostgres();

// The binary's one cluster, started on first use and stopped when the application ends;
// nullptr (and a QWARN) when it cannot start.
PostgresProcess *sharedPostgres();

// The --database URI of a new database on the shared cluster; empty on failure. With
// `demo`, a copy of a database the demo was seeded into once per binary (seeding on
// PostgreSQL takes tens of seconds; a copy takes milliseconds), given its own random
// instance id and sign-in key as a separately seeded database would have.
QString newPostgresDatabase(bool demo);

// Every row of every table of a database on the shared cluster (given by its URI), as
// text: what a test that searches "everything the gateway wrote" for secrets reads.
QByteArray postgresRows(const QString &uri);

// Where a gateway of the test keeps its data: its SQLite file's path, or its PostgreSQL
// database's URI. What tests that read what it wrote, or arrange rows for it, open.
QString gatewayDatabase(const GatewayProcess &gateway);

// A connection of its own to such a database (a SQLite path or a postgresql:// URI),
// removed when this goes away.
class TestDatabaseConnection {
public:
    explicit TestDatabaseConnection(const QString &pathOrUri);
    ~TestDatabaseConnection();
    TestDatabaseConnection(const TestDatabaseConnection &) = delete;
    TestDatabaseConnection &operator=(const TestDatabaseConnection &) = delete;

    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool isOpen() const { return db().isOpen(); }
    bool isPostgres() const { return m_postgres; }
    // Runs the statements in one write transaction, taking the one write lock first as the
    // gateway does (SQLite's BEGIN IMMEDIATE; PostgreSQL's advisory lock), and commits;
    // the first value of the last statement that gave one. A failure is a QWARN, rolls
    // back, and gives an invalid value.
    QVariant write(const QStringList &statements);
    // The same in parts, for a test that holds the write lock to see what waits on it:
    // begins the transaction and takes the lock; ends it (commit or roll back).
    bool beginWrite();
    bool endWrite(bool commit);
    // The first value of a query, read outside any transaction.
    QVariant value(const QString &sql);
    // Bytes as a literal of this engine's SQL (X'..' or '\x..').
    QString bytesLiteral(const QByteArray &bytes) const;

private:
    QString m_name;
    bool m_postgres = false;
};

} // namespace knotie::test
