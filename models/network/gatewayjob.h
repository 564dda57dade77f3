#pragma once

#include "models/network/gatewayconnection.h"
#include "models/network/gatewayresult.h"
#include "models/session/access.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

#include <optional>

class QNetworkReply;

namespace knotie {

// The base of every gateway call: one subclass per call of API.md. It owns the transfer
// timeout, an overall deadline, the request id, the redirect policy, the retry policy
// and the one mapping from a failure to a sentence for a person. A job finishes exactly
// once: `finished` is emitted once, whatever happens (reply, timeout, abort).
class GatewayJob : public QObject {
    Q_OBJECT
public:
    explicit GatewayJob(GatewayConnection connection, QObject *parent = nullptr);
    ~GatewayJob() override;

    void start();
    void abort();

    const GatewayResult &result() const { return m_result; }
    bool isFinished() const { return m_finished; }
    QByteArray requestId() const { return m_requestId; }

    void setTransferTimeout(int milliseconds) { m_transferTimeoutMs = milliseconds; }
    void setDeadline(int milliseconds) { m_deadlineMs = milliseconds; }
    // Deletes the job after `finished` has been delivered.
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

Q_SIGNALS:
    void finished(const knotie::GatewayResult &result);

protected:
    virtual QByteArray method() const = 0;
    virtual QString path() const = 0;
    virtual QUrlQuery query() const;
    virtual QJsonObject requestBody() const { return {}; }
    virtual bool hasBody() const { return false; }
    // Called with a 2xx body; return false if it is not what the call promises.
    virtual bool parse(const QJsonObject &body);
    // Whether sending the request twice is harmless. Only reads are: a create, rotate or
    // revoke whose answer was lost must not be repeated behind the person's back.
    virtual bool retryable() const { return method() == "GET"; }
    // The screen whose data this call reads or changes, for "ask <owner> for access".
    virtual std::optional<Page> area() const { return std::nullopt; }
    // A Platform API call made with an API key (X-API-Key) rather than the session.
    virtual QByteArray apiKey() const { return {}; }

    const GatewayConnection &connection() const { return m_connection; }
    // A call the gateway may hold `seconds` before answering (a change wait): its
    // timeouts start after that.
    void holdFor(int seconds);

private:
    void send();
    void onReplyFinished();
    GatewayResult classify(QNetworkReply *reply);
    bool retryLater(const GatewayResult &result);
    void finish(GatewayResult result);
    void dropReply();

    GatewayConnection m_connection;
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    QTimer m_retryTimer;
    QElapsedTimer m_elapsed;
    GatewayResult m_result;
    QByteArray m_requestId;
    int m_attempts = 0;
    // The TLS handshake reported certificate errors: without them, a failed handshake means
    // the server does not speak TLS at all (plain http on the https address).
    bool m_certificateErrors = false;
    int m_transferTimeoutMs = 15000;
    int m_deadlineMs = 30000;
    bool m_started = false;
    bool m_finished = false;
    bool m_autoDelete = false;
};

// The sentence for a person, from how the call failed. One function, so every screen
// says the same thing for the same failure. `contact` is whom to ask for access and
// `area` the screen the call belongs to, for a 403.
QString describeFailure(const GatewayResult &result, const QUrl &baseUrl, const Person &contact = {},
                        std::optional<Page> area = std::nullopt);

} // namespace knotie
