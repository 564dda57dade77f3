#include "tests/support/faultserver.h"

#include <QTcpSocket>
#include <QUrlQuery>

#include <sys/socket.h>

namespace knotie::test {

namespace {
const char *reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 429:
        return "Too Many Requests";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}
} // namespace

QByteArray FaultServer::Request::header(const QByteArray &name) const {
    for (const auto &[n, v] : headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

QString FaultServer::Request::path() const {
    return QUrl::fromEncoded(target).path();
}

QString FaultServer::Request::queryItem(const QString &name) const {
    return QUrlQuery(QUrl::fromEncoded(target)).queryItemValue(name, QUrl::FullyDecoded);
}

FaultServer::Response FaultServer::Response::json(int status, const QByteArray &body) {
    Response r;
    r.status = status;
    r.body = body;
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return r;
}

FaultServer::Response FaultServer::Response::error(int status, const QByteArray &code,
                                                   int retryAfterSeconds) {
    Response r = json(status, R"({"error":{"code":")" + code + R"(","message":"test","field":null}})");
    if (retryAfterSeconds > 0)
        r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(retryAfterSeconds)));
    return r;
}

FaultServer::Response FaultServer::Response::hang() {
    Response r;
    r.kind = Kind::Hang;
    return r;
}

FaultServer::Response FaultServer::Response::reset() {
    Response r;
    r.kind = Kind::Reset;
    return r;
}

FaultServer::Response FaultServer::Response::raw(const QByteArray &bytes) {
    Response r;
    r.kind = Kind::Raw;
    r.body = bytes;
    return r;
}

FaultServer::Response FaultServer::Response::redirect(const QUrl &to) {
    Response r;
    r.status = 302;
    r.headers.append(qMakePair(QByteArray("Location"), to.toEncoded()));
    return r;
}

FaultServer::FaultServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_server(this) // a child, so moveToThread takes it along
    , m_handler(std::move(handler)) {
    connect(&m_server, &QTcpServer::newConnection, this, &FaultServer::onNewConnection);
}

FaultServer::~FaultServer() {
    for (const auto &socket : std::as_const(m_hanging))
        if (socket)
            socket->abort();
}

bool FaultServer::listen() {
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FaultServer::url() const {
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(m_server.serverPort());
    return u;
}

void FaultServer::onNewConnection() {
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void FaultServer::onReadyRead(QTcpSocket *socket) {
    // The unparsed bytes of this connection live on the socket itself.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            break;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        Request request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = lines[i].left(colon).trimmed();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                contentLength = value.toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + contentLength)
            break;
        request.body = buffer.mid(headerEnd + 4, contentLength);
        buffer.remove(0, headerEnd + 4 + contentLength);
        m_requests.append(request);

        const Response response = m_handler ? m_handler(request) : Response::error(404, "not_found");
        switch (response.kind) {
        case Response::Kind::Hang:
            m_hanging.append(socket);
            socket->setProperty("buffer", QByteArray());
            return;
        case Response::Kind::Reset: {
            // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
            struct linger l {
                1, 0
            };
            ::setsockopt(static_cast<int>(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
            socket->abort();
            return;
        }
        case Response::Kind::Raw:
            socket->write(response.body);
            socket->disconnectFromHost();
            return;
        case Response::Kind::Http: {
            QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                             reasonPhrase(response.status) + "\r\n";
            for (const auto &[name, value] : response.headers)
                out += name + ": " + value + "\r\n";
            out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
            out += response.body;
            socket->write(out);
            break;
        }
        }
    }
    socket->setProperty("buffer", buffer);
}

} // namespace knotie::test
