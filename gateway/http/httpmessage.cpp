#include "gateway/http/httpmessage.h"

#include <QJsonDocument>

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
