#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <initializer_list>
#include <memory>

namespace knotie::gateway {

// What a handler may ask of the connection its request came on; the server implements it.
class Exchange {
public:
    virtual ~Exchange() = default;
    virtual void holdAnswer() = 0;
    virtual bool clientGone() = 0;
};

// The gateway's own view of an HTTP exchange. Routes, scopes and storage see only
// these types, so the HTTP library behind them (Boost.Beast today) can be replaced
// by changing one adapter.
struct HttpRequest {
    QByteArray method; // upper case, as sent
    QByteArray target; // path and query, raw
    QString path;      // routingPath() of the target's path: decoded segment by segment
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;
    QString peerAddress;
    // Set by the server: the connection, for as long as it lasts. A handle rather than two
    // functions, so a request costs no allocation for what few handlers use.
    std::weak_ptr<Exchange> exchange;

    // A handler that holds its answer until something happens (API.md v1.1's long-poll
    // `wait`) calls this first: the exchange is then exempt from the per-request deadline
    // and the idle timeout, and still counts toward the connection cap.
    void holdAnswer() const;
    // Asks whether the client has closed the connection, so its answer would go nowhere:
    // slow work asks before it starts. Empty when the request came on no connection.
    std::function<bool()> clientGone() const;

    QByteArray header(QByteArrayView lowerCaseName) const;
};

struct HttpResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json"); // a literal: no allocation per answer
    // The error body's `code` (empty for a success): kept with the request's usage record,
    // so nobody has to parse the body again to say why a call failed.
    QString errorCode;

    void setHeader(const QByteArray &name, const QByteArray &value);
};

using Responder = std::function<void(HttpResponse)>;

HttpResponse jsonResponse(int status, const QJsonObject &body);
// One field of a flat JSON object: a string, or null.
struct JsonField {
    QLatin1StringView name;
    QStringView value;
    bool null = false;
};
// A flat JSON object of strings, byte for byte as QJsonDocument's compact form writes it
// (callers give the fields sorted by name, as a QJsonObject keeps them). For the busiest small
// answers: building a QJsonObject and writing it out was a fifth of the gateway's work on a
// whoami.
QByteArray flatJsonObject(std::initializer_list<JsonField> fields);
// `{"error": {"code", "message", "field"}}`, the one error shape of API.md.
QJsonObject errorBody(const QString &code, const QString &message, const QString &field = QString());
HttpResponse errorResponse(int status, const QString &code, const QString &message,
                           const QString &field = QString());
HttpResponse emptyResponse(int status);

} // namespace knotie::gateway
