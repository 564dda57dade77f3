#include "gateway/http/responsebytes.h"

#include <boost/beast/http/status.hpp>

#include <charconv>

namespace knotie::gateway {

namespace {
std::string_view view(const QByteArray &bytes) {
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

void appendNumber(std::string &out, std::size_t value) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end);
}

void appendHeader(std::string &out, std::string_view name, std::string_view value) {
    out.append(name).append(": ").append(value).append("\r\n");
}
} // namespace

void appendResponseBytes(const HttpResponse &response, const ResponseFraming &framing, std::string &out) {
    out.clear();
    const auto status = static_cast<unsigned>(response.status);
    out.append(framing.version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
    appendNumber(out, status);
    out.push_back(' ');
    const auto reason = boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(status));
    out.append(reason.data(), reason.size());
    out.append("\r\nServer: knotie-gateway\r\n");
    if (!response.contentType.isEmpty())
        appendHeader(out, "Content-Type", view(response.contentType));
    for (const auto &[name, value] : response.headers)
        appendHeader(out, view(name), view(value));
    // HTTP/1.1 keeps a connection unless told otherwise; HTTP/1.0 closes unless told.
    if (framing.version == 10 && framing.keepAlive)
        appendHeader(out, "Connection", "keep-alive");
    else if (framing.version != 10 && !framing.keepAlive)
        appendHeader(out, "Connection", "close");
    // A 1xx, 204 or 304 answer has no body and says no length (RFC 9110, 8.6).
    const bool bodiless = status / 100 == 1 || status == 204 || status == 304;
    if (!bodiless) {
        out.append("Content-Length: ");
        appendNumber(out, static_cast<std::size_t>(response.body.size()));
        out.append("\r\n");
    }
    out.append("\r\n");
    if (!framing.headOnly && !bodiless)
        out.append(view(response.body));
}

} // namespace knotie::gateway
