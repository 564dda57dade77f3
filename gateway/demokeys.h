#pragma once

#include <QSqlDatabase>

namespace knotie::gateway {

// The demo partners' API keys (every type in every status, created by different people,
// one retired after its rotation) and 90 days of their usage, written straight into the
// hourly rollups; each key's last_used_at is the last request of that history. Runs
// inside seedDemo's transaction, after partners, users and customers.
bool seedDemoKeys(QSqlDatabase &db, qint64 now);

} // namespace knotie::gateway
