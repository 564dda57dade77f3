#pragma once

// One HTTP connection, for gateway/http/httpserver.cpp only. Templated on the stream so
// plain TCP and TLS share every line of the request/response logic.

#include "gateway/http/connectionregistry.h"
#include "gateway/http/httplimits.h"
#include "gateway/http/requestreader.h"
#include "gateway/http/responsebytes.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>

#include <poll.h>

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace knotie::gateway::http_detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

// A connection's strand, named by its type rather than hidden in an any_io_executor: every
// asynchronous operation copies its stream's executor, and a type-erased copy, comparison or
// release is a call through a table each time.
using ConnectionExecutor = asio::strand<asio::io_context::executor_type>;
using TcpStream = beast::basic_stream<tcp, ConnectionExecutor>;
using TcpSocket = TcpStream::socket_type;

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
class Connection : public IdleConnection,
                   public Exchange,
                   public std::enable_shared_from_this<Connection<Stream>> {
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
        m_slot.connection = this->weak_from_this();
        if constexpr (plainTcp) {
            // Answers are first written without waiting (write()); reads and the rest of a
            // long answer still wait through the reactor, which works the same either way.
            beast::error_code ec;
            m_stream.socket().non_blocking(true, ec);
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

    // A held answer (long-poll) waits as long as its handler says; it still has its place
    // in the connection count, and is never closed as idle.
    void holdAnswer() override {
        asio::dispatch(m_stream.get_executor(), [self = this->shared_from_this()] {
            if (self->m_phase == Phase::Handling) {
                self->m_phase = Phase::Held;
                self->disarm();
            }
        });
    }

    // While a handler runs nothing reads the socket, so the kernel is asked directly
    // whether the peer has shut the connection (safe from any thread: it only polls).
    bool clientGone() override {
        pollfd peer{beast::get_lowest_layer(m_stream).socket().native_handle(), POLLRDHUP, 0};
        return ::poll(&peer, 1, 0) > 0 && (peer.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
    }

private:
    enum class Phase { Idle, Reading, Handling, Held, Writing, Lingering, Closed };
    static constexpr bool plainTcp = std::is_same_v<Stream, TcpStream>;

    // Between requests. Bytes a client sent ahead (pipelining) start the next request at once.
    // `markedIdle`: write() already put the connection in the cap's idle list.
    void waitForRequest(bool markedIdle = false) {
        if (m_reader.midRequest()) {
            if (beginRequest())
                proceed(m_reader.resume());
            return;
        }
        if (m_context.draining)
            return closeNow();
        m_phase = Phase::Idle;
        arm(m_limits.idleTimeout);
        if (!markedIdle)
            m_context.registry.becomeIdle(m_slot);
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
        if constexpr (plainTcp) {
            if (m_socketReadable)
                return receiveNow();
            m_readWanted = true;
            watchForBytes();
        } else {
            m_stream.async_read_some(asio::buffer(m_in),
                                     [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
                                         self->onRead(ec, n);
                                     });
        }
    }

    // Plain TCP reads only when the socket may hold bytes. Asio's own read first tries the
    // socket at once, and after an answer the client's next request is almost never there
    // yet: that failed call was one in every two reads under `wrk`. So a read waits for
    // readability unless the socket is known to hold bytes. (Queuing the wait re-arms the
    // socket in the reactor, which then also reports bytes that came while nothing waited.)
    void receiveNow() {
        m_readWanted = false;
        beast::error_code ec;
        const std::size_t n = m_stream.socket().read_some(asio::buffer(m_in), ec);
        if (ec == asio::error::would_block || ec == asio::error::try_again) {
            m_socketReadable = false;
            return readSome();
        }
        // A read that filled the buffer may have left bytes behind; a shorter one took all.
        m_socketReadable = !ec && n == m_in.size();
        onRead(ec, n);
    }

    void watchForBytes() {
        if (m_watching)
            return;
        m_watching = true;
        m_stream.socket().async_wait(
            tcp::socket::wait_read, [self = this->shared_from_this()](beast::error_code ec) {
                self->m_watching = false;
                if (ec == asio::error::operation_aborted || self->m_phase == Phase::Closed)
                    return;
                // Any other outcome is for a read to find out (the peer's close, a reset).
                self->m_socketReadable = true;
                if (self->m_readWanted)
                    self->receiveNow();
            });
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
        read.request.exchange = this->weak_from_this();
        // An answer made at once, on this strand (whoami with a cached key, /healthz), is
        // written at once too; one made on another thread (database work) comes back here.
        m_context.handler(std::move(read.request), [self = this->shared_from_this()](HttpResponse response) {
            asio::dispatch(self->m_stream.get_executor(),
                           [self, response = std::move(response)] { self->answer(response); });
        });
    }

    void answer(const HttpResponse &response) {
        if (m_phase != Phase::Handling && m_phase != Phase::Held)
            return; // the deadline passed and the connection is gone
        m_reservation.reset();
        if (m_phase == Phase::Held)
            arm(m_limits.requestDeadline); // writing it gets a deadline of its own
        write(response, false);
    }

    void refuse(const Refusal &refusal) {
        m_isHead = false;
        m_keepAlive = false;
        m_version = m_reader.version();
        HttpResponse response = errorResponse(refusal.status, refusal.code, refusal.message);
        if (refusal.retryAfterSeconds > 0)
            response.setHeader("Retry-After", QByteArray::number(refusal.retryAfterSeconds));
        write(response, true);
    }

    void write(const HttpResponse &response, bool closeAfter) {
        m_phase = Phase::Writing;
        bool keepAlive = m_keepAlive && !closeAfter;
        appendResponseBytes(response, ResponseFraming{m_version, keepAlive, m_isHead}, m_out);
        std::size_t sent = 0;
        if constexpr (plainTcp) {
            // Idle from before its answer reaches the client, not from whenever this thread
            // gets back to it: the connection cap's idle list is then in the order clients
            // received their answers (a newcomer asked to close it meanwhile waits on the
            // strand, and closes it only once it is idle).
            if (keepAlive)
                m_context.registry.becomeIdle(m_slot);
            // An answer almost always fits the socket's send buffer: sent here, it needs no
            // completion queued and run through the scheduler before the next read (about 5%
            // of the gateway's CPU per whoami). A full buffer leaves the rest to async_write.
            beast::error_code ec;
            sent = m_stream.socket().write_some(asio::buffer(m_out), ec);
            if (ec && ec != asio::error::would_block && ec != asio::error::try_again)
                return closeNow();
            if (sent == m_out.size())
                return written(keepAlive, true);
            // Busy again while the rest waits for the socket; if its place went to a newcomer
            // meanwhile, the answer is finished and the connection then closes.
            if (keepAlive && !m_context.registry.becomeBusy(m_slot))
                keepAlive = false;
        }
        asio::async_write(m_stream, asio::buffer(m_out) + sent,
                          [self = this->shared_from_this(), keepAlive](beast::error_code ec, std::size_t) {
                              if (ec || self->m_phase == Phase::Closed)
                                  return self->closeNow();
                              self->written(keepAlive, false);
                          });
    }

    // `direct`: called from write() itself, which marked the connection idle. The next
    // request is then read the same way, except one the client already sent (pipelining,
    // or bytes still in the socket): that one is posted, so a burst of pipelined requests
    // never nests its answers on this thread's stack.
    void written(bool keepAlive, bool direct) {
        // A large answer's buffer is not kept for the connection's life.
        if (m_out.capacity() > keptOutputCapacity)
            std::string().swap(m_out);
        if (!keepAlive)
            return linger();
        if (direct && (m_reader.midRequest() || m_socketReadable))
            return asio::post(m_stream.get_executor(), [self = this->shared_from_this()] {
                if (self->m_phase != Phase::Closed)
                    self->waitForRequest();
            });
        waitForRequest(direct);
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
        disarm();
        m_timer.cancel();
        m_reservation.reset();
        beast::error_code ec;
        auto &socket = beast::get_lowest_layer(m_stream).socket();
        socket.shutdown(tcp::socket::shutdown_both, ec);
        socket.close(ec);
    }

    // One deadline per connection: the idle timeout, a request's deadline or the linger.
    // Its timer is moved only when the deadline comes earlier than the timer would fire;
    // a later deadline waits until the timer fires and sets it again. Steady keep-alive
    // traffic (the deadline moves later with every request) then costs no timer
    // operation per request.
    void arm(std::chrono::milliseconds duration) {
        m_deadline = std::chrono::steady_clock::now() + duration;
        m_hasDeadline = true;
        if (!m_timerWaiting || m_timer.expiry() > m_deadline)
            waitUntilDeadline();
    }

    void disarm() { m_hasDeadline = false; }

    void waitUntilDeadline() {
        m_timer.expires_at(m_deadline); // a wait under way ends as aborted, and is ignored
        m_timerWaiting = true;
        const unsigned generation = ++m_timerGeneration;
        m_timer.async_wait([weak = this->weak_from_this(), generation](beast::error_code) {
            const auto self = weak.lock();
            if (!self || self->m_timerGeneration != generation)
                return;
            self->m_timerWaiting = false;
            if (!self->m_hasDeadline || self->m_phase == Phase::Closed)
                return;
            if (std::chrono::steady_clock::now() < self->m_deadline)
                return self->waitUntilDeadline();
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
    std::chrono::steady_clock::time_point m_deadline;
    bool m_hasDeadline = false;
    bool m_timerWaiting = false;
    unsigned m_timerGeneration = 0;
    Phase m_phase = Phase::Idle;
    bool m_keepAlive = false;
    bool m_isHead = false;
    unsigned m_version = 11;
    std::size_t m_lingered = 0;
    // Plain TCP's reads (receiveNow): the socket may hold bytes; a read waits for them; a
    // wait for them is queued.
    bool m_socketReadable = true;
    bool m_readWanted = false;
    bool m_watching = false;
    std::array<char, 16384> m_in{};
    static constexpr std::size_t keptOutputCapacity = 64 * 1024;
    std::string m_out; // the answer being written
};

} // namespace knotie::gateway::http_detail
