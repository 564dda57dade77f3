#include "models/domain/keyformat.h"

#include <QRandomGenerator>

#include <algorithm>
#include <array>

namespace knotie::keyformat {

namespace {

constexpr std::array<quint32, 256> makeCrcTable() {
    std::array<quint32, 256> table{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1U) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    return table;
}
constexpr auto crcTable = makeCrcTable();

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
    quint32 c = 0xFFFFFFFFU;
    for (char ch : data)
        c = crcTable[(c ^ static_cast<quint8>(ch)) & 0xFFU] ^ (c >> 8);
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
