#include "models/network/gatewayjob.h"

#include "models/data/wireformat.h"
#include "models/logging.h"
#include "models/network/gatewayaddress.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QUrlQuery>
#include <QUuid>

namespace knotie {

namespace {

// The request body of a call that must not be sent twice. QNetworkAccessManager resends
// a request by itself when the connection closes while it waits for the answer (even a
// POST); it first rewinds the body, and a body that refuses to rewind turns that resend
// into an error instead.
class SendOnceBody : public QIODevice {
public:
    SendOnceBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data)) {
        open(QIODevice::ReadOnly);
    }
    bool reset() override { return !m_started && QIODevice::reset(); }
    bool seek(qint64 position) override { return !m_started && QIODevice::seek(position); }
    qint64 size() const override { return m_data.size(); }

protected:
    qint64 readData(char *out, qint64 max) override {
        const qint64 n = qMin(max, m_data.size() - pos());
        if (n > 0) {
            m_started = true;
            memcpy(out, m_data.constData() + pos(), size_t(n));
        }
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    bool m_started = false;
};

} // namespace

bool GatewayConnection::transportAllowed() const {
    if (baseUrl.scheme() == QLatin1String("https"))
        return true;
    const QString host = baseUrl.host();
    return baseUrl.scheme() == QLatin1String("http") &&
           (isLoopbackHost(host) || insecureHosts.contains(host, Qt::CaseInsensitive));
}

GatewayJob::GatewayJob(GatewayConnection connection, QObject *parent)
    : QObject(parent)
    , m_connection(std::move(connection)) {
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        GatewayResult r = m_result;
        r.status = GatewayResult::Status::Timeout;
        finish(r);
    });
    m_retryTimer.setSingleShot(true);
    // A coarse timer may fire 5% early, and Retry-After is a floor the gateway sets.
    m_retryTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_retryTimer, &QTimer::timeout, this, &GatewayJob::send);
}

void GatewayJob::holdFor(int seconds) {
    m_transferTimeoutMs += seconds * 1000;
    m_deadlineMs += seconds * 1000;
}

GatewayJob::~GatewayJob() {
    dropReply();
}

void GatewayJob::dropReply() {
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    if (!reply)
        return;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

QUrlQuery GatewayJob::query() const {
    return {};
}

bool GatewayJob::parse(const QJsonObject &) {
    return true;
}

void GatewayJob::start() {
    Q_ASSERT(!m_started);
    if (m_started)
        return;
    m_started = true;
    m_requestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    if (!m_connection.network || !m_connection.baseUrl.isValid() || m_connection.baseUrl.host().isEmpty()) {
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
    m_elapsed.start();
    m_deadline.start(m_deadlineMs);
    send();
}

void GatewayJob::send() {
    if (m_finished)
        return;
    ++m_attempts;
    QUrl url = m_connection.baseUrl;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path());
    const QUrlQuery q = query();
    if (!q.isEmpty())
        url.setQuery(q);

    QNetworkRequest request(url);
    request.setTransferTimeout(m_transferTimeoutMs);
    // Never follow a redirect: it could carry the session token to another origin or to
    // plain http, and a Knotie gateway never redirects an API call.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    // One id for every attempt, so the gateway's log ties the retries together.
    request.setRawHeader("X-Request-Id", m_requestId);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("knotie-portal/" KNOTIE_VERSION));
    // Never both: a key test must not also carry the person's session to the Platform API.
    if (const QByteArray key = apiKey(); !key.isEmpty())
        request.setRawHeader("X-API-Key", key);
    else if (!m_connection.sessionToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_connection.sessionToken);

    QByteArray payload;
    if (hasBody()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        payload = QJsonDocument(requestBody()).toJson(QJsonDocument::Compact);
    }
    qCDebug(lcNetwork).noquote() << method() << url.toDisplayString() << "request" << m_requestId << "attempt"
                                 << m_attempts << redactBody(payload);
    if (retryable()) {
        m_reply = m_connection.network->sendCustomRequest(request, method(), payload);
    } else {
        request.setHeader(QNetworkRequest::ContentLengthHeader, payload.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *body = new SendOnceBody(payload, nullptr);
        m_reply = m_connection.network->sendCustomRequest(request, method(), body);
        body->setParent(m_reply);
    }
    m_certificateErrors = false;
    connect(m_reply, &QNetworkReply::finished, this, &GatewayJob::onReplyFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this] { m_certificateErrors = true; });
}

void GatewayJob::abort() {
    GatewayResult r;
    r.status = GatewayResult::Status::Cancelled;
    finish(r);
}

GatewayResult GatewayJob::classify(QNetworkReply *reply) {
    using S = GatewayResult::Status;
    GatewayResult r;
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = reply->isOpen() ? reply->readAll() : QByteArray();
    const QNetworkReply::NetworkError error = reply->error();
    qCDebug(lcNetwork).noquote() << "reply" << m_requestId << r.httpStatus << error
                                 << (data.size() > 4096 ? data.size() : 0) << redactBody(data.left(4096));
    bool retryAfterOk = false;
    r.retryAfterSeconds = reply->rawHeader("Retry-After").trimmed().toInt(&retryAfterOk);
    if (!retryAfterOk || r.retryAfterSeconds < 0)
        r.retryAfterSeconds = 0;

    if (r.httpStatus >= 300 && r.httpStatus < 400) {
        r.status = S::BadResponse;
        r.errorCode = QStringLiteral("redirect");
        const QUrl location =
            reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location"), QUrl::TolerantMode));
        r.redirectTarget = location.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
        return r;
    }
    if (r.httpStatus >= 400) {
        const auto object = wire::parseObject(data);
        const QJsonObject errorObject =
            object ? object->value(QLatin1String("error")).toObject() : QJsonObject{};
        const QJsonValue code = errorObject.value(QLatin1String("code"));
        r.status = code.isString() ? S::HttpError : S::BadResponse;
        r.errorCode = code.toString();
        r.errorField = errorObject.value(QLatin1String("field")).toString();
        if (object)
            r.body = *object;
        return r;
    }
    switch (error) {
    case QNetworkReply::NoError:
        break;
    case QNetworkReply::OperationCanceledError: // the transfer timeout aborted it
    case QNetworkReply::TimeoutError:
        r.status = S::Timeout;
        return r;
    case QNetworkReply::HostNotFoundError: // a wrong address rather than a host that is down
        r.status = S::Unreachable;
        r.errorCode = QStringLiteral("host_not_found");
        return r;
    case QNetworkReply::SslHandshakeFailedError:
        r.status = S::TlsError;
        if (!m_certificateErrors)
            r.errorCode = QStringLiteral("not_tls");
        return r;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ContentReSendError: // a non-retryable request whose connection dropped
        r.status = S::Unreachable;
        r.errorCode = QStringLiteral("connection_closed");
        return r;
    default:
        if (error >= QNetworkReply::ProtocolUnknownError) {
            r.status = S::BadResponse; // spoke something other than HTTP
            r.errorCode = QStringLiteral("protocol");
        } else {
            r.status = S::Unreachable;
        }
        return r;
    }
    if (r.httpStatus == 204) {
        r.status = S::Ok;
        return r;
    }
    const auto object = wire::parseObject(data);
    if (!object) {
        r.status = S::BadResponse;
        r.errorCode = QStringLiteral("not_json");
        return r;
    }
    r.body = *object;
    if (parse(r.body)) {
        r.status = S::Ok;
    } else {
        r.status = S::BadResponse;
        r.errorCode = QStringLiteral("unexpected_body");
    }
    return r;
}

void GatewayJob::onReplyFinished() {
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const GatewayResult r = classify(reply);
    if (!retryLater(r))
        finish(r);
}

bool GatewayJob::retryLater(const GatewayResult &r) {
    const bool transient =
        r.status == GatewayResult::Status::Unreachable || r.status == GatewayResult::Status::Timeout ||
        (r.status != GatewayResult::Status::Ok && (r.httpStatus >= 500 || r.httpStatus == 429));
    if (!transient || !retryable() || m_attempts >= m_connection.retry.maxAttempts)
        return false;
    // A lockout of sign-ins is not transient: its Retry-After is minutes.
    if (r.errorCode == QLatin1String("too_many_attempts"))
        return false;
    qint64 delay;
    if (r.retryAfterSeconds > 0) {
        delay = qint64(r.retryAfterSeconds) * 1000;
    } else {
        const qint64 exponential = qMin<qint64>(m_connection.retry.maxDelayMs,
                                                qint64(m_connection.retry.baseDelayMs) << (m_attempts - 1));
        // "Equal jitter": half fixed, half random, so many portals do not retry in step.
        delay = exponential / 2 + QRandomGenerator::global()->bounded(exponential / 2 + 1);
    }
    if (m_elapsed.elapsed() + delay >= m_deadlineMs)
        return false;
    m_result = r;
    qCDebug(lcNetwork) << "retrying" << m_requestId << "in" << delay << "ms";
    m_retryTimer.start(static_cast<int>(delay));
    return true;
}

void GatewayJob::finish(GatewayResult result) {
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    m_retryTimer.stop();
    dropReply();
    result.requestId = m_requestId;
    result.attempts = m_attempts;
    if (!result.ok())
        result.message = describeFailure(result, m_connection.baseUrl, m_connection.accessContact, area());
    m_result = result;
    if (!result.ok())
        qCInfo(lcNetwork).noquote() << "request" << m_requestId << "failed:" << result.message;
    // Emitted from the event loop, never from inside start(): a caller that connects
    // after start() still hears about an early refusal.
    QMetaObject::invokeMethod(
        this,
        [this] {
            Q_EMIT finished(m_result);
            if (m_autoDelete)
                deleteLater();
        },
        Qt::QueuedConnection);
}

QString describeFailure(const GatewayResult &r, const QUrl &baseUrl, const Person &contact,
                        std::optional<Page> area) {
    const QString address =
        baseUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery);
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
        if (r.errorCode == QLatin1String("connection_closed"))
            return QObject::tr(
                       "The gateway at %1 closed the connection before answering. Try again in a moment.")
                .arg(address);
        return QObject::tr("Cannot reach the gateway at %1: check the address.").arg(address);
    case S::TlsError:
        if (r.errorCode == QLatin1String("not_tls"))
            return QObject::tr("%1 does not answer in https (it may serve plain http), so nothing was sent. "
                               "Check the address's scheme and port.")
                .arg(address);
        return QObject::tr("The gateway's certificate is not trusted, so nothing was sent to %1.")
            .arg(address);
    case S::Refused:
        if (r.errorCode == QLatin1String("insecure_transport"))
            return QObject::tr(
                       "%1 is not encrypted. Use an https:// address for a gateway on another computer.")
                .arg(address);
        if (r.errorCode == QLatin1String("offline"))
            return QObject::tr("This needs the gateway at %1, which cannot be reached right now.")
                .arg(address);
        return QObject::tr(
                   "The gateway address %1 is not valid. Enter an address like https://gateway.example.com.")
            .arg(address);
    case S::BadResponse:
        if (r.errorCode == QLatin1String("redirect"))
            return QObject::tr(
                       "The server at %1 redirected the portal to %2. Redirects are not followed, so your "
                       "sign-in was not sent there; if you trust that address, enter it instead.")
                .arg(address, r.redirectTarget.toDisplayString());
        return QObject::tr(
                   "The server at %1 did not answer like a Knotie gateway (HTTP %2). Check the address.")
            .arg(address)
            .arg(r.httpStatus);
    case S::HttpError:
        break;
    }
    const QString &code = r.errorCode;
    if (code == QLatin1String("invalid_credentials"))
        return QObject::tr("Wrong email or password.");
    if (code == QLatin1String("too_many_attempts")) {
        const int minutes = qMax(1, (r.retryAfterSeconds + 59) / 60);
        return QObject::tr("Too many failed sign-ins for this email. Try again in %n minute(s).", nullptr,
                           minutes);
    }
    if (code == QLatin1String("invalid_session"))
        return QObject::tr("Your session has ended. Sign in again.");
    if (code == QLatin1String("permission_denied")) {
        if (area) {
            Account who;
            who.owner = contact;
            QString denied = Access::deniedMessage(who, *area); // not const: returned by move
            if (!denied.isEmpty())
                return denied;
        }
        const QString owner = contact.name.isEmpty() ? QObject::tr("the account owner") : contact.name;
        return QObject::tr("You do not have permission for this. Ask %1 to grant access.").arg(owner);
    }
    if (r.httpStatus == 429)
        return QObject::tr("The gateway at %1 is busy. Try again in a moment.").arg(address);
    if (r.httpStatus >= 500)
        return QObject::tr("The gateway at %1 has a problem (HTTP %2). Try again in a moment.")
            .arg(address)
            .arg(r.httpStatus);
    // A 422 or 409 names what to fix; the gateway's own sentence says it best.
    QString serverMessage = // not const: returned by move
        r.body.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
    if (!serverMessage.isEmpty())
        return serverMessage;
    return QObject::tr("The gateway refused the request (HTTP %1).").arg(r.httpStatus);
}

} // namespace knotie
