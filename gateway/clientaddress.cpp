#include "gateway/clientaddress.h"

#include <arpa/inet.h>

#include <array>
#include <cstring>

namespace knotie::gateway {

QString clientAddressKey(const QString &address) {
    const QByteArray text = address.toLatin1();
    std::array<unsigned char, 16> v6{};
    if (inet_pton(AF_INET6, text.constData(), v6.data()) != 1)
        return address; // IPv4 (or anything else the server gives): counted whole
    static constexpr std::array<unsigned char, 12> mappedPrefix{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(v6.data(), mappedPrefix.data(), mappedPrefix.size()) == 0) {
        char v4[INET_ADDRSTRLEN] = {};
        inet_ntop(AF_INET, v6.data() + 12, v4, sizeof v4);
        return QString::fromLatin1(v4);
    }
    std::fill(v6.begin() + 8, v6.end(), 0);
    char prefix[INET6_ADDRSTRLEN] = {};
    inet_ntop(AF_INET6, v6.data(), prefix, sizeof prefix);
    return QString::fromLatin1(prefix) + QStringLiteral("/64");
}

} // namespace knotie::gateway
