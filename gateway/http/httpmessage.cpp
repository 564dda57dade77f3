#include "gateway/http/httpmessage.h"

#include <QJsonDocument>

#include <algorithm>
#include <cstring>

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
// The letter after the backslash where JSON has a two-character escape for `c`, else 0.
char shortEscape(char c) {
    switch (c) {
    case '"':
        return '"';
    case '\\':
        return '\\';
    case '\b':
        return 'b';
    case '\f':
        return 'f';
    case '\n':
        return 'n';
    case '\r':
        return 'r';
    case '\t':
        return 't';
    default:
        return 0;
    }
}

// The most bytes writeJsonString() writes for `text`: the quotes, and six for each UTF-16 unit
// (an ASCII one escaped as `\u00XX` is the longest; any other is at most three bytes of UTF-8).
qsizetype jsonStringRoom(QStringView text) {
    return 2 + 6 * text.size();
}

// Writes `text` as a JSON string at `to`, which has jsonStringRoom() bytes; returns where it
// ended. Through a pointer: a QByteArray append call per byte was most of a whoami's body.
char *writeJsonString(char *to, QStringView text) {
    // UTF-8 leaves every byte below 0x80 as the character it is: only those need escaping.
    // Ids and wire names are ASCII: they go in as they are, without a UTF-8 copy first.
    const bool ascii = std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
    const QByteArray utf8 = ascii ? QByteArray() : text.toUtf8();
    const qsizetype size = ascii ? text.size() : utf8.size();
    *to++ = '"';
    for (qsizetype i = 0; i < size; ++i) {
        const char c = ascii ? char(text[i].unicode()) : utf8[i];
        const char escaped = shortEscape(c);
        if (escaped) {
            *to++ = '\\';
            *to++ = escaped;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            for (const char e : {'\\', 'u', '0', '0', hex[(c >> 4) & 0xf], hex[c & 0xf]})
                *to++ = e;
        } else {
            *to++ = c;
        }
    }
    *to++ = '"';
    return to;
}

char *writeLatin1(char *to, QLatin1StringView text) {
    std::memcpy(to, text.data(), static_cast<size_t>(text.size()));
    return to + text.size();
}
} // namespace

QByteArray flatJsonObject(std::initializer_list<JsonField> fields) {
    // Written into room made once, then cut to what was written.
    qsizetype room = 2;
    for (const JsonField &field : fields)
        room += 1 + field.name.size() + 3 + (field.null ? 4 : jsonStringRoom(field.value));
    QByteArray out(room, Qt::Uninitialized);
    char *to = out.data();
    *to++ = '{';
    for (const JsonField &field : fields) {
        if (to - out.constData() > 1)
            *to++ = ',';
        *to++ = '"';
        to = writeLatin1(to, field.name);
        to = writeLatin1(to, QLatin1StringView("\":"));
        to = field.null ? writeLatin1(to, QLatin1StringView("null")) : writeJsonString(to, field.value);
    }
    *to++ = '}';
    out.truncate(to - out.constData());
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
