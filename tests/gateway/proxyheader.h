#pragma once

#include <QByteArray>

#include <arpa/inet.h>

// PROXY protocol v2 headers as a load balancer sends them, for the tests.
namespace knotie::test {

inline QByteArray proxyV2Header(const char *source, const char *destination = nullptr, bool local = false) {
    QByteArray header("\r\n\r\n\0\r\nQUIT\n", 12);
    if (!source)
        local = true;
    unsigned char source6[16] = {};
    unsigned char destination6[16] = {};
    QByteArray addresses;
    if (local) {
        header.append(char(0x20)).append(char(0x00));
    } else if (inet_pton(AF_INET, source, source6) == 1) {
        inet_pton(AF_INET, destination ? destination : "127.0.0.1", destination6);
        header.append(char(0x21)).append(char(0x11));
        addresses.append(reinterpret_cast<const char *>(source6), 4)
            .append(reinterpret_cast<const char *>(destination6), 4)
            .append("\x30\x39\x1f\x90", 4); // ports 12345 and 8080
    } else {
        inet_pton(AF_INET6, source, source6);
        inet_pton(AF_INET6, destination ? destination : "::1", destination6);
        header.append(char(0x21)).append(char(0x21));
        addresses.append(reinterpret_cast<const char *>(source6), 16)
            .append(reinterpret_cast<const char *>(destination6), 16)
            .append("\x30\x39\x1f\x90", 4);
    }
    header.append(char(addresses.size() >> 8)).append(char(addresses.size() & 0xff));
    return header + addresses;
}

} // namespace knotie::test
