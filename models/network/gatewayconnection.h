#pragma once

#include <QByteArray>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace knotie {

// Where and as whom jobs talk to the gateway. The access manager is injected (no
// process-wide singleton), so tests and the app decide its lifetime.
struct GatewayConnection {
    QNetworkAccessManager *network = nullptr;
    QUrl baseUrl;                     // e.g. http://127.0.0.1:8787
    QByteArray sessionToken;          // empty before sign-in
    bool allowInsecureRemote = false; // plain http to a non-loopback host, explicitly allowed

    // https is required for any host but loopback, unless the person allowed it.
    bool transportAllowed() const;
};

} // namespace knotie
