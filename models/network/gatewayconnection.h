#pragma once

#include "models/session/account.h"

#include <QByteArray>
#include <QPointer>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

namespace knotie {

// When an idempotent call is tried again (API.md: network errors, 5xx and 429; never a
// 4xx). Delays double from `baseDelayMs` up to `maxDelayMs`, with jitter, unless the
// gateway names its own with Retry-After; the job's overall deadline bounds them all.
struct RetryPolicy {
    int maxAttempts = 4;
    int baseDelayMs = 250;
    int maxDelayMs = 8000;
};

// Where and as whom jobs talk to the gateway. The access manager is injected (no
// process-wide singleton), so tests and the app decide its lifetime.
struct GatewayConnection {
    GatewayConnection() = default;
    GatewayConnection(QNetworkAccessManager *manager, QUrl base, QByteArray token = {},
                      bool insecureRemote = false)
        : network(manager)
        , baseUrl(std::move(base))
        , sessionToken(std::move(token))
        , insecureHosts(insecureRemote ? QStringList{baseUrl.host()} : QStringList{}) {}

    QNetworkAccessManager *network = nullptr;
    QUrl baseUrl;            // e.g. http://127.0.0.1:8787
    QByteArray sessionToken; // empty before sign-in
    // Hosts the person explicitly allowed plain http for. Per host: allowing one never
    // lets a token travel unencrypted to another address typed later.
    QStringList insecureHosts;
    RetryPolicy retry;
    Person accessContact; // whom a refused person should ask (the partner's owner, from /v1/me)

    // https is required for any host but loopback, unless the person allowed it.
    bool transportAllowed() const;
};

} // namespace knotie
