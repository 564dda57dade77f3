#include "models/network/connectioncheck.h"

#include "models/network/datajobs.h"
#include "models/network/gatewayaddress.h"

#include <QNetworkProxyFactory>

namespace knotie {

namespace {

ConnectionCheck::Result interpret(const GatewayResult &r, const QUrl &url, const QString &version) {
    using S = GatewayResult::Status;
    using O = ConnectionCheck::Outcome;
    ConnectionCheck::Result result;
    result.url = url;
    const QString address = url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    switch (r.status) {
    case S::Ok:
        result.outcome = O::Ok;
        result.version = version;
        result.message = ConnectionCheck::tr("Connected: %1 is a Knotie gateway (version %2).")
                             .arg(address, version.isEmpty() ? ConnectionCheck::tr("unknown") : version);
        return result;
    case S::Refused:
        result.outcome = O::WrongAddress;
        // The transport rule's own sentence says how to write the address instead.
        result.message = r.message;
        return result;
    case S::Unreachable:
    case S::Timeout:
    case S::Cancelled:
        if (r.errorCode == QLatin1String("host_not_found")) {
            result.outcome = O::WrongAddress;
            result.message =
                ConnectionCheck::tr("There is no computer named %1. Check the spelling of the address.")
                    .arg(url.host());
            return result;
        }
        result.outcome = O::Unreachable;
        result.message =
            ConnectionCheck::tr("%1 could not be reached: nothing answered on port %2. Check that "
                                "the gateway is running and that your network or proxy lets "
                                "you reach it.")
                .arg(url.host())
                .arg(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
        return result;
    case S::TlsError:
        result.outcome = O::CertificateProblem;
        result.message =
            ConnectionCheck::tr("%1 answered, but its certificate is not trusted by this computer "
                                "(self-signed, expired or for another name). Nothing was sent. "
                                "Ask whoever runs the gateway for a trusted certificate.")
                .arg(address);
        return result;
    case S::BadResponse:
    case S::HttpError:
        break;
    }
    result.outcome = O::NotKnotieGateway;
    result.message = ConnectionCheck::tr("A server answers at %1, but it is not a Knotie gateway. Check the "
                                         "address and port, and whether a path such as /api was added.")
                         .arg(address);
    return result;
}

} // namespace

ConnectionCheck::ConnectionCheck(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network) {
    qRegisterMetaType<ConnectionCheck::Result>();
}

ConnectionCheck::~ConnectionCheck() {
    delete m_job;
}

bool ConnectionCheck::isRunning() const {
    return !m_job.isNull();
}

void ConnectionCheck::check(const QString &address) {
    delete m_job;
    const QUrl url = normalizeGatewayAddress(address);
    if (!url.isValid() || url.host().isEmpty()) {
        Result result;
        result.message = tr("\"%1\" is not a gateway address. Enter one like https://gateway.example.com "
                            "or 127.0.0.1:8787.")
                             .arg(address.trimmed());
        QMetaObject::invokeMethod(
            this, [this, result] { Q_EMIT finished(result); }, Qt::QueuedConnection);
        return;
    }
    GatewayConnection connection(m_network, url);
    // One attempt: the person wants to know how it is now, not after a minute of retries.
    connection.retry.maxAttempts = 1;
    auto *job = new HealthJob(connection, this);
    job->setDeadline(10000);
    job->setTransferTimeout(10000);
    m_job = job;
    const QList<QNetworkProxy> proxies =
        QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url, QNetworkProxyQuery::UrlRequest));
    const QNetworkProxy proxy = proxies.value(0, QNetworkProxy(QNetworkProxy::NoProxy));
    connect(job, &GatewayJob::finished, this, [this, job, url, proxy](const GatewayResult &r) {
        Result result = interpret(r, url, job->version());
        result.proxy = proxy;
        job->deleteLater();
        Q_EMIT finished(result);
    });
    job->start();
}

} // namespace knotie
