#include "gateway/http/requestreader.h"

#include "gateway/router.h"

#include <boost/asio/buffer.hpp>
#include <boost/asio/error.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <functional>
#include <optional>
#include <vector>

namespace knotie::gateway {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

QByteArray toBytes(beast::string_view s) {
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

// The common methods as literals, which cost no allocation per request.
QByteArray methodBytes(http::verb verb, beast::string_view spelled) {
    switch (verb) {
    case http::verb::get:
        return QByteArrayLiteral("GET");
    case http::verb::post:
        return QByteArrayLiteral("POST");
    case http::verb::patch:
        return QByteArrayLiteral("PATCH");
    case http::verb::delete_:
        return QByteArrayLiteral("DELETE");
    default:
        return toBytes(spelled);
    }
}

// A header's name in lower case. The names Beast knows (most of any request's) are made
// once and shared: a request's Host, User-Agent or Content-Type then costs no allocation.
QByteArray lowerCaseName(const http::fields::value_type &field) {
    static const std::vector<QByteArray> known = [] {
        std::vector<QByteArray> names(static_cast<std::size_t>(http::field::xref) + 1);
        for (std::size_t i = 1; i < names.size(); ++i)
            names[i] = toBytes(http::to_string(static_cast<http::field>(i))).toLower();
        return names;
    }();
    if (field.name() != http::field::unknown)
        return known[static_cast<std::size_t>(field.name())];
    return toBytes(field.name_string()).toLower();
}

QString kibibytes(std::size_t bytes) {
    return bytes % (1024 * 1024) == 0 ? QStringLiteral("%1 MiB").arg(bytes / (1024 * 1024))
                                      : QStringLiteral("%1 KiB").arg(bytes / 1024);
}

Refusal badRequest() {
    return {400, QStringLiteral("bad_request"), QStringLiteral("The request is not valid HTTP/1.1."), 0};
}

Refusal badFraming() {
    return {400, QStringLiteral("bad_request"),
            QStringLiteral("The request's framing is ambiguous: send one Content-Length, or "
                           "Transfer-Encoding: chunked alone."),
            0};
}

Refusal tooLarge(const HttpLimits &limits) {
    return {413, QStringLiteral("too_large"),
            QStringLiteral("The request body is larger than %1.").arg(kibibytes(limits.maxBodyBytes)), 0};
}

Refusal headersTooLarge(const HttpLimits &limits) {
    return {431, QStringLiteral("headers_too_large"),
            QStringLiteral("The request headers are larger than %1.").arg(kibibytes(limits.maxHeaderBytes)),
            0};
}

Refusal framingTooLarge(const HttpLimits &limits) {
    return {431, QStringLiteral("headers_too_large"),
            QStringLiteral("The request's headers, chunk extensions and trailers are larger than %1.")
                .arg(kibibytes(limits.maxFramingBytes)),
            0};
}

Refusal busy() {
    return {503, QStringLiteral("busy"),
            QStringLiteral("The gateway is receiving too many requests at once. Retry in a moment."), 1};
}

beast::string_view trimmed(beast::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

} // namespace

struct RequestReader::Parser {
    http::request_parser<http::string_body> parser;
    // Beast keeps a reference to the callback: it lives as long as the parser.
    std::function<void(std::uint64_t, beast::string_view, beast::error_code &)> onChunkHeader;
};

RequestReader::RequestReader(const HttpLimits &limits, BodyBudget &budget)
    : m_limits(limits)
    , m_budget(budget)
    , m_reservation(budget) {}

RequestReader::~RequestReader() = default;

RequestReader::Step RequestReader::receive(const char *data, std::size_t size) {
    if (m_refused)
        return Step::Refused;
    if (size > 0)
        m_input.append(data, size);
    return parse();
}

RequestReader::Step RequestReader::endOfStream() {
    if (m_refused)
        return Step::Refused;
    if (!midRequest())
        return Step::NeedMore;
    return refuse({400, QStringLiteral("bad_request"),
                   QStringLiteral("The connection ended in the middle of a request."), 0});
}

bool RequestReader::midRequest() const {
    return !m_input.empty() || (m_parser && m_parser->parser.got_some());
}

std::size_t RequestReader::heldBytes() const {
    const std::size_t body = m_parser ? m_parser->parser.get().body().capacity() : 0;
    return m_input.capacity() + body;
}

unsigned RequestReader::version() const {
    return m_parser && m_parser->parser.is_header_done() ? m_parser->parser.get().version() : 11;
}

RequestReader::Step RequestReader::refuse(Refusal refusal) {
    m_refused = true;
    m_refusal = std::move(refusal);
    m_input.clear();
    m_input.shrink_to_fit();
    m_reservation.reset();
    return Step::Refused;
}

RequestReader::Step RequestReader::parse() {
    for (;;) {
        if (!m_parser) {
            m_parser = std::make_unique<Parser>();
            auto &fresh = m_parser->parser;
            fresh.header_limit(static_cast<std::uint32_t>(m_limits.maxHeaderBytes));
            fresh.body_limit(m_limits.maxBodyBytes);
            // Stop after the header, so that it is checked before a byte of the body is taken.
            fresh.eager(false);
            // A chunked body claims its budget chunk by chunk, as the sizes arrive.
            m_parser->onChunkHeader = [this](std::uint64_t size, beast::string_view, beast::error_code &ec) {
                if (size > 0 && !m_reservation.grow(size)) {
                    m_overBudget = true;
                    ec = asio::error::no_buffer_space;
                }
            };
            fresh.on_chunk_header(m_parser->onChunkHeader);
            m_parsedBytes = 0;
            m_headerChecked = false;
            m_overBudget = false;
        }
        auto &parser = m_parser->parser;
        if (parser.is_header_done() && !m_headerChecked) {
            if (const auto step = checkHeader())
                return *step;
        }
        if (parser.is_done())
            return Step::Ready;
        // What the parser keeps waiting for (a chunk-size line, the trailers) counts as framing.
        const auto framingExceeded = [&] {
            const std::size_t framing = m_parsedBytes - parser.get().body().size();
            return parser.is_header_done() && framing + m_input.size() > m_limits.maxFramingBytes;
        };
        if (framingExceeded())
            return refuse(framingTooLarge(m_limits));
        if (m_input.empty())
            return Step::NeedMore;

        beast::error_code ec;
        const std::size_t used = parser.put(asio::buffer(m_input.data(), m_input.size()), ec);
        m_input.erase(0, used);
        m_parsedBytes += used;
        if (ec == http::error::need_more)
            return framingExceeded() ? refuse(framingTooLarge(m_limits)) : Step::NeedMore;
        if (m_overBudget)
            return refuse(busy());
        if (ec == http::error::header_limit)
            return refuse(headersTooLarge(m_limits));
        if (ec == http::error::body_limit)
            return refuse(tooLarge(m_limits));
        if (ec)
            return refuse(badRequest());
        if (used == 0 && !parser.is_done() && m_headerChecked)
            return Step::NeedMore;
    }
}

// Runs once per request, between its header and its body: the framing rules, the size
// and the budget decide before a byte of the body is read.
std::optional<RequestReader::Step> RequestReader::checkHeader() {
    m_headerChecked = true;
    auto &parser = m_parser->parser;
    const auto &msg = parser.get();
    int transferEncodings = 0;
    int contentLengths = 0;
    bool chunkedOnly = true;
    for (const auto &field : msg) {
        if (field.name() == http::field::transfer_encoding) {
            ++transferEncodings;
            chunkedOnly = chunkedOnly && beast::iequals(trimmed(field.value()), "chunked");
        } else if (field.name() == http::field::content_length) {
            ++contentLengths;
            if (field.value().find(',') != beast::string_view::npos)
                ++contentLengths;
        }
    }
    // Anything a proxy in front might read differently is refused (request smuggling).
    if (transferEncodings > 1 || (transferEncodings == 1 && !chunkedOnly) ||
        (transferEncodings > 0 && contentLengths > 0) || contentLengths > 1 ||
        (transferEncodings > 0 && msg.version() < 11))
        return refuse(badFraming());
    const std::uint64_t length = parser.content_length().value_or(0);
    if (length > m_limits.maxBodyBytes)
        return refuse(tooLarge(m_limits));
    if (length > 0 && !m_reservation.grow(static_cast<std::size_t>(length)))
        return refuse(busy());
    parser.eager(true);
    // Offered only while no body byte has come: a client that did not wait needs none.
    const auto expect = msg[http::field::expect];
    if (!parser.is_done() && msg.version() >= 11 && m_input.empty() &&
        beast::iequals(trimmed(expect), "100-continue")) {
        return Step::SendContinue;
    }
    return std::nullopt;
}

ReadRequest RequestReader::takeRequest() {
    auto &msg = m_parser->parser.get();
    ReadRequest read;
    read.keepAlive = msg.keep_alive();
    read.version = msg.version();
    HttpRequest &req = read.request;
    req.method = methodBytes(msg.method(), msg.method_string());
    req.target = toBytes(msg.target());
    const qsizetype q = req.target.indexOf('?');
    req.path = routingPath(q < 0 ? req.target : req.target.left(q));
    if (q >= 0)
        req.query.setQuery(QString::fromUtf8(req.target.mid(q + 1)));
    for (const auto &field : msg)
        req.headers.append({lowerCaseName(field), toBytes(field.value())});
    req.body = QByteArray(msg.body().data(), static_cast<qsizetype>(msg.body().size()));
    read.reservation = std::move(m_reservation);
    m_reservation = BodyReservation(m_budget);
    m_parser.reset();
    // A connection that once held long lines goes back to a small buffer.
    if (m_input.capacity() > 2 * m_limits.maxHeaderBytes && m_input.size() < m_limits.maxHeaderBytes)
        m_input.shrink_to_fit();
    return read;
}

} // namespace knotie::gateway
