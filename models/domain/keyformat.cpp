#include "models/domain/keyformat.h"

#include <QRandomGenerator>
#include <QtEndian>

#include <algorithm>
#include <array>

namespace knotie::keyformat {

namespace {

// Slicing by 8: table k gives a byte's CRC as if k zero bytes followed it, so eight bytes
// take eight independent lookups instead of a chain of eight. verify() runs on every
// Platform API request, and a byte at a time was 1% of the gateway's work on a whoami.
using CrcTable = std::array<quint32, 256>;
constexpr std::array<CrcTable, 8> makeCrcTables() {
    std::array<CrcTable, 8> tables{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1U) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
        tables[0][i] = c;
    }
    for (std::size_t k = 1; k < tables.size(); ++k)
        for (std::size_t i = 0; i < 256; ++i)
            tables[k][i] = (tables[k - 1][i] >> 8) ^ tables[0][tables[k - 1][i] & 0xFFU];
    return tables;
}
constexpr auto crcTables = makeCrcTables();

bool isBase62(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Compared in place: verify() runs on every Platform API request, and a QString of the
// tag would be an allocation each time.
bool hasTypeTag(QByteArrayView secret) {
    const QLatin1StringView tag(secret.data() + 3, 2);
    return std::any_of(allKeyTypes.begin(), allKeyTypes.end(),
                       [&](KeyType t) { return keyTypeTag(t) == tag; });
}

// In a plain array: verify() runs on every Platform API request.
std::array<char, checksumLength> checksumDigits(QByteArrayView first38) {
    quint32 value = crc32(first38);
    std::array<char, checksumLength> digits;
    digits.fill('0');
    for (int i = checksumLength - 1; i >= 0 && value > 0; --i) {
        digits[static_cast<std::size_t>(i)] = alphabet[value % 62];
        value /= 62;
    }
    return digits;
}
} // namespace

quint32 crc32(QByteArrayView data) {
    const auto &t = crcTables;
    quint32 c = 0xFFFFFFFFU;
    const char *p = data.data();
    qsizetype left = data.size();
    for (; left >= 8; p += 8, left -= 8) {
        const quint32 low = c ^ qFromLittleEndian<quint32>(p);
        const quint32 high = qFromLittleEndian<quint32>(p + 4);
        c = t[7][low & 0xFFU] ^ t[6][(low >> 8) & 0xFFU] ^ t[5][(low >> 16) & 0xFFU] ^ t[4][low >> 24] ^
            t[3][high & 0xFFU] ^ t[2][(high >> 8) & 0xFFU] ^ t[1][(high >> 16) & 0xFFU] ^ t[0][high >> 24];
    }
    for (; left > 0; ++p, --left)
        c = t[0][(c ^ static_cast<quint8>(*p)) & 0xFFU] ^ (c >> 8);
    return c ^ 0xFFFFFFFFU;
}

QByteArray checksum(QByteArrayView first38) {
    const auto digits = checksumDigits(first38);
    return QByteArray(digits.data(), checksumLength);
}

QByteArray generate(KeyType type) {
    QByteArray secret = QByteArrayLiteral("kn_");
    secret += keyTypeTag(type).latin1();
    secret += '_';
    // Rejection sampling: 248 = 4 * 62 is the largest multiple of 62 a byte holds, so
    // accepting only bytes below it keeps every character equally likely.
    auto *rng = QRandomGenerator::system();
    while (secret.size() < checkedLength) {
        const quint32 word = rng->generate();
        for (int shift = 0; shift < 32 && secret.size() < checkedLength; shift += 8) {
            const quint32 byte = (word >> shift) & 0xFFU;
            if (byte < 248)
                secret += alphabet[byte % 62];
        }
    }
    secret += checksum(secret);
    return secret;
}

Verdict verify(QByteArrayView secret) {
    if (secret.size() != secretLength || !secret.startsWith("kn_") || secret.at(5) != '_' ||
        !hasTypeTag(secret))
        return Verdict::Malformed;
    for (qsizetype i = prefixLength; i < secretLength; ++i)
        if (!isBase62(secret.at(i)))
            return Verdict::Malformed;
    const auto digits = checksumDigits(secret.first(checkedLength));
    if (QByteArrayView(digits.data(), checksumLength) != secret.sliced(checkedLength))
        return Verdict::BadChecksum;
    return Verdict::Ok;
}

std::optional<KeyType> typeOf(QByteArrayView secret) {
    if (verify(secret) != Verdict::Ok)
        return std::nullopt;
    return keyTypeFromTag(QString::fromLatin1(secret.sliced(3, 2)));
}

} // namespace knotie::keyformat
