#pragma once

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace knotie::test {

// One raw HTTP/1.1 connection to a gateway, for requests no well-behaved client sends.
class RawHttpConnection {
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

    // One whole response (an interim `100 Continue` is one too); empty if none came.
    QByteArray readResponse(int timeoutMs = 5000) {
        QElapsedTimer clock;
        clock.start();
        for (;;) {
            const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
            if (headerEnd >= 0) {
                const qsizetype length = contentLength(m_buffer.left(headerEnd));
                const qsizetype total = headerEnd + 4 + length;
                if (m_buffer.size() >= total) {
                    const QByteArray response = m_buffer.left(total);
                    m_buffer.remove(0, total);
                    return response;
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

    static int status(const QByteArray &response) { return response.mid(9, 3).toInt(); }
    static QString errorCode(const QByteArray &response) {
        const QJsonObject body =
            QJsonDocument::fromJson(response.mid(response.indexOf("\r\n\r\n") + 4)).object();
        return body.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
    static QByteArray header(const QByteArray &response, const QByteArray &name) {
        const qsizetype end = response.indexOf("\r\n\r\n");
        for (const QByteArray &line : (end < 0 ? response : response.left(end)).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }

private:
    static qsizetype contentLength(const QByteArray &head) {
        const QByteArray value = header(head, "content-length");
        return value.isEmpty() ? 0 : value.toLongLong();
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

// Figures of a running process, from /proc.
inline qint64 procStatusKiB(qint64 pid, const QByteArray &field) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

} // namespace knotie::test
