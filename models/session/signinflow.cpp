#include "models/session/signinflow.h"

#include "models/network/gatewayaddress.h"
#include "models/network/sessionjobs.h"

namespace knotie {

SignInFlow::SignInFlow(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network) {}

void SignInFlow::cancel() {
    if (m_job)
        m_job->abort();
}

void SignInFlow::signIn(const QString &gatewayAddress, const QString &email, const QString &password,
                        bool remember) {
    cancel();
    const QUrl base = normalizeGatewayAddress(gatewayAddress);
    if (!base.isValid()) {
        Q_EMIT failed(
            tr("Enter the gateway address, for example https://gateway.example.com or 127.0.0.1:8787."),
            QStringLiteral("gateway"));
        return;
    }
    GatewayConnection connection{m_network, base, {}, false};
    auto *signInJob = new SignInJob(connection, email.trimmed(), password, remember, this);
    m_job = signInJob;
    connect(signInJob, &GatewayJob::finished, this,
            [this, signInJob, connection, remember](const GatewayResult &r) {
                signInJob->deleteLater();
                if (!r.ok()) {
                    const bool credentials = r.errorCode == QLatin1String("invalid_credentials");
                    const bool gatewayProblem = r.status != GatewayResult::Status::HttpError;
                    Q_EMIT failed(r.message, credentials      ? QStringLiteral("password")
                                             : gatewayProblem ? QStringLiteral("gateway")
                                                              : QString());
                    return;
                }
                GatewayConnection signedIn = connection;
                signedIn.sessionToken = signInJob->token();
                auto *meJob = new MeJob(signedIn, this);
                m_job = meJob;
                connect(meJob, &GatewayJob::finished, this,
                        [this, meJob, signedIn, remember](const GatewayResult &me) {
                            meJob->deleteLater();
                            if (!me.ok()) {
                                Q_EMIT failed(me.message, QString());
                                return;
                            }
                            Q_EMIT succeeded(SignedInSession{signedIn.baseUrl, signedIn.sessionToken,
                                                             meJob->account(), remember});
                        });
                meJob->start();
            });
    signInJob->start();
}

} // namespace knotie
