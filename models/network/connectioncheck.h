#pragma once

#include <QNetworkProxy>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace knotie {

class HealthJob;

// "Check connection": asks an address for /healthz and says which of the ways a
// connection can fail this one is, since each has its own fix (retype the address, start
// or reach the server, trust its certificate, point at the gateway instead of another
// server). Nothing but /healthz is sent: no session, no key.
class ConnectionCheck : public QObject {
    Q_OBJECT
public:
    enum class Outcome { Ok, WrongAddress, Unreachable, CertificateProblem, NotKnotieGateway };
    Q_ENUM(Outcome)

    struct Result {
        Outcome outcome = Outcome::WrongAddress;
        QUrl url;            // the address as understood, empty when it is none
        QString message;     // one sentence for a person: what happened and what to do
        QString version;     // the gateway's version when it answered
        QNetworkProxy proxy; // the system's proxy for this address (NoProxy when direct)
    };

    explicit ConnectionCheck(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ConnectionCheck() override;

    // Starts a check of what the person typed; a check still running is abandoned.
    void check(const QString &address);
    bool isRunning() const;

Q_SIGNALS:
    void finished(const knotie::ConnectionCheck::Result &result);

private:
    QNetworkAccessManager *m_network;
    QPointer<HealthJob> m_job;
};

} // namespace knotie

Q_DECLARE_METATYPE(knotie::ConnectionCheck::Result)
