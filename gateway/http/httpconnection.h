#pragma once

// One HTTP connection, for gateway/http/httpserver.cpp only. Templated on the stream so
// plain TCP and TLS share every line of the request/response logic.

#include "gateway/http/connectionregistry.h"
#include "gateway/http/httplimits.h"
#include "gateway/http/requestreader.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <poll.h>

#include <array>
#include <atomic>
#include <functional>
#include <memory>

namespace knotie::gateway::http_detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// What every connection of one server shares.
struct ServerContext {
    std::function<void(HttpRequest, Responder)> handler;
    HttpLimits limits;
    BodyBudget budget;
    ConnectionRegistry registry;
    // Set by HttpServer::stop(): a connection closes once its answer is written.
    std::atomic<bool> draining = false;
};

template <typename Stream>
class Connection : public IdleConnection, public std::enable_shared_from_this<Connection<Stream>> {
public:
    Connection(Stream stream, ServerContext &context, QString peer)
        : m_stream(std::move(stream))
        , m_context(context)
        , m_limits(context.limits)
        , m_peer(std::move(peer))
        , m_reader(context.limits, context.budget)
        , m_timer(m_stream.get_executor()) {}

    ~Connection() override { m_context.registry.leave(m_slot); }

    void start() {
        if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
            waitForRequest();
        } else {
            m_phase = Phase::Reading;
            arm(m_limits.tlsHandshakeTimeout);
            m_stream.async_handshake(asio::ssl::stream_base::server,
                                     [self = this->shared_from_this()](beast::error_code ec) {
                                         if (ec)
                                             return self->closeNow();
                                         self->waitForRequest();
                                     });
        }
    }

    void closeIfIdle() override {
        asio::post(m_stream.get_executor(), [self = this->shared_from_this()] {
            if (self->m_phase == Phase::Idle)
                self->closeNow();
        });
    }

private:
    enum class Phase { Idle, Reading, Handling, Held, Writing, Lingering, Closed };

    // Between requests. Bytes a client sent ahead (pipelining) start the next request at once.
    void waitForRequest() {
        if (m_reader.midRequest()) {
            if (beginRequest())
                proceed(m_reader.resume());
            return;
        }
        if (m_context.draining)
            return closeNow();
        m_phase = Phase::Idle;
        arm(m_limits.idleTimeout);
        m_context.registry.becomeIdle(m_slot, this->weak_from_this());
        readSome();
    }

    // The request's deadline starts with its first byte and is never extended.
    bool beginRequest() {
        if (!m_context.registry.becomeBusy(m_slot)) {
            closeNow();
            return false;
        }
        m_phase = Phase::Reading;
        arm(m_limits.requestDeadline);
        return true;
    }

    void readSome() {
        m_stream.async_read_some(
            asio::buffer(m_in),
            [self = this->shared_from_this()](beast::error_code ec, std::size_t n) { self->onRead(ec, n); });
    }

    void onRead(beast::error_code ec, std::size_t n) {
        if (m_phase == Phase::Closed)
            return;
        if (ec) {
            const bool ended = ec == asio::error::eof || ec == asio::ssl::error::stream_truncated;
            if (ended && m_phase == Phase::Reading)
                return proceed(m_reader.endOfStream());
            return closeNow();
        }
        if (m_phase == Phase::Idle && !beginRequest())
            return;
        proceed(m_reader.receive(m_in.data(), n));
    }

    void proceed(RequestReader::Step step) {
        switch (step) {
        case RequestReader::Step::NeedMore:
            if (m_phase == Phase::Reading)
                return readSome();
            return closeNow();
        case RequestReader::Step::SendContinue:
            return writeContinue();
        case RequestReader::Step::Refused:
            return refuse(m_reader.refusal());
        case RequestReader::Step::Ready:
            return handOver();
        }
    }

    void writeContinue() {
        static constexpr char line[] = "HTTP/1.1 100 Continue\r\n\r\n";
        asio::async_write(m_stream, asio::buffer(line, sizeof line - 1),
                          [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec || self->m_phase == Phase::Closed)
                                  return self->closeNow();
                              self->readSome();
                          });
    }

    void handOver() {
        ReadRequest read = m_reader.takeRequest();
        m_phase = Phase::Handling;
        m_keepAlive = read.keepAlive;
        m_version = read.version;
        m_isHead = read.request.method == "HEAD";
        m_reservation = std::move(read.reservation);
        read.request.peerAddress = m_peer;
        read.request.holdAnswer = [weak = this->weak_from_this()] {
            if (auto self = weak.lock())
                asio::dispatch(self->m_stream.get_executor(), [self] { self->hold(); });
        };
        read.request.clientGone = [weak = this->weak_from_this()] {
            const auto self = weak.lock();
            return !self || self->peerHasLeft();
        };
        auto self = this->shared_from_this();
        m_context.handler(std::move(read.request), [self](HttpResponse response) {
            asio::post(self->m_stream.get_executor(), [self, response = std::move(response)]() mutable {
                self->answer(std::move(response));
            });
        });
    }

    // While a handler runs nothing reads the socket, so the kernel is asked directly
    // whether the peer has shut the connection (safe from any thread: it only polls).
    bool peerHasLeft() {
        pollfd peer{beast::get_lowest_layer(m_stream).socket().native_handle(), POLLRDHUP, 0};
        return ::poll(&peer, 1, 0) > 0 && (peer.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
    }

    // A held answer (long-poll) waits as long as its handler says; it still has its place
    // in the connection count, and is never closed as idle.
    void hold() {
        if (m_phase != Phase::Handling)
            return;
        m_phase = Phase::Held;
        ++m_timerGeneration;
        m_timer.cancel();
    }

    void answer(HttpResponse response) {
        if (m_phase != Phase::Handling && m_phase != Phase::Held)
            return; // the deadline passed and the connection is gone
        m_reservation.reset();
        if (m_phase == Phase::Held)
            arm(m_limits.requestDeadline); // writing it gets a deadline of its own
        write(std::move(response), false);
    }

    void refuse(const Refusal &refusal) {
        m_isHead = false;
        m_keepAlive = false;
        m_version = m_reader.version();
        HttpResponse response = errorResponse(refusal.status, refusal.code, refusal.message);
        if (refusal.retryAfterSeconds > 0)
            response.setHeader("Retry-After", QByteArray::number(refusal.retryAfterSeconds));
        write(std::move(response), true);
    }

    void write(HttpResponse response, bool closeAfter) {
        m_phase = Phase::Writing;
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
        http::async_write(m_stream, *res,
                          [self = this->shared_from_this(), res](beast::error_code ec, std::size_t) {
                              if (ec || self->m_phase == Phase::Closed)
                                  return self->closeNow();
                              if (!res->keep_alive())
                                  return self->linger();
                              self->waitForRequest();
                          });
    }

    // After the last answer: stop sending, and drop what the client still sends for a
    // moment before closing, since closing with unread data resets the connection and the
    // client might never see the answer. The moment is a total that trickled bytes cannot
    // extend, and the bytes dropped are bounded too.
    void linger() {
        m_phase = Phase::Lingering;
        beast::error_code ec;
        beast::get_lowest_layer(m_stream).socket().shutdown(tcp::socket::shutdown_send, ec);
        arm(m_limits.lingerTime);
        lingerRead();
    }

    void lingerRead() {
        // Enough for a client that sends a body a few times the limit before it reads (as
        // Qt and curl without Expect do); dropped bytes cost no memory, and time is bounded.
        if (m_lingered > 4 * (m_limits.maxBodyBytes + m_limits.maxFramingBytes))
            return closeNow();
        beast::get_lowest_layer(m_stream).socket().async_read_some(
            asio::buffer(m_in), [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
                self->m_lingered += n;
                if (ec || self->m_phase == Phase::Closed)
                    return self->closeNow();
                self->lingerRead();
            });
    }

    void closeNow() {
        if (m_phase == Phase::Closed)
            return;
        m_phase = Phase::Closed;
        ++m_timerGeneration;
        m_timer.cancel();
        m_reservation.reset();
        beast::error_code ec;
        auto &socket = beast::get_lowest_layer(m_stream).socket();
        socket.shutdown(tcp::socket::shutdown_both, ec);
        socket.close(ec);
    }

    // One timer per connection: the idle timeout, a request's deadline or the linger.
    void arm(std::chrono::milliseconds duration) {
        const unsigned generation = ++m_timerGeneration;
        m_timer.expires_after(duration);
        m_timer.async_wait([weak = this->weak_from_this(), generation](beast::error_code ec) {
            auto self = weak.lock();
            if (!ec && self && self->m_timerGeneration == generation)
                self->closeNow();
        });
    }

    Stream m_stream;
    ServerContext &m_context;
    const HttpLimits &m_limits;
    QString m_peer;
    RequestReader m_reader;
    BodyReservation m_reservation;
    ConnectionRegistry::Slot m_slot;
    asio::steady_timer m_timer;
    unsigned m_timerGeneration = 0;
    Phase m_phase = Phase::Idle;
    bool m_keepAlive = false;
    bool m_isHead = false;
    unsigned m_version = 11;
    std::size_t m_lingered = 0;
    std::array<char, 16384> m_in{};
};

} // namespace knotie::gateway::http_detail
