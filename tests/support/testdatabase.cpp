#include "tests/support/testdatabase.h"

#include "tests/support/gatewayprocess.h"

#include <QCoreApplication>
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

} // namespace knotie::test
