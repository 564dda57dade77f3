#include "gateway/http/proxyprotocol.h"

#include <arpa/inet.h>

#include <cstring>

namespace knotie::gateway::proxyprotocol {

namespace {
constexpr std::array<unsigned char, 12> signature{0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D,
                                                  0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

QString addressText(int family, const unsigned char *bytes) {
    char text[INET6_ADDRSTRLEN] = {};
    if (!inet_ntop(family, bytes, text, sizeof text))
        return {};
    return QString::fromLatin1(text);
}

struct Parsed {
    int family = 0;
    std::array<unsigned char, 16> bytes{};
};

std::optional<Parsed> parseAddress(const QString &text) {
    Parsed parsed;
    const QByteArray latin = text.toLatin1();
    if (inet_pton(AF_INET, latin.constData(), parsed.bytes.data()) == 1) {
        parsed.family = AF_INET;
        return parsed;
    }
    if (inet_pton(AF_INET6, latin.constData(), parsed.bytes.data()) != 1)
        return std::nullopt;
    parsed.family = AF_INET6;
    static constexpr std::array<unsigned char, 12> mapped{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(parsed.bytes.data(), mapped.data(), mapped.size()) == 0) {
        std::memmove(parsed.bytes.data(), parsed.bytes.data() + 12, 4);
        std::fill(parsed.bytes.begin() + 4, parsed.bytes.end(), 0);
        parsed.family = AF_INET;
    }
    return parsed;
}
} // namespace

Result parse(QByteArrayView bytes) {
    Result result;
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const std::size_t size = static_cast<std::size_t>(bytes.size());
    // A mismatch in the bytes already here is invalid at once: a client that is not a
    // proxy gets no chance to hold the connection open.
    if (std::memcmp(data, signature.data(), std::min(size, signature.size())) != 0) {
        result.status = Result::Status::Invalid;
        return result;
    }
    if (size < prefixLength) {
        result.headerLength = prefixLength;
        return result;
    }
    const unsigned version = data[12] >> 4;
    const unsigned command = data[12] & 0x0F;
    const unsigned family = data[13] >> 4;
    const std::size_t length = (std::size_t{data[14]} << 8) | data[15];
    if (version != 2 || command > 1 || prefixLength + length > maximumHeaderLength) {
        result.status = Result::Status::Invalid;
        return result;
    }
    result.headerLength = prefixLength + length;
    if (size < result.headerLength)
        return result;
    const unsigned char *addresses = data + prefixLength;
    if (command == 1 && family == 1) { // PROXY, IPv4: source, destination, ports
        if (length < 12) {
            result.status = Result::Status::Invalid;
            return result;
        }
        result.sourceAddress = addressText(AF_INET, addresses);
    } else if (command == 1 && family == 2) { // PROXY, IPv6
        if (length < 36) {
            result.status = Result::Status::Invalid;
            return result;
        }
        result.sourceAddress = addressText(AF_INET6, addresses);
    }
    // LOCAL, UNSPEC and AF_UNIX: no IP address to take; the connection's stays.
    result.status = Result::Status::Complete;
    return result;
}

std::optional<Cidr> parseCidr(const QString &text) {
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const auto address = parseAddress(slash < 0 ? text : text.left(slash));
    if (!address)
        return std::nullopt;
    Cidr block;
    block.family = address->family;
    block.network = address->bytes;
    const int maximumBits = block.family == AF_INET ? 32 : 128;
    block.prefixBits = maximumBits;
    if (slash >= 0) {
        bool ok = false;
        block.prefixBits = text.mid(slash + 1).toInt(&ok);
        if (!ok || block.prefixBits < 0 || block.prefixBits > maximumBits)
            return std::nullopt;
    }
    return block;
}

bool contains(const QList<Cidr> &blocks, const QString &address) {
    const auto parsed = parseAddress(address);
    if (!parsed)
        return false;
    for (const Cidr &block : blocks) {
        if (block.family != parsed->family)
            continue;
        bool inside = true;
        for (int bit = 0; bit < block.prefixBits && inside; ++bit) {
            const unsigned char mask = static_cast<unsigned char>(0x80 >> (bit % 8));
            inside = (block.network[bit / 8] & mask) == (parsed->bytes[bit / 8] & mask);
        }
        if (inside)
            return true;
    }
    return false;
}

} // namespace knotie::gateway::proxyprotocol
