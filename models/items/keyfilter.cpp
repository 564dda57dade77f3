#include "models/items/keyfilter.h"

namespace knotie {

bool KeyFilter::matches(const ApiKey &key, UnixTime now) const {
    if (type && key.type != *type)
        return false;
    if (status ? key.status != *status : key.isRetired())
        return false;
    if (!customerId.isEmpty() && key.customerId != customerId)
        return false;
    return meetsCondition(key, now);
}

bool KeyFilter::meetsCondition(const ApiKey &key, UnixTime now) const {
    switch (condition) {
    case Condition::None:
        return true;
    case Condition::ExpiringSoon:
        return !key.isRetired() && key.expiresAt > now && key.expiresAt <= now + expiringSoonSeconds;
    case Condition::Unused: {
        // A key made last week and not used yet is new, not unused: count from its creation.
        const UnixTime since = key.lastUsedAt ? key.lastUsedAt : key.createdAt;
        return !key.isRetired() && since <= now - unusedSeconds;
    }
    case Condition::NoExpiry:
        return !key.isRetired() && key.expiresAt == 0;
    }
    return false;
}

} // namespace knotie
