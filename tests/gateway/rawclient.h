#pragma once

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

// Plain blocking sockets for the abuse tests: they need what an HTTP library hides,
// a chosen source address (127.0.0.x counts as a distinct client), requests sent
// without waiting for answers, and connections dropped mid-request.
namespace knotie::test::raw {

struct Reply {
    int status = 0; // 0: no answer (closed or timed out)
    QByteArray head;
    QByteArray body;

    QByteArray header(const QByteArray &name) const {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    QString errorCode() const {
        return QJsonDocument::fromJson(body)
            .object()
            .value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
};

// A connected socket from `sourceAddress` (any 127.0.0.x) to 127.0.0.1:port; -1 on failure.
inline int connectFrom(const char *sourceAddress, quint16 port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in source{};
    source.sin_family = AF_INET;
    inet_pton(AF_INET, sourceAddress, &source.sin_addr);
    sockaddr_in target{};
    target.sin_family = AF_INET;
    target.sin_port = htons(port);
    inet_pton(AF_INET, "127.0.0.1", &target.sin_addr);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&source), sizeof source) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr *>(&target), sizeof target) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

inline bool sendAll(int fd, const QByteArray &bytes) {
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n =
            ::send(fd, bytes.constData() + sent, static_cast<size_t>(bytes.size() - sent), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += n;
    }
    return true;
}

// Reads one answer to a `Connection: close` request: until the server closes, or the
// deadline passes.
inline Reply readReply(int fd, std::chrono::milliseconds deadline = std::chrono::seconds(30)) {
    QByteArray all;
    const auto end = std::chrono::steady_clock::now() + deadline;
    char chunk[16384];
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            break;
        pollfd readable{fd, POLLIN, 0};
        if (::poll(&readable, 1, static_cast<int>(left.count())) <= 0)
            break;
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            break;
        all.append(chunk, n);
    }
    Reply reply;
    const qsizetype split = all.indexOf("\r\n\r\n");
    if (!all.startsWith("HTTP/1.1 ") || split < 0)
        return reply;
    reply.status = all.mid(9, 3).toInt();
    reply.head = all.left(split);
    reply.body = all.mid(split + 4);
    return reply;
}

inline QByteArray postRequest(const QByteArray &path, const QByteArray &body,
                              const QByteArray &extraHeaders = {}) {
    return "POST " + path +
           " HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body;
}

inline QByteArray signInRequest(const QString &email, const QString &password) {
    return postRequest("/v1/sessions", QJsonDocument(QJsonObject{{QStringLiteral("email"), email},
                                                                 {QStringLiteral("password"), password}})
                                           .toJson(QJsonDocument::Compact));
}

// One request on its own connection from `sourceAddress`, answered or not.
inline Reply exchange(const char *sourceAddress, quint16 port, const QByteArray &request,
                      std::chrono::milliseconds deadline = std::chrono::seconds(30)) {
    const int fd = connectFrom(sourceAddress, port);
    if (fd < 0)
        return {};
    Reply reply = sendAll(fd, request) ? readReply(fd, deadline) : Reply{};
    ::close(fd);
    return reply;
}

// CPU seconds (user + system) a process has used, from /proc/PID/stat.
inline double cpuSeconds(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name (which may hold spaces) in parentheses.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / ticks; // utime, stime
}

} // namespace knotie::test::raw
