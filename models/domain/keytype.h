#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace knotie {

// The four key types, least privilege first: every list the portal shows and every
// loop over types follows this order, as the help article advises least privilege.
enum class KeyType { ReadOnly, Webhook, Customer, Partner };

inline constexpr std::array<KeyType, 4> allKeyTypes{KeyType::ReadOnly, KeyType::Webhook, KeyType::Customer,
                                                    KeyType::Partner};

// `read_only`, `webhook`, `customer`, `partner`: the spelling of API.md.
QString keyTypeWireName(KeyType type);
std::optional<KeyType> keyTypeFromWireName(QStringView name);

// The two letters inside a secret: `kn_rk_...` for read-only, and so on.
QLatin1StringView keyTypeTag(KeyType type);
std::optional<KeyType> keyTypeFromTag(QStringView tag);

} // namespace knotie
