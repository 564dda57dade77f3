#include "models/network/callerjobs.h"

#include "models/domain/rfc3339.h"

#include <QJsonArray>

namespace knotie {

KeyRequestsJob::KeyRequestsJob(GatewayConnection connection, QString keyId, int limit, QObject *parent)
    : GatewayJob(std::move(connection), parent)
    , m_keyId(std::move(keyId))
    , m_limit(limit) {}

QString KeyRequestsJob::path() const {
    return QStringLiteral("/v1/keys/%1/requests").arg(QString::fromLatin1(QUrl::toPercentEncoding(m_keyId)));
}

QUrlQuery KeyRequestsJob::query() const {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(m_limit));
    return q;
}

bool KeyRequestsJob::parse(const QJsonObject &body) {
    const QJsonValue list = body.value(QLatin1StringView("requests"));
    if (!list.isArray())
        return false;
    m_requests.clear();
    for (const QJsonValue &v : list.toArray()) {
        const QJsonObject o = v.toObject();
        const auto at = fromRfc3339(o.value(QLatin1StringView("at")).toString());
        if (!at)
            return false;
        m_requests.append(KeyRequest{*at, o.value(QLatin1StringView("method")).toString(),
                                     o.value(QLatin1StringView("route")).toString(),
                                     o.value(QLatin1StringView("status")).toInt(),
                                     o.value(QLatin1StringView("error_code")).toString(),
                                     o.value(QLatin1StringView("latency_ms")).toDouble()});
    }
    return true;
}

UsageErrorsJob::UsageErrorsJob(GatewayConnection connection, UsageQuery query, QObject *parent)
    : GatewayJob(std::move(connection), parent)
    , m_query(std::move(query)) {}

bool UsageErrorsJob::parse(const QJsonObject &body) {
    const QJsonValue list = body.value(QLatin1StringView("errors"));
    if (!list.isArray())
        return false;
    m_errors.clear();
    for (const QJsonValue &v : list.toArray()) {
        const QJsonObject o = v.toObject();
        m_errors.append(UsageErrorCount{o.value(QLatin1StringView("status")).toInt(),
                                        o.value(QLatin1StringView("code")).toString(),
                                        o.value(QLatin1StringView("requests")).toInteger()});
    }
    return true;
}

} // namespace knotie
