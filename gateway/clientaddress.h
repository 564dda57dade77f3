#pragma once

#include <QString>

namespace knotie::gateway {

// The unit the sign-in lockout and the sign-in budget count a client by (API.md v1.1,
// Lockout): an IPv4 address as it is, an IPv6 address by its /64 (one subscriber is
// usually given a whole /64, so counting single IPv6 addresses would let one client
// take 2^64 turns). An IPv4-mapped IPv6 address counts as its IPv4 address.
QString clientAddressKey(const QString &address);

} // namespace knotie::gateway
