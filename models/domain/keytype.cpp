#include "models/domain/keytype.h"

namespace knotie {

namespace {
struct KeyTypeNames {
    KeyType type;
    QStringView wire; // UTF-16, so that keyTypeWireName hands it out without a copy
    QLatin1StringView tag;
};
constexpr std::array<KeyTypeNames, 4> names{{
    {KeyType::ReadOnly, QStringView(u"read_only"), QLatin1StringView("rk")},
    {KeyType::Webhook, QStringView(u"webhook"), QLatin1StringView("wk")},
    {KeyType::Customer, QStringView(u"customer"), QLatin1StringView("ck")},
    {KeyType::Partner, QStringView(u"partner"), QLatin1StringView("pk")},
}};
} // namespace

QString keyTypeWireName(KeyType type) {
    // Static data, not copied: the gateway names a key's type in every whoami answer.
    for (const auto &n : names)
        if (n.type == type)
            return QString::fromRawData(n.wire.data(), n.wire.size());
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
