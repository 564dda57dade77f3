#pragma once

#include "models/data/apikey.h"

#include <optional>

namespace knotie {

// A request for a slice of the key table ("the Customer keys", "expiring in the next 7
// days"): the Overview counts keys with it and asks the API Keys page to show the same
// keys, so a count and the table it opens can never disagree. Empty: every working key.
struct KeyFilter {
    // Conditions the Overview's key health names, beyond type and status.
    enum class Condition { None, ExpiringSoon, Unused, NoExpiry };
    static constexpr qint64 expiringSoonSeconds = 7 * 86400;
    static constexpr qint64 unusedSeconds = 90 * 86400;

    std::optional<KeyType> type;
    // Without a status only working keys match, as the key table hides retired ones by default.
    std::optional<KeyStatus> status;
    Condition condition = Condition::None;
    QString customerId;

    bool matches(const ApiKey &key, UnixTime now) const;
    // The condition alone, whatever the type, status and customer.
    bool meetsCondition(const ApiKey &key, UnixTime now) const;
    // Whether the table must show revoked and expired keys for this filter.
    bool showsRetired() const { return status == KeyStatus::Revoked || status == KeyStatus::Expired; }

    bool operator==(const KeyFilter &) const = default;
};

} // namespace knotie

Q_DECLARE_METATYPE(knotie::KeyFilter)
