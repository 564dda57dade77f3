#include "models/domain/keytype.h"

namespace knotie {

namespace {
struct KeyTypeNames {
    KeyType type;
    QLatin1StringView wire;
    QLatin1StringView tag;
};
constexpr std::array<KeyTypeNames, 4> names{{
    {KeyType::ReadOnly, QLatin1StringView("read_only"), QLatin1StringView("rk")},
    {KeyType::Webhook, QLatin1StringView("webhook"), QLatin1StringView("wk")},
    {KeyType::Customer, QLatin1StringView("customer"), QLatin1StringView("ck")},
    {KeyType::Partner, QLatin1StringView("partner"), QLatin1StringView("pk")},
}};
} // namespace

QString keyTypeWireName(KeyType type) {
    for (const auto &n : names)
        if (n.type == type)
            return n.wire;
    Q_UNREACHABLE();
    return {};
}

std::optional<KeyType> keyTypeFromWireName(QStringView name) {
    for (const auto &n : names)
        if (name == n.wire)
            return n.type;
    return std::nullopt;
}

QLatin1StringView keyTypeTag(KeyType type) {
    for (const auto &n : names)
        if (n.type == type)
            return n.tag;
    Q_UNREACHABLE();
    return {};
}

std::optional<KeyType> keyTypeFromTag(QStringView tag) {
    for (const auto &n : names)
        if (tag == n.tag)
            return n.type;
    return std::nullopt;
}

} // namespace knotie
