#pragma once

#include <QList>
#include <QStringList>

namespace knotie {

// The cache's schema, one entry per version: entry N-1 takes a database from version N-1
// to N. Shipped entries never change; a new schema appends one (and a fixture file under
// tests/fixtures/, written by knotie-cache-fixture, so the migration is tested).
const QList<QStringList> &cacheMigrations();

} // namespace knotie
