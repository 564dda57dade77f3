#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace knotie {

// How a gateway call ended. Every job finishes exactly once with one of these.
struct GatewayResult {
    enum class Status {
        Ok,          // 2xx with a body that parsed
        HttpError,   // the gateway answered with an error body (errorCode says which)
        Unreachable, // connection refused, host not found, reset
        Timeout,     // no progress within the transfer timeout, or past the deadline
        TlsError,    // the certificate is not trusted
        BadResponse, // not a Knotie gateway answer: garbage instead of JSON, a redirect
        Refused,     // never sent: plain http to a remote host, or offline
        Cancelled,
    };

    Status status = Status::Cancelled;
    int httpStatus = 0;
    QString errorCode;  // API.md's machine code, e.g. `invalid_credentials`
    QString errorField; // the request field a 422 is about
    QString message;    // a sentence a person can act on
    QJsonObject body;
    QByteArray requestId;
    int retryAfterSeconds = 0; // from a 429 or 503
    QUrl redirectTarget;       // where a refused redirect pointed
    int attempts = 0;          // how many times the request was sent

    bool ok() const { return status == Status::Ok; }
    // The gateway could not be reached at all: the app goes offline and reads the cache.
    bool isConnectivityFailure() const {
        return status == Status::Unreachable || status == Status::Timeout || status == Status::TlsError;
    }
    bool isPermissionDenied() const {
        return status == Status::HttpError && errorCode == QLatin1String("permission_denied");
    }
};

} // namespace knotie
