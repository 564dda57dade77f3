#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

// Raw HTTP/1.1 for the abuse tests: what an HTTP library hides or refuses to send.
// Two ways in: `Connection`, one keep-alive connection driven from the test's thread
// (pipelining, trickling, interim answers), and plain blocking sockets (`connectFrom`,
// `exchange`) where a test needs a chosen source address (127.0.0.x counts as a distinct
// client), requests sent without waiting for answers, or work on several threads.
namespace knotie::test::raw {

// One answer as it came over the wire.
struct Reply {
    int status = 0; // 0: no answer (closed or timed out)
    QByteArray head;
    QByteArray body;
    QByteArray bytes; // head, blank line and body: for failure messages

    // The answer at the start of `bytes`, or a Reply with status 0 if there is none.
    static Reply parse(const QByteArray &bytes) {
        Reply reply;
        const qsizetype split = bytes.indexOf("\r\n\r\n");
        if (!bytes.startsWith("HTTP/1.1 ") || split < 0)
            return reply;
        reply.status = bytes.mid(9, 3).toInt();
        reply.head = bytes.left(split);
        reply.body = bytes.mid(split + 4);
        reply.bytes = bytes;
        return reply;
    }

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

// One keep-alive connection to a gateway.
class Connection {
public:
    bool open(const QUrl &base) {
        m_socket.connectToHost(base.host(), static_cast<quint16>(base.port()));
        return m_socket.waitForConnected(5000);
    }

    QTcpSocket &socket() { return m_socket; }

    void send(const QByteArray &bytes) {
        m_socket.write(bytes);
        m_socket.waitForBytesWritten(5000);
    }

    // One whole answer (an interim `100 Continue` is one too); status 0 if none came.
    Reply readResponse(int timeoutMs = 5000) {
        QElapsedTimer clock;
        clock.start();
        for (;;) {
            const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
            if (headerEnd >= 0) {
                const Reply head = Reply::parse(m_buffer.left(headerEnd + 4));
                const qsizetype total = headerEnd + 4 + head.header("content-length").toLongLong();
                if (m_buffer.size() >= total) {
                    const Reply reply = Reply::parse(m_buffer.left(total));
                    m_buffer.remove(0, total);
                    return reply;
                }
            }
            const qint64 left = timeoutMs - clock.elapsed();
            if (left <= 0 ||
                (!m_socket.waitForReadyRead(static_cast<int>(left)) && !m_socket.bytesAvailable()))
                return {};
            m_buffer += m_socket.readAll();
        }
    }

    // Whether the gateway closed the connection within the time; what came before is kept.
    bool waitClosed(int timeoutMs = 5000) {
        QElapsedTimer clock;
        clock.start();
        while (m_socket.state() == QAbstractSocket::ConnectedState && clock.elapsed() < timeoutMs) {
            m_socket.waitForReadyRead(static_cast<int>(qMax<qint64>(1, timeoutMs - clock.elapsed())));
            m_buffer += m_socket.readAll();
        }
        return m_socket.state() != QAbstractSocket::ConnectedState;
    }

    // Bytes received but not returned by readResponse().
    QByteArray rest() const { return m_buffer; }

    // Sends `piece` every `intervalMs` until the gateway closes the connection; how long
    // that took in milliseconds, or -1 if it was still open after `limitMs`.
    qint64 trickleUntilClosed(const QByteArray &piece, int intervalMs, int limitMs) {
        QEventLoop loop;
        QTimer tick;
        QElapsedTimer clock;
        clock.start();
        QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
            if (clock.elapsed() > limitMs)
                return loop.quit();
            m_socket.write(piece);
        });
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &loop, [&] { m_buffer += m_socket.readAll(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
        QObject::connect(&m_socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
        tick.start(intervalMs);
        if (m_socket.state() == QAbstractSocket::ConnectedState)
            loop.exec();
        tick.stop();
        QObject::disconnect(&m_socket, nullptr, &loop, nullptr);
        return m_socket.state() == QAbstractSocket::ConnectedState ? -1 : clock.elapsed();
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
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
    return Reply::parse(all);
}

// A request that closes its connection after the answer, as readReply() expects.
inline QByteArray closingRequest(const QByteArray &method, const QByteArray &path,
                                 const QByteArray &body = {}, const QByteArray &extraHeaders = {}) {
    QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PATCH" || method == "PUT")
        request +=
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return request + extraHeaders + "\r\n" + body;
}

inline QByteArray postRequest(const QByteArray &path, const QByteArray &body,
                              const QByteArray &extraHeaders = {}) {
    return closingRequest("POST", path, body, extraHeaders);
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

// Figures of a running process, from /proc: a field of /proc/PID/status in KiB (VmHWM, VmRSS).
inline qint64 procStatusKiB(qint64 pid, const QByteArray &field) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    return -1;
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
