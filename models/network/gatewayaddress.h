#pragma once

#include <QString>
#include <QUrl>

namespace knotie {

// What a person types as the gateway address ("127.0.0.1:8787", "gateway.example.com",
// "https://gw.example.com/") as a base URL. Without a scheme, loopback hosts get http
// and every other host https, since a remote gateway is never reached unencrypted by
// default. Returns an invalid URL for text that is no address at all.
QUrl normalizeGatewayAddress(const QString &text);

bool isLoopbackHost(const QString &host);

} // namespace knotie
