#pragma once

#include "models/domain/keytype.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace knotie::keyformat {

// A secret is `kn_` + type tag + `_` + 32 random base62 characters + a 6-character
// base62 CRC-32 of everything before it: 44 ASCII characters (API.md, "Key format").
inline constexpr int secretLength = 44;
inline constexpr int prefixLength = 6; // `kn_rk_`
inline constexpr int randomLength = 32;
inline constexpr int checksumLength = 6;
inline constexpr int checkedLength = 38; // prefix + random part

inline constexpr char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

enum class Verdict { Ok, Malformed, BadChecksum };

// CRC-32 (IEEE 802.3, zlib's) of the bytes, as 6 base62 digits, most significant first.
QByteArray checksum(QByteArrayView first38);

// A new secret of the given type; the random part comes from the operating system's CSPRNG.
QByteArray generate(KeyType type);

// Checks the shape and the checksum without any lookup, so typos are caught locally.
Verdict verify(QByteArrayView secret);

// The type named by a well-formed secret's tag.
std::optional<KeyType> typeOf(QByteArrayView secret);

quint32 crc32(QByteArrayView data);

} // namespace knotie::keyformat
