#include "gatewayjob.h"

#include "logging.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>
#include <QUuid>

namespace knotie {

bool GatewayConnection::transportAllowed() const {
    if (baseUrl.scheme() == QLatin1String("https"))
        return true;
    const QString host = baseUrl.host();
    const bool loopback = host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
    return baseUrl.scheme() == QLatin1String("http") && (loopback || allowInsecureRemote);
}

GatewayJob::GatewayJob(GatewayConnection connection, QObject *parent)
    : QObject(parent)
    , m_connection(std::move(connection)) {
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        GatewayResult r;
        r.status = GatewayResult::Status::Timeout;
        finish(r);
    });
}

GatewayJob::~GatewayJob() {
    if (m_reply)
        m_reply->abort();
}

QUrlQuery GatewayJob::query() const {
    return {};
}

bool GatewayJob::parse(const QJsonObject &) {
    return true;
}

void GatewayJob::start() {
    m_result.requestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    if (!m_connection.network || !m_connection.baseUrl.isValid()) {
        GatewayResult r;
        r.status = GatewayResult::Status::Refused;
        return finish(r);
    }
    if (!m_connection.transportAllowed()) {
        GatewayResult r;
        r.status = GatewayResult::Status::Refused;
        r.errorCode = QStringLiteral("insecure_transport");
        return finish(r);
    }
    QUrl url = m_connection.baseUrl;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path());
    const QUrlQuery q = query();
    if (!q.isEmpty())
        url.setQuery(q);

    QNetworkRequest request(url);
    request.setTransferTimeout(m_transferTimeoutMs);
    // Never follow a redirect: a redirect could carry the session token to another
    // origin or to plain http, and a Knotie gateway never redirects an API call.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("X-Request-Id", m_result.requestId);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("knotie-portal/" KNOTIE_VERSION));
    if (!m_connection.sessionToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_connection.sessionToken);

    QByteArray payload;
    if (hasBody()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        payload = QJsonDocument(requestBody()).toJson(QJsonDocument::Compact);
    }
    qCDebug(lcNetwork).noquote() << method() << url.toDisplayString() << "request" << m_result.requestId
                                 << redactBody(payload);
    m_reply = m_connection.network->sendCustomRequest(request, method(), payload);
    connect(m_reply, &QNetworkReply::finished, this, &GatewayJob::onReplyFinished);
    m_deadline.start(m_deadlineMs);
}

void GatewayJob::abort() {
    GatewayResult r;
    r.status = GatewayResult::Status::Cancelled;
    finish(r);
}

void GatewayJob::onReplyFinished() {
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    GatewayResult r;
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = reply->readAll();
    const QNetworkReply::NetworkError error = reply->error();
    qCDebug(lcNetwork).noquote() << "reply" << m_result.requestId << r.httpStatus << error
                                 << redactBody(data);

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    const bool isObject = parseError.error == QJsonParseError::NoError && doc.isObject();

    if (r.httpStatus >= 300 && r.httpStatus < 400) {
        r.status = GatewayResult::Status::BadResponse;
        r.errorCode = QStringLiteral("redirect");
    } else if (r.httpStatus >= 400) {
        const QJsonObject errorObject = doc.object().value(QStringLiteral("error")).toObject();
        r.status = isObject && !errorObject.isEmpty() ? GatewayResult::Status::HttpError
                                                      : GatewayResult::Status::BadResponse;
        r.errorCode = errorObject.value(QStringLiteral("code")).toString();
        r.errorField = errorObject.value(QStringLiteral("field")).toString();
        r.body = doc.object();
    } else if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
        r.status = GatewayResult::Status::Timeout;
    } else if (error == QNetworkReply::SslHandshakeFailedError) {
        r.status = GatewayResult::Status::TlsError;
    } else if (error != QNetworkReply::NoError) {
        r.status = GatewayResult::Status::Unreachable;
    } else if (r.httpStatus == 204) {
        r.status = GatewayResult::Status::Ok;
    } else if (!isObject) {
        r.status = GatewayResult::Status::BadResponse;
    } else {
        r.body = doc.object();
        r.status = parse(r.body) ? GatewayResult::Status::Ok : GatewayResult::Status::BadResponse;
    }
    finish(r);
}

void GatewayJob::finish(GatewayResult result) {
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        if (m_reply->isRunning())
            m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    result.requestId = m_result.requestId;
    if (!result.ok())
        result.message = describeFailure(result, m_connection.baseUrl);
    m_result = result;
    Q_EMIT finished(m_result);
}

QString describeFailure(const GatewayResult &r, const QUrl &baseUrl) {
    const QString address = baseUrl.toDisplayString(QUrl::RemoveUserInfo);
    using S = GatewayResult::Status;
    switch (r.status) {
    case S::Ok:
        return {};
    case S::Cancelled:
        return QObject::tr("The request was cancelled.");
    case S::Timeout:
        return QObject::tr("The gateway at %1 did not answer in time. Check your connection and try again.")
            .arg(address);
    case S::Unreachable:
        return QObject::tr("Cannot reach the gateway at %1: check the address.").arg(address);
    case S::TlsError:
        return QObject::tr("The gateway's certificate is not trusted, so nothing was sent to %1.")
            .arg(address);
    case S::Refused:
        if (r.errorCode == QLatin1String("insecure_transport"))
            return QObject::tr(
                       "%1 is not encrypted. Use an https:// address for a gateway on another computer.")
                .arg(address);
        return QObject::tr(
                   "The gateway address %1 is not valid. Enter an address like https://gateway.example.com.")
            .arg(address);
    case S::BadResponse:
        return QObject::tr("The server at %1 did not answer like a Knotie gateway. Check the address.")
            .arg(address);
    case S::HttpError:
        break;
    }
    const QString &code = r.errorCode;
    if (code == QLatin1String("invalid_credentials"))
        return QObject::tr("Wrong email or password.");
    if (code == QLatin1String("too_many_attempts"))
        return QObject::tr("Too many failed sign-ins for this email. Wait a few minutes, then try again.");
    if (code == QLatin1String("invalid_session"))
        return QObject::tr("Your session has ended. Sign in again.");
    if (code == QLatin1String("permission_denied"))
        return QObject::tr("You do not have permission for this. Ask the account owner to grant access.");
    const QString serverMessage =
        r.body.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    if (!serverMessage.isEmpty())
        return serverMessage;
    return QObject::tr("The gateway refused the request (HTTP %1).").arg(r.httpStatus);
}

} // namespace knotie
