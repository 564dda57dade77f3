#pragma once

#include <QStringList>

namespace knotie::gateway {

// Numbered schema migrations: entry N-1 brings the database from version N-1 to N.
// Each runs in one transaction together with the bump of PRAGMA user_version.
// Append, never edit one that has shipped.
const QList<QStringList> &migrations();

} // namespace knotie::gateway
