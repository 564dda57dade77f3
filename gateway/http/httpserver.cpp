#include "gateway/http/httpserver.h"

#include "gateway/http/proxyprotocol.h"

#include <QUrl>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <poll.h>

#include <array>
#include <optional>
#include <thread>
#include <vector>

namespace knotie::gateway {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

QByteArray toBytes(beast::string_view s) {
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

HttpRequest toRequest(const http::request<http::string_body> &msg, const QString &peer) {
    HttpRequest req;
    req.method = toBytes(msg.method_string());
    req.target = toBytes(msg.target());
    const qsizetype q = req.target.indexOf('?');
    const QByteArray rawPath = q < 0 ? req.target : req.target.left(q);
    req.path = QUrl::fromPercentEncoding(rawPath);
    if (q >= 0)
        req.query.setQuery(QString::fromUtf8(req.target.mid(q + 1)));
    for (const auto &field : msg)
        req.headers.append({toBytes(field.name_string()).toLower(), toBytes(field.value())});
    req.body = QByteArray(msg.body().data(), static_cast<qsizetype>(msg.body().size()));
    req.peerAddress = peer;
    return req;
}

// One connection. Templated on the stream so plain TCP and TLS share every line of
// the request/response logic.
template <typename Stream> class Connection : public std::enable_shared_from_this<Connection<Stream>> {
public:
    Connection(Stream stream, const HttpServer::Handler &handler, const HttpServer::Limits &limits,
               QString peer)
        : m_stream(std::move(stream))
        , m_handler(handler)
        , m_limits(limits)
        , m_peer(std::move(peer)) {}

    void start() {
        if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
            readHeader();
        } else {
            beast::get_lowest_layer(m_stream).expires_after(m_limits.idleTimeout);
            m_stream.async_handshake(asio::ssl::stream_base::server,
                                     [self = this->shared_from_this()](beast::error_code ec) {
                                         if (!ec)
                                             self->readHeader();
                                     });
        }
    }

private:
    void readHeader() {
        m_parser.emplace();
        m_parser->header_limit(static_cast<std::uint32_t>(m_limits.maxHeaderBytes));
        m_parser->body_limit(m_limits.maxBodyBytes);
        beast::get_lowest_layer(m_stream).expires_after(m_limits.idleTimeout);
        http::async_read_header(
            m_stream, m_buffer, *m_parser,
            [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
    }

    void onHeader(beast::error_code ec) {
        if (ec == http::error::header_limit)
            return refuse(431, "headers_too_large", "The request headers are larger than 16 KiB.");
        // Beast compares Content-Length with the body limit while reading the header.
        if (ec == http::error::body_limit)
            return refuse(413, "too_large", "The request body is larger than 1 MiB.");
        if (ec == http::error::bad_method || ec == http::error::bad_target ||
            ec == http::error::bad_version || ec == http::error::bad_field || ec == http::error::bad_value ||
            ec == http::error::bad_content_length || ec == http::error::bad_transfer_encoding ||
            ec == http::error::bad_line_ending || ec == http::error::bad_chunk)
            return refuse(400, "bad_request", "The request is not valid HTTP/1.1.");
        if (ec)
            return close(); // end of stream, timeout, reset: nobody to answer
        // Refuse an oversized body from its Content-Length alone, before reading any of it.
        if (const auto length = m_parser->content_length(); length && *length > m_limits.maxBodyBytes)
            return refuse(413, "too_large", "The request body is larger than 1 MiB.");
        if (m_parser->is_done())
            return dispatch();
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = this->shared_from_this()](beast::error_code readError, std::size_t) {
                             if (readError == http::error::body_limit)
                                 return self->refuse(413, "too_large",
                                                     "The request body is larger than 1 MiB.");
                             if (readError)
                                 return self->close();
                             self->dispatch();
                         });
    }

    void dispatch() {
        const auto &msg = m_parser->get();
        m_keepAlive = msg.keep_alive();
        m_version = msg.version();
        m_isHead = msg.method() == http::verb::head;
        // A handler may take its time (a password hash runs on another thread): no idle
        // timeout while the answer is being made.
        beast::get_lowest_layer(m_stream).expires_never();
        auto self = this->shared_from_this();
        HttpRequest request = toRequest(msg, m_peer);
        request.clientGone = [weak = std::weak_ptr(self)] {
            const auto connection = weak.lock();
            return !connection || connection->peerHasLeft();
        };
        m_handler(std::move(request), [self](HttpResponse response) {
            asio::post(self->m_stream.get_executor(), [self, response = std::move(response)]() mutable {
                self->write(std::move(response), false);
            });
        });
    }

    // While a handler runs nothing reads the socket, so the kernel is asked directly
    // whether the peer has shut the connection (safe from any thread: it only polls).
    bool peerHasLeft() {
        pollfd peer{beast::get_lowest_layer(m_stream).socket().native_handle(), POLLRDHUP, 0};
        return ::poll(&peer, 1, 0) > 0 && (peer.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
    }

    void refuse(int status, const char *code, const char *message) {
        m_isHead = false;
        write(errorResponse(status, QString::fromLatin1(code), QString::fromLatin1(message)), true);
    }

    void write(HttpResponse response, bool closeAfter) {
        auto res = std::make_shared<http::response<http::string_body>>(
            static_cast<http::status>(response.status), m_version);
        res->set(http::field::server, "knotie-gateway");
        if (!response.contentType.isEmpty())
            res->set(http::field::content_type,
                     beast::string_view(response.contentType.constData(), response.contentType.size()));
        for (const auto &[name, value] : response.headers)
            res->set(beast::string_view(name.constData(), name.size()),
                     beast::string_view(value.constData(), value.size()));
        res->keep_alive(m_keepAlive && !closeAfter);
        if (m_isHead) {
            res->content_length(response.body.size());
        } else {
            res->body().assign(response.body.constData(), response.body.size());
            res->prepare_payload();
        }
        beast::get_lowest_layer(m_stream).expires_after(m_limits.idleTimeout);
        http::async_write(
            m_stream, *res,
            [self = this->shared_from_this(), res, closeAfter](beast::error_code ec, std::size_t) {
                if (closeAfter && !ec)
                    return self->lingeringClose();
                if (ec || !res->keep_alive())
                    return self->close();
                self->readHeader();
            });
    }

    // After refusing a request whose body is still arriving, read and drop what the
    // client sends for a moment before closing: closing with unread data would reset
    // the connection and the client might never see the answer.
    void lingeringClose() {
        close();
        lingerRead();
    }

    void lingerRead() {
        if (m_lingered > 4 * m_limits.maxBodyBytes)
            return;
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(2));
        beast::get_lowest_layer(m_stream).async_read_some(
            asio::buffer(m_discard), [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
                self->m_lingered += n;
                if (!ec)
                    self->lingerRead();
            });
    }

    void close() {
        beast::error_code ec;
        beast::get_lowest_layer(m_stream).socket().shutdown(tcp::socket::shutdown_send, ec);
    }

    Stream m_stream;
    const HttpServer::Handler &m_handler;
    const HttpServer::Limits &m_limits;
    QString m_peer;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    bool m_keepAlive = false;
    bool m_isHead = false;
    unsigned m_version = 11;
    std::array<char, 16384> m_discard{};
    std::size_t m_lingered = 0;
};

} // namespace

struct HttpServer::Private {
    Handler handler;
    Limits limits;
    asio::io_context ioc;
    tcp::acceptor acceptor{ioc};
    asio::signal_set signals{ioc, SIGINT, SIGTERM};
    std::optional<asio::ssl::context> tls;
    std::function<void()> onTerminate;

    QList<proxyprotocol::Cidr> trustedProxies;

    void accept() {
        acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
            if (!ec) {
                socket.set_option(tcp::no_delay(true), ec);
                const QString peer = QString::fromStdString(socket.remote_endpoint(ec).address().to_string());
                if (proxyprotocol::contains(trustedProxies, peer))
                    readProxyHeader(beast::tcp_stream(std::move(socket)), peer);
                else
                    startConnection(beast::tcp_stream(std::move(socket)), peer);
            }
            if (acceptor.is_open())
                accept();
        });
    }

    void startConnection(beast::tcp_stream stream, const QString &peer) {
        if (tls) {
            std::make_shared<Connection<beast::ssl_stream<beast::tcp_stream>>>(
                beast::ssl_stream<beast::tcp_stream>(std::move(stream), *tls), handler, limits, peer)
                ->start();
        } else {
            std::make_shared<Connection<beast::tcp_stream>>(std::move(stream), handler, limits, peer)
                ->start();
        }
    }

    // From a trusted proxy, the PROXY v2 header comes before anything else (TLS included)
    // and names the client; it is read exactly, so not a byte of HTTP is consumed.
    struct ProxyHeader {
        beast::tcp_stream stream;
        QString proxy;
        std::array<char, proxyprotocol::maximumHeaderLength> bytes{};
        std::size_t have = 0;
    };

    void readProxyHeader(beast::tcp_stream stream, const QString &proxy) {
        auto pending = std::make_shared<ProxyHeader>(ProxyHeader{std::move(stream), proxy});
        pending->stream.expires_after(limits.idleTimeout);
        readProxyBytes(pending, proxyprotocol::prefixLength);
    }

    void readProxyBytes(const std::shared_ptr<ProxyHeader> &pending, std::size_t wanted) {
        asio::async_read(
            pending->stream, asio::buffer(pending->bytes.data() + pending->have, wanted - pending->have),
            [this, pending](beast::error_code ec, std::size_t read) {
                if (ec)
                    return; // closed, reset or too slow: dropped with `pending`
                pending->have += read;
                const auto result = proxyprotocol::parse(
                    QByteArrayView(pending->bytes.data(), static_cast<qsizetype>(pending->have)));
                if (result.status == proxyprotocol::Result::Status::NeedMore)
                    return readProxyBytes(pending, result.headerLength);
                if (result.status == proxyprotocol::Result::Status::Complete)
                    startConnection(std::move(pending->stream),
                                    result.sourceAddress.isEmpty() ? pending->proxy : result.sourceAddress);
            });
    }
};

HttpServer::HttpServer(Handler handler)
    : HttpServer(std::move(handler), Limits{}) {}

HttpServer::HttpServer(Handler handler, Limits limits)
    : d(std::make_unique<Private>()) {
    d->handler = std::move(handler);
    d->limits = limits;
}

HttpServer::~HttpServer() = default;

bool HttpServer::enableTls(const QString &certificateFile, const QString &keyFile, QString *error) {
    try {
        asio::ssl::context ctx(asio::ssl::context::tls_server);
        ctx.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                        asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                        asio::ssl::context::no_tlsv1_1);
        ctx.use_certificate_chain_file(certificateFile.toStdString());
        ctx.use_private_key_file(keyFile.toStdString(), asio::ssl::context::pem);
        d->tls.emplace(std::move(ctx));
        return true;
    } catch (const boost::system::system_error &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
}

bool HttpServer::listen(const QString &host, quint16 port, QString *error) {
    beast::error_code ec;
    const QString literal = host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : host;
    const auto address = asio::ip::make_address(literal.toStdString(), ec);
    if (ec) {
        if (error)
            *error = QStringLiteral("'%1' is not an IP address").arg(host);
        return false;
    }
    const tcp::endpoint endpoint(address, port);
    d->acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        d->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        d->acceptor.bind(endpoint, ec);
    if (!ec)
        d->acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        if (error)
            *error = QString::fromStdString(ec.message());
        return false;
    }
    d->accept();
    return true;
}

quint16 HttpServer::port() const {
    beast::error_code ec;
    return d->acceptor.local_endpoint(ec).port();
}

bool HttpServer::tlsEnabled() const {
    return d->tls.has_value();
}

void HttpServer::setTrustedProxies(QList<proxyprotocol::Cidr> blocks) {
    d->trustedProxies = std::move(blocks);
}

void HttpServer::setTerminationHandler(std::function<void()> handler) {
    d->onTerminate = std::move(handler);
    d->signals.async_wait([this](beast::error_code ec, int) {
        if (!ec && d->onTerminate)
            d->onTerminate();
    });
}

void HttpServer::run(int threads) {
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i)
        pool.emplace_back([this] { d->ioc.run(); });
    d->ioc.run();
    for (auto &t : pool)
        t.join();
}

void HttpServer::stop() {
    asio::post(d->ioc, [this] {
        beast::error_code ec;
        d->acceptor.close(ec);
        d->signals.cancel(ec);
        d->ioc.stop();
    });
}

} // namespace knotie::gateway
