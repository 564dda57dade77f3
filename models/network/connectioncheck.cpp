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
        if (r.errorCode == QLatin1String("not_tls")) {
            result.outcome = O::NotHttps;
            result.message = ConnectionCheck::tr(
                                 "%1 answered, but not in https: the server on port %2 speaks plain http "
                                 "(or another protocol), so this is not a certificate problem. Ask whoever "
                                 "runs the gateway for its https address, or turn https on there.")
                                 .arg(address)
                                 .arg(url.port(443));
            return result;
        }
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

// The path of an API call a person may have copied into the address.
QString apiPathOf(const QUrl &url) {
    for (const QLatin1String path : {QLatin1String("/api/v1"), QLatin1String("/v1"), QLatin1String("/api")})
        if (url.path().endsWith(path, Qt::CaseInsensitive))
            return path;
    return {};
}

// The same address over plain http, for a server that answered https without TLS.
QUrl asPlainHttp(const QUrl &url) {
    QUrl plain = url;
    plain.setScheme(QStringLiteral("http"));
    plain.setPort(url.port(443));
    return plain;
}

} // namespace

QUrl ConnectionCheck::withoutApiPath(const QUrl &url) {
    const QString path = apiPathOf(url);
    if (path.isEmpty())
        return {};
    QUrl base = url;
    base.setPath(url.path().chopped(path.size()));
    return base;
}

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
    const QList<QNetworkProxy> proxies =
        QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url, QNetworkProxyQuery::UrlRequest));
    m_proxy = proxies.value(0, QNetworkProxy(QNetworkProxy::NoProxy));
    probe(url, [this, url](const GatewayResult &r, HealthJob *job) {
        Result result = interpret(r, url, job->version());
        const QUrl base = withoutApiPath(url);
        if (result.outcome == Outcome::NotHttps && isLoopbackHost(url.host())) {
            // On this computer plain http is allowed: see whether a gateway answers that way.
            const QUrl plain = asPlainHttp(url);
            probe(plain, [this, result, plain](const GatewayResult &overHttp, HealthJob *) mutable {
                if (overHttp.ok()) {
                    result.suggestion = plain;
                    result.message =
                        tr("%1 answered, but not in https: a Knotie gateway serves plain http there. Use %2.")
                            .arg(result.url.toDisplayString(QUrl::RemoveUserInfo), plain.toDisplayString());
                }
                finish(result);
            });
            return;
        }
        if (result.outcome != Outcome::Ok && base.isValid()) {
            // "…/api/v1" is what each call adds; the address is what comes before it.
            const QString path = apiPathOf(url);
            probe(base, [this, result, base, path](const GatewayResult &atBase, HealthJob *baseJob) mutable {
                result.suggestion = base;
                const QString shownBase = base.toDisplayString(QUrl::RemoveUserInfo);
                if (atBase.ok()) {
                    result.outcome = Outcome::WrongAddress;
                    result.version = baseJob->version();
                    result.message =
                        tr("The address ends in %1, which each call adds itself. A Knotie gateway "
                           "answers at %2 (version %3): use that address.")
                            .arg(path, shownBase, result.version);
                } else {
                    result.message =
                        tr("The address ends in %1, which each call adds itself: the gateway's "
                           "address would be %2, but that did not work either. %3")
                            .arg(path, shownBase, interpret(atBase, base, baseJob->version()).message);
                }
                finish(result);
            });
            return;
        }
        finish(result);
    });
}

void ConnectionCheck::probe(const QUrl &url, std::function<void(const GatewayResult &, HealthJob *)> done) {
    GatewayConnection connection(m_network, url);
    // One attempt: the person wants to know how it is now, not after a minute of retries.
    connection.retry.maxAttempts = 1;
    auto *job = new HealthJob(connection, this);
    job->setDeadline(10000);
    job->setTransferTimeout(10000);
    m_job = job;
    connect(job, &GatewayJob::finished, this, [job, done = std::move(done)](const GatewayResult &r) {
        job->deleteLater();
        done(r, job);
    });
    job->start();
}

void ConnectionCheck::finish(Result result) {
    result.proxy = m_proxy;
    Q_EMIT finished(result);
}

} // namespace knotie
