#pragma once

#include "tests/support/postgresprocess.h"

#include <QString>

namespace knotie::test {

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

} // namespace knotie::test
