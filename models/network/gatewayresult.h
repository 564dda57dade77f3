#pragma once

#include <QJsonObject>
#include <QString>

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
        Refused,     // never sent: plain http to a remote host, for example
        Cancelled,
    };

    Status status = Status::Cancelled;
    int httpStatus = 0;
    QString errorCode;  // API.md's machine code, e.g. `invalid_credentials`
    QString errorField; // the request field a 422 is about
    QString message;    // a sentence a person can act on
    QJsonObject body;
    QByteArray requestId;

    bool ok() const { return status == Status::Ok; }
};

} // namespace knotie
