#pragma once

#include <QSqlDatabase>

namespace knotie::gateway {

// The audit log the demo partners would have left: each stored key's creation, rotation
// and revocation by the people the key names, a few renames, the member's permission
// change, and the sign-ins before each day's work. All in the past, recorded in time
// order. Runs inside seedDemo's transaction, after the keys.
bool seedDemoAudit(QSqlDatabase &db, qint64 now);

} // namespace knotie::gateway
