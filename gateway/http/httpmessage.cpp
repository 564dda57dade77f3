#include "gateway/http/httpmessage.h"

#include <QJsonDocument>

#include <algorithm>

namespace knotie::gateway {

QByteArray HttpRequest::header(QByteArrayView lowerCaseName) const {
    for (const auto &[name, value] : headers)
        if (name == lowerCaseName)
            return value;
    return {};
}

void HttpRequest::holdAnswer() const {
    if (const auto connection = exchange.lock())
        connection->holdAnswer();
}

std::function<bool()> HttpRequest::clientGone() const {
    // Never set (a request made in a test, not read from a connection): nobody to ask.
    const std::weak_ptr<Exchange> none;
    if (!exchange.owner_before(none) && !none.owner_before(exchange))
        return {};
    return [connection = exchange] {
        const auto alive = connection.lock();
        return !alive || alive->clientGone();
    };
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value) {
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

HttpResponse jsonResponse(int status, const QJsonObject &body) {
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (status >= 400)
        r.errorCode = body.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    return r;
}

namespace {
void appendJsonString(QByteArray &out, QStringView text) {
    out += '"';
    // UTF-8 leaves every byte below 0x80 as the character it is: only those need escaping.
    // Ids and wire names are ASCII: they go in as they are, without a UTF-8 copy first.
    const bool ascii = std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
    const QByteArray utf8 = ascii ? QByteArray() : text.toUtf8();
    const qsizetype size = ascii ? text.size() : utf8.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = ascii ? char(text[i].unicode()) : utf8[i];
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(c >> 4) & 0xf];
                out += hex[c & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}
} // namespace

QByteArray flatJsonObject(std::initializer_list<JsonField> fields) {
    QByteArray out;
    out.reserve(256);
    out += '{';
    for (const JsonField &field : fields) {
        if (out.size() > 1)
            out += ',';
        out += '"';
        out += QByteArrayView(field.name.data(), field.name.size());
        out += "\":";
        if (field.null)
            out += "null";
        else
            appendJsonString(out, field.value);
    }
    out += '}';
    return out;
}

QJsonObject errorBody(const QString &code, const QString &message, const QString &field) {
    QJsonObject error{{QStringLiteral("code"), code},
                      {QStringLiteral("message"), message},
                      {QStringLiteral("field"), field.isEmpty() ? QJsonValue() : QJsonValue(field)}};
    return QJsonObject{{QStringLiteral("error"), error}};
}

HttpResponse errorResponse(int status, const QString &code, const QString &message, const QString &field) {
    return jsonResponse(status, errorBody(code, message, field));
}

HttpResponse emptyResponse(int status) {
    HttpResponse r;
    r.status = status;
    r.contentType.clear();
    return r;
}

} // namespace knotie::gateway
