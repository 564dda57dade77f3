#pragma once

#include <QByteArray>

#include <chrono>

namespace knotie::gateway::passwords {

// PBKDF2-HMAC-SHA256 with 600,000 iterations and a 16-byte random salt, stored as
// `pbkdf2-sha256$600000$<salt base64>$<hash base64>`. Slow on purpose (~0.2 s): call it
// off the threads that serve requests.
QByteArray hash(const QByteArray &password);
bool verify(const QByteArray &password, const QByteArray &stored);

// A stored hash of a random password: verifying against it costs as much as a real
// one, so an unknown email takes as long to refuse as a wrong password.
const QByteArray &decoy();

// What one verify() costs on this machine now (one real derivation, timed): the sign-in
// budget sizes its queue from it at start.
std::chrono::nanoseconds measureVerifyCost();

// Overwrites a buffer that held a password (the compiler may not drop the writes).
void wipe(QByteArray &secret);

} // namespace knotie::gateway::passwords
