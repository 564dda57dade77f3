#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <array>
#include <cstddef>
#include <optional>

namespace knotie::gateway::proxyprotocol {

// The PROXY protocol version 2 (haproxy.org/download/2.9/doc/proxy-protocol.txt): a
// load balancer that ends TCP in front of the gateway sends this binary header first,
// naming the client it connected for. It is read only on connections from addresses
// given with --trusted-proxy (API.md v1.1, Lockout): from anyone else it would let a
// client choose the address it is counted by.

// The fixed start: 12 signature bytes, version/command, family/protocol, 2 length bytes.
inline constexpr std::size_t prefixLength = 16;
// Longer headers (TLVs included) are refused: nothing the gateway reads needs more.
inline constexpr std::size_t maximumHeaderLength = prefixLength + 512;

struct Result {
    enum class Status { NeedMore, Invalid, Complete } status = Status::NeedMore;
    std::size_t headerLength = 0; // NeedMore: bytes needed in all; Complete: bytes the header took
    // Complete: the client's address as text, or empty when the header says LOCAL (a
    // health check by the proxy itself) or names no IP family: keep the connection's.
    QString sourceAddress;
};

// Parses the header at the start of `bytes` (pure: no I/O). With fewer than
// prefixLength bytes, or fewer than the prefix announces, the answer is NeedMore.
Result parse(QByteArrayView bytes);

// An address block, `10.0.0.0/8`, `2001:db8::/32` or one address (a /32 or /128).
struct Cidr {
    int family = 0; // AF_INET or AF_INET6
    std::array<unsigned char, 16> network{};
    int prefixBits = 0;
};
std::optional<Cidr> parseCidr(const QString &text);
// Whether `address` (text, as the server reports peers; IPv4-mapped IPv6 counts as
// IPv4) falls in any of `blocks`.
bool contains(const QList<Cidr> &blocks, const QString &address);

} // namespace knotie::gateway::proxyprotocol
