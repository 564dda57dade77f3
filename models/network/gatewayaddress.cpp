#include "models/network/gatewayaddress.h"

#include <QHostAddress>

namespace knotie {

bool isLoopbackHost(const QString &host) {
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
           QHostAddress(host).isLoopback();
}

QUrl normalizeGatewayAddress(const QString &text) {
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.contains(QLatin1Char(' ')))
        return {};
    if (!trimmed.contains(QLatin1String("://"))) {
        const QUrl probe(QStringLiteral("http://") + trimmed);
        trimmed.prepend(isLoopbackHost(probe.host()) ? QStringLiteral("http://")
                                                     : QStringLiteral("https://"));
    }
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    url.setPath(url.path().endsWith(QLatin1Char('/')) ? url.path().chopped(1) : url.path());
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace knotie
