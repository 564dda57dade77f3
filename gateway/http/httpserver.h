#pragma once

#include "gateway/http/httplimits.h"
#include "gateway/http/httpmessage.h"
#include "gateway/http/proxyprotocol.h"

#include <QString>

#include <chrono>
#include <functional>
#include <memory>

namespace knotie::gateway {

// The one adapter between the gateway and its HTTP library (Boost.Beast on Asio). It
// reads requests through RequestReader (every buffer bounded, the body budget shared by
// all connections), keeps the connection cap and the deadlines of HttpLimits, and serves
// on several threads; Qt HTTP Server 6.4 could do none of this (see docs/architecture.md).
class HttpServer {
public:
    using Handler = std::function<void(HttpRequest, Responder)>;
    using Limits = HttpLimits;

    explicit HttpServer(Handler handler);
    HttpServer(Handler handler, Limits limits);
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Loads a PEM certificate and key; later connections speak TLS 1.2 or 1.3 with
    // forward-secret AEAD ciphers only.
    bool enableTls(const QString &certificateFile, const QString &keyFile, QString *error);
    bool listen(const QString &host, quint16 port, QString *error);
    // Connections from these addresses start with a PROXY protocol v2 header, whose
    // source address becomes the request's peerAddress. Set before run().
    void setTrustedProxies(QList<proxyprotocol::Cidr> blocks);
    quint16 port() const;
    bool tlsEnabled() const;

    // Serves on `threads` threads, the caller's among them, until stop().
    void run(int threads);
    // Stops accepting, closes idle connections, lets answers under way be written (for at
    // most drainGrace), then stops serving. Safe from any thread and from a handler.
    void stop();
    static constexpr std::chrono::milliseconds drainGrace{1000};
    // Called once, on a serving thread, when SIGINT or SIGTERM arrives.
    void setTerminationHandler(std::function<void()> handler);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace knotie::gateway
