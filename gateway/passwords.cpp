#include "gateway/passwords.h"

#include <QList>
#include <QRandomGenerator>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <chrono>

namespace knotie::gateway::passwords {

namespace {
constexpr int iterations = 600000;
constexpr int hashBytes = 32;

QByteArray derive(const QByteArray &password, const QByteArray &salt, int rounds) {
    QByteArray out(hashBytes, Qt::Uninitialized);
    PKCS5_PBKDF2_HMAC(password.constData(), static_cast<int>(password.size()),
                      reinterpret_cast<const unsigned char *>(salt.constData()),
                      static_cast<int>(salt.size()), rounds, EVP_sha256(), hashBytes,
                      reinterpret_cast<unsigned char *>(out.data()));
    return out;
}
} // namespace

QByteArray hash(const QByteArray &password) {
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), salt.size() / 4);
    return "pbkdf2-sha256$" + QByteArray::number(iterations) + '$' + salt.toBase64() + '$' +
           derive(password, salt, iterations).toBase64();
}

bool verify(const QByteArray &password, const QByteArray &stored) {
    const QList<QByteArray> parts = stored.split('$');
    if (parts.size() != 4 || parts.at(0) != "pbkdf2-sha256")
        return false;
    bool ok = false;
    const int rounds = parts.at(1).toInt(&ok);
    if (!ok || rounds < iterations)
        return false;
    const QByteArray expected = QByteArray::fromBase64(parts.at(3));
    const QByteArray actual = derive(password, QByteArray::fromBase64(parts.at(2)), rounds);
    return expected.size() == actual.size() &&
           CRYPTO_memcmp(expected.constData(), actual.constData(), hashBytes) == 0;
}

const QByteArray &decoy() {
    static const QByteArray stored = hash(QByteArray::number(QRandomGenerator::system()->generate64()));
    return stored;
}

std::chrono::nanoseconds measureVerifyCost() {
    const auto started = std::chrono::steady_clock::now();
    verify(QByteArrayLiteral("cost probe"), decoy());
    return std::chrono::steady_clock::now() - started;
}

void wipe(QByteArray &secret) {
    if (secret.isEmpty())
        return;
    // data() detaches a shared buffer first: only this copy is wiped, never a stranger's.
    OPENSSL_cleanse(secret.data(), static_cast<size_t>(secret.size()));
    secret.clear();
}

} // namespace knotie::gateway::passwords
