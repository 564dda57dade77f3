#pragma once

#include "tests/support/gatewayprocess.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

// Small helpers the Portal API tests share: one signed-in call, and key creation.
namespace knotie::test::portal {

inline QByteArray compact(const QJsonObject &body) {
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

// POST and PATCH carry a JSON body (an empty object when none is given); GET and
// DELETE carry none.
inline HttpReply call(const GatewayProcess &gateway, const QByteArray &token, const QByteArray &method,
                      const QString &path, const QJsonObject &body = {}) {
    const bool hasBody = method == "POST" || method == "PATCH";
    return gateway.request(method, path, hasBody ? compact(body) : QByteArray(),
                           GatewayProcess::bearer(token));
}

inline HttpReply createKey(const GatewayProcess &gateway, const QByteArray &token, const QString &name,
                           const QString &type = QStringLiteral("read_only"), QJsonObject extra = {}) {
    extra.insert(QStringLiteral("name"), name);
    extra.insert(QStringLiteral("type"), type);
    return call(gateway, token, "POST", QStringLiteral("/v1/keys"), extra);
}

inline QJsonObject keyOf(const HttpReply &reply) {
    return reply.json().value(QStringLiteral("key")).toObject();
}

inline QString idOf(const QJsonObject &object) {
    return object.value(QStringLiteral("id")).toString();
}

inline QString fieldOf(const HttpReply &reply) {
    return reply.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString();
}

inline QStringList idsIn(const QJsonArray &objects) {
    QStringList ids;
    for (const QJsonValue &v : objects)
        ids.append(v.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

// Sends one POST per body all at once (QNetworkAccessManager runs up to six per host in
// parallel) and waits for every answer: for races the gateway must win.
inline QList<HttpReply> postAtOnce(const GatewayProcess &gateway, const QString &path,
                                   const QList<QByteArray> &bodies, const QByteArray &token = {}) {
    QNetworkAccessManager nam;
    QList<QNetworkReply *> replies;
    for (const QByteArray &body : bodies) {
        QNetworkRequest request(gateway.baseUrl().resolved(QUrl(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        replies.append(nam.post(request, body));
    }
    QEventLoop loop;
    qsizetype finished = 0;
    for (QNetworkReply *reply : std::as_const(replies))
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&] {
            if (++finished == replies.size())
                loop.quit();
        });
    if (!replies.isEmpty())
        loop.exec();
    QList<HttpReply> answers;
    for (QNetworkReply *reply : std::as_const(replies)) {
        HttpReply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.headers = reply->rawHeaderPairs();
        answers.append(r);
        delete reply;
    }
    return answers;
}

// The gateway's clock (moved by --test-clock), which may be ahead of this machine's.
inline QDateTime gatewayNow(const GatewayProcess &gateway) {
    const HttpReply r =
        gateway.postJson(QStringLiteral("/_test/clock"), {{QStringLiteral("advance_seconds"), 0}});
    return QDateTime::fromString(r.json().value(QStringLiteral("now")).toString(), Qt::ISODate);
}

} // namespace knotie::test::portal
