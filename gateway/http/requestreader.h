#pragma once

#include "gateway/http/httplimits.h"
#include "gateway/http/httpmessage.h"

#include <memory>
#include <optional>
#include <string>

namespace knotie::gateway {

// Why a request was refused; its answer closes the connection.
struct Refusal {
    int status = 400;
    QString code;
    QString message;
    int retryAfterSeconds = 0; // 0: no Retry-After header
};

// A request read whole, with what the answer needs to know about it.
struct ReadRequest {
    HttpRequest request;
    bool keepAlive = false;
    unsigned version = 11;
    BodyReservation reservation; // the body's share of the budget, until the answer
};

// Turns the bytes a connection receives into requests, holding no more than the limits
// allow: a body up to maxBodyBytes (counted against the shared budget as it arrives) and
// at most maxFramingBytes of headers, chunk-size lines, extensions and trailers per
// request. No sockets here, so the fuzz target feeds it exactly what a connection would.
class RequestReader {
public:
    enum class Step {
        NeedMore,     // read more bytes
        SendContinue, // the client waits for `100 Continue` before sending the body
        Ready,        // takeRequest()
        Refused,      // refusal(): answer it, then close
    };

    RequestReader(const HttpLimits &limits, BodyBudget &budget);
    ~RequestReader();
    RequestReader(const RequestReader &) = delete;
    RequestReader &operator=(const RequestReader &) = delete;

    // Takes received bytes and parses as far as they go.
    Step receive(const char *data, std::size_t size);
    // Parses what is already buffered: the bytes a client sent after its last request.
    Step resume() { return receive(nullptr, 0); }
    // The peer closed its side: a request cut short is malformed framing.
    Step endOfStream();
    // After Ready: the request; the reader moves on to the next one.
    ReadRequest takeRequest();

    const Refusal &refusal() const { return m_refusal; }
    // Some bytes of a request have arrived (the connection is not idle).
    bool midRequest() const;
    // Bytes held for the request being read: body so far plus unparsed input.
    std::size_t heldBytes() const;
    // The HTTP minor version of the request being read, for the refusal's status line.
    unsigned version() const;

private:
    Step parse();
    std::optional<Step> checkHeader();
    Step refuse(Refusal refusal);

    struct Parser;
    const HttpLimits &m_limits;
    BodyBudget &m_budget;
    std::unique_ptr<Parser> m_parser;
    std::string m_input; // received, not yet parsed (never more than the framing allowance)
    std::size_t m_parsedBytes = 0;
    bool m_headerChecked = false;
    bool m_refused = false;
    bool m_overBudget = false;
    BodyReservation m_reservation;
    Refusal m_refusal;
};

} // namespace knotie::gateway
