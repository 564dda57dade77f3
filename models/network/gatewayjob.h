#pragma once

#include "gatewayconnection.h"
#include "gatewayresult.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

class QNetworkReply;

namespace knotie {

// The base of every gateway call: one subclass per call of API.md. It owns the transfer
// timeout, an overall deadline, the request id, the redirect policy and the one mapping
// from a failure to a sentence for a person. A job finishes exactly once.
class GatewayJob : public QObject {
    Q_OBJECT
public:
    explicit GatewayJob(GatewayConnection connection, QObject *parent = nullptr);
    ~GatewayJob() override;

    void start();
    void abort();

    const GatewayResult &result() const { return m_result; }
    bool isFinished() const { return m_finished; }

    void setTransferTimeout(int milliseconds) { m_transferTimeoutMs = milliseconds; }
    void setDeadline(int milliseconds) { m_deadlineMs = milliseconds; }

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

    const GatewayConnection &connection() const { return m_connection; }

private:
    void onReplyFinished();
    void finish(GatewayResult result);

    GatewayConnection m_connection;
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    GatewayResult m_result;
    int m_transferTimeoutMs = 15000;
    int m_deadlineMs = 30000;
    bool m_finished = false;
};

// The sentence for a person, from how the call failed. One function, so every screen
// says the same thing for the same failure.
QString describeFailure(const GatewayResult &result, const QUrl &baseUrl);

} // namespace knotie
