#pragma once

#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace knotie::gateway {

// The partner-wide sequence of changes that sync cursors point into. Every write that
// changes what GET /v1/keys (or /v1/audit) returns stamps the row with the next value,
// inside the same BEGIN IMMEDIATE transaction, so numbers are unique and ordered.
// It also notes `partnerId` as changed by the calling thread's open transaction, which
// Store::write announces once it commits (gateway/changewaits.h wakes the waiters).
// Returns 0 on failure.
qint64 nextChangeSequence(QSqlDatabase &db, const QString &partnerId);

// The partners noted by the calling thread since the last call; Store::write takes them
// when its transaction ends (announcing them only if it committed).
QSet<QString> takeChangedPartners();

} // namespace knotie::gateway
