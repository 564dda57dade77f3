#pragma once

#include <QSqlDatabase>

namespace knotie::gateway {

// The partner-wide sequence of changes that sync cursors point into. Every write that
// changes what GET /v1/keys (or /v1/audit) returns stamps the row with the next value,
// inside the same BEGIN IMMEDIATE transaction, so numbers are unique and ordered.
// Returns 0 on failure.
qint64 nextChangeSequence(QSqlDatabase &db);

} // namespace knotie::gateway
