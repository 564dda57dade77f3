#pragma once

#include <Qt>

namespace knotie {

// The roles every item model of the portal answers beyond Qt's own.
enum ItemRole {
    // The value a column sorts by: a time as UnixTime (so "3 days ago" sorts as a time),
    // a count as a number, text as the text.
    SortRole = Qt::UserRole + 1,
    IdRole,          // the object's id (key, customer, user, event)
    SparklineRole,   // QList<qint64>: requests per bucket, for the usage column
    RetiredRole,     // bool: a revoked or expired key
    KeyTypeRole,     // int(KeyType)
    KeyStatusRole,   // int(KeyStatus)
    SavedSecretRole, // bool: the key's secret is saved in the system keychain
};

} // namespace knotie
