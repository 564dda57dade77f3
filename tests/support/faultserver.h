#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

#include <functional>

class QTcpSocket;

namespace knotie::test {

// A real HTTP/1.1 server on a loopback port that misbehaves on purpose: it hangs, resets
// the connection, answers 503 with Retry-After, sends garbage or redirects, as its
// handler says. It also serves well-formed answers, so a test can play a gateway that
// holds 100,000 keys. It counts every request it receives, so a test can prove what was
// (not) sent. Runs on the thread that creates it.
class FaultServer : public QObject {
    Q_OBJECT
public:
    struct Request {
        QByteArray method;
        QByteArray target; // path and query, as sent
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const;
        QString path() const;
        QString queryItem(const QString &name) const;
    };
    struct Response {
        enum class Kind { Http, Hang, Reset, Raw };
        Kind kind = Kind::Http;
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;

        static Response json(int status, const QByteArray &body);
        static Response error(int status, const QByteArray &code, int retryAfterSeconds = 0);
        static Response hang();
        static Response reset();
        static Response raw(const QByteArray &bytes); // anything, sent as is, then closed
        static Response redirect(const QUrl &to);
    };
    using Handler = std::function<Response(const Request &)>;

    explicit FaultServer(Handler handler = {}, QObject *parent = nullptr);
    ~FaultServer() override;

    // Listens on a free loopback port. Call it in the thread the server lives in.
    bool listen();
    QUrl url() const;
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    int requestCount() const { return m_requests.size(); }
    const QList<Request> &requests() const { return m_requests; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer m_server;
    Handler m_handler;
    QList<Request> m_requests;
    QList<QPointer<QTcpSocket>> m_hanging; // kept open, never answered
};

} // namespace knotie::test
