#include "gateway/http/httpserver.h"

#include "gateway/http/httpconnection.h"
#include "gateway/http/proxyprotocol.h"

#include <QtGlobal>

#include <boost/asio/read.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>

#include <openssl/ssl.h>

#include <sys/resource.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace knotie::gateway {

using namespace http_detail;

namespace {

// Connections beyond what the open-file limit leaves room for would end in EMFILE; the
// reserve is for the database, its journal and the log.
std::size_t defaultConnectionCap() {
    constexpr std::size_t reserve = 64;
    constexpr std::size_t ceiling = 1024;
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return ceiling;
    const auto files = static_cast<std::size_t>(limit.rlim_cur);
    return std::clamp<std::size_t>(files > reserve ? files - reserve : 0, 16, ceiling);
}

bool outOfResources(const beast::error_code &ec) {
    if (ec.category() != boost::system::system_category())
        return false;
    const int e = ec.value();
    return e == EMFILE || e == ENFILE || e == ENOBUFS || e == ENOMEM;
}

// The answer to a connection past the cap when none is idle.
const std::string &overCapAnswer() {
    static const std::string answer = [] {
        const std::string body = "{\"error\":{\"code\":\"busy\",\"message\":\"The gateway has as many "
                                 "connections as it serves. Retry in a moment.\",\"field\":null}}";
        return "HTTP/1.1 503 Service Unavailable\r\nServer: knotie-gateway\r\nContent-Type: "
               "application/json\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\n\r\n" + body;
    }();
    return answer;
}

} // namespace

struct HttpServer::Private {
    Private(Handler handler, const Limits &limits)
        : context{std::move(handler), limits, BodyBudget(limits.bodyBudgetBytes), ConnectionRegistry()} {}

    ServerContext context;
    asio::io_context ioc;
    // Accepting, backing off, signals and stopping all run on this one strand: stop()
    // closes the acceptor while another serving thread may be in the accept handler.
    asio::strand<asio::io_context::executor_type> control = asio::make_strand(ioc);
    tcp::acceptor acceptor{control};
    asio::steady_timer acceptBackoff{control};
    bool backingOff = false;
    asio::steady_timer drainCheck{control};
    std::chrono::steady_clock::time_point drainUntil;
    asio::signal_set signals{control, SIGINT, SIGTERM};
    std::optional<asio::ssl::context> tls;
    std::function<void()> onTerminate;
    QList<proxyprotocol::Cidr> trustedProxies;

    // Stopping: answers under way (held ones end as the gateway wakes them) are written
    // before the threads stop, for at most drainGrace.
    void stopWhenDrained() {
        if (context.registry.count() == 0 || std::chrono::steady_clock::now() >= drainUntil)
            return ioc.stop();
        drainCheck.expires_after(std::chrono::milliseconds(10));
        drainCheck.async_wait([this](beast::error_code) { stopWhenDrained(); });
    }

    void accept() {
        acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, TcpSocket socket) {
            if (!acceptor.is_open())
                return;
            if (outOfResources(ec)) {
                // The connection stays in the listen backlog, so accepting again at once fails
                // again at once: a loop that eats a core and answers nobody. Wait for
                // connections to end instead.
                if (!backingOff)
                    qWarning("cannot accept (%s); retrying every 100 ms", ec.message().c_str());
                backingOff = true;
                acceptBackoff.expires_after(std::chrono::milliseconds(100));
                acceptBackoff.async_wait([this](beast::error_code waitError) {
                    if (!waitError)
                        accept();
                });
                return;
            }
            if (!ec) {
                backingOff = false;
                serve(std::move(socket));
            }
            accept();
        });
    }

    void serve(TcpSocket socket) {
        beast::error_code ec;
        if (!context.registry.admit())
            return refuseOverCap(socket);
        socket.set_option(tcp::no_delay(true), ec);
        const QString peer = QString::fromStdString(socket.remote_endpoint(ec).address().to_string());
        if (proxyprotocol::contains(trustedProxies, peer))
            readProxyHeader(TcpStream(std::move(socket)), peer);
        else
            startConnection(TcpStream(std::move(socket)), peer);
    }

    void startConnection(TcpStream stream, const QString &peer) {
        if (tls) {
            using TlsStream = beast::ssl_stream<TcpStream>;
            std::make_shared<Connection<TlsStream>>(TlsStream(std::move(stream), *tls), context, peer)
                ->start();
        } else {
            std::make_shared<Connection<TcpStream>>(std::move(stream), context, peer)->start();
        }
    }

    // From a trusted proxy, the PROXY v2 header comes before anything else (TLS included)
    // and names the client; it is read exactly, so not a byte of HTTP is consumed. Until
    // the connection exists, the header owns the connection's place in the count.
    struct ProxyHeader {
        // Spelt out: clang 14 (the fuzz preset) has no parenthesised aggregate initialisation.
        ProxyHeader(TcpStream s, QString p, ConnectionRegistry &r)
            : stream(std::move(s))
            , proxy(std::move(p))
            , registry(r) {}
        TcpStream stream;
        QString proxy;
        ConnectionRegistry &registry;
        ConnectionRegistry::Slot slot;
        std::array<char, proxyprotocol::maximumHeaderLength> bytes{};
        std::size_t have = 0;
        bool handedOver = false;
        ~ProxyHeader() {
            if (!handedOver)
                registry.leave(slot);
        }
    };

    void readProxyHeader(TcpStream stream, const QString &proxy) {
        auto pending = std::make_shared<ProxyHeader>(std::move(stream), proxy, context.registry);
        pending->stream.expires_after(context.limits.idleTimeout);
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
                if (result.status == proxyprotocol::Result::Status::Complete) {
                    pending->handedOver = true;
                    pending->stream.expires_never();
                    startConnection(std::move(pending->stream),
                                    result.sourceAddress.isEmpty() ? pending->proxy : result.sourceAddress);
                }
            });
    }

    void refuseOverCap(TcpSocket &socket) {
        beast::error_code ec;
        socket.non_blocking(true, ec);
        // Written without waiting: a fresh socket's send buffer always has room for it.
        if (!tls)
            socket.write_some(asio::buffer(overCapAnswer()), ec);
        // Whatever request already arrived is read first: closing with unread bytes would
        // reset the connection and lose the answer.
        std::array<char, 4096> discard{};
        socket.read_some(asio::buffer(discard), ec);
        socket.shutdown(tcp::socket::shutdown_both, ec);
        socket.close(ec);
    }
};

HttpServer::HttpServer(Handler handler)
    : HttpServer(std::move(handler), Limits{}) {}

HttpServer::HttpServer(Handler handler, Limits limits)
    : d(std::make_unique<Private>(std::move(handler), limits)) {}

HttpServer::~HttpServer() = default;

bool HttpServer::enableTls(const QString &certificateFile, const QString &keyFile, QString *error) {
    try {
        asio::ssl::context ctx(asio::ssl::context::tls_server);
        SSL_CTX *native = ctx.native_handle();
        // TLS 1.2 and 1.3 only; in 1.2 only ephemeral ECDH key exchange (forward secrecy)
        // with AEAD ciphers. Every TLS 1.3 suite is both.
        if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1 ||
            SSL_CTX_set_cipher_list(native, "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!eNULL") != 1 ||
            SSL_CTX_set_ciphersuites(native, "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:"
                                             "TLS_AES_128_GCM_SHA256") != 1) {
            if (error)
                *error = QStringLiteral("the TLS library refused the protocol or cipher settings");
            return false;
        }
        SSL_CTX_set_options(native, SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE |
                                        SSL_OP_NO_RENEGOTIATION);
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
    const std::size_t cap = d->context.limits.maxConnections;
    d->context.registry.setCap(cap > 0 ? cap : defaultConnectionCap());
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

void HttpServer::setTerminationHandler(std::function<void()> handler) {
    d->onTerminate = std::move(handler);
    d->signals.async_wait([this](beast::error_code ec, int) {
        if (!ec && d->onTerminate)
            d->onTerminate();
    });
}

void HttpServer::setTrustedProxies(QList<proxyprotocol::Cidr> blocks) {
    d->trustedProxies = std::move(blocks);
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
    asio::post(d->control, [this] {
        if (d->context.draining.exchange(true))
            return;
        beast::error_code ec;
        d->acceptor.close(ec);
        d->acceptBackoff.cancel();
        d->signals.cancel(ec);
        d->context.registry.closeIdle();
        d->drainUntil = std::chrono::steady_clock::now() + drainGrace;
        d->stopWhenDrained();
    });
}

} // namespace knotie::gateway
