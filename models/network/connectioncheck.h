#pragma once

#include <QNetworkProxy>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace knotie {

class HealthJob;
struct GatewayResult;

// "Check connection": asks an address for /healthz and says which of the ways a
// connection can fail this one is, since each has its own fix (retype the address, start
// or reach the server, trust its certificate, use http where the server has no https,
// point at the gateway instead of another server, drop an API path copied from a call).
// Nothing but /healthz is sent: no session, no key.
class ConnectionCheck : public QObject {
    Q_OBJECT
public:
    // NotHttps: the address says https, but the server answers without TLS (plain http).
    enum class Outcome { Ok, WrongAddress, Unreachable, CertificateProblem, NotHttps, NotKnotieGateway };
    Q_ENUM(Outcome)

    struct Result {
        Outcome outcome = Outcome::WrongAddress;
        QUrl url;            // the address as understood, empty when it is none
        QString message;     // one sentence for a person: what happened and what to do
        QString version;     // the gateway's version when it answered
        QNetworkProxy proxy; // the system's proxy for this address (NoProxy when direct)
        QUrl suggestion;     // the address to use instead, when the check found one
    };

    explicit ConnectionCheck(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ConnectionCheck() override;

    // Starts a check of what the person typed; a check still running is abandoned.
    void check(const QString &address);
    bool isRunning() const;

    // `url` without an API path a person may have copied from a call ("…/api/v1", "…/v1"):
    // the gateway's address, to which each call adds its own path. Empty when there is none.
    static QUrl withoutApiPath(const QUrl &url);

Q_SIGNALS:
    void finished(const knotie::ConnectionCheck::Result &result);

private:
    // Asks `url` for /healthz; `done` gets the job's result (the job is still alive then).
    void probe(const QUrl &url, std::function<void(const GatewayResult &, HealthJob *)> done);
    void finish(Result result);

    QNetworkAccessManager *m_network;
    QPointer<HealthJob> m_job;
    QNetworkProxy m_proxy;
};

} // namespace knotie

Q_DECLARE_METATYPE(knotie::ConnectionCheck::Result)
