#include "models/network/peoplejobs.h"

#include "models/data/wireformat.h"
#include "models/domain/rfc3339.h"

#include <QJsonArray>

namespace knotie {

namespace {
QString pathOf(QLatin1StringView base, const QString &id) {
    return base + QString::fromLatin1(QUrl::toPercentEncoding(id));
}
} // namespace

bool SessionsJob::parse(const QJsonObject &body) {
    const QJsonValue list = body.value(QLatin1StringView("sessions"));
    if (!list.isArray())
        return false;
    m_sessions.clear();
    for (const QJsonValue &v : list.toArray()) {
        const QJsonObject o = v.toObject();
        OwnSession s;
        s.id = o.value(QLatin1StringView("id")).toString();
        const auto created = fromRfc3339(o.value(QLatin1StringView("created_at")).toString());
        const auto seen = fromRfc3339(o.value(QLatin1StringView("last_seen_at")).toString());
        const auto expires = fromRfc3339(o.value(QLatin1StringView("expires_at")).toString());
        if (s.id.isEmpty() || !created || !seen || !expires)
            return false;
        s.createdAt = *created;
        s.lastSeenAt = *seen;
        s.expiresAt = *expires;
        s.userAgent = o.value(QLatin1StringView("user_agent")).toString();
        s.current = o.value(QLatin1StringView("current")).toBool();
        m_sessions.append(s);
    }
    return true;
}

EndSessionJob::EndSessionJob(GatewayConnection connection, QString sessionId, QObject *parent)
    : GatewayJob(std::move(connection), parent)
    , m_sessionId(std::move(sessionId)) {}

QString EndSessionJob::path() const {
    return pathOf(QLatin1StringView("/v1/sessions/"), m_sessionId);
}

ChangePasswordJob::ChangePasswordJob(GatewayConnection connection, QString current, QString wanted,
                                     QObject *parent)
    : GatewayJob(std::move(connection), parent)
    , m_current(std::move(current))
    , m_wanted(std::move(wanted)) {}

ChangePasswordJob::~ChangePasswordJob() {
    m_current.fill(QChar(u'\0'));
    m_wanted.fill(QChar(u'\0'));
}

QJsonObject ChangePasswordJob::requestBody() const {
    return {{QStringLiteral("current"), m_current}, {QStringLiteral("new"), m_wanted}};
}

ChangeRoleJob::ChangeRoleJob(GatewayConnection connection, QString userId, QString role, QObject *parent)
    : GatewayJob(std::move(connection), parent)
    , m_userId(std::move(userId))
    , m_role(std::move(role)) {}

QString ChangeRoleJob::path() const {
    return pathOf(QLatin1StringView("/v1/team/"), m_userId);
}

QJsonObject ChangeRoleJob::requestBody() const {
    return {{QStringLiteral("role"), m_role}};
}

bool ChangeRoleJob::parse(const QJsonObject &body) {
    const auto member = wire::parseTeamMember(body);
    if (!member)
        return false;
    m_member = *member;
    return true;
}

} // namespace knotie
