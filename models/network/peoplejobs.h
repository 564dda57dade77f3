#pragma once

#include "models/data/apikey.h"
#include "models/network/gatewayjob.h"

#include <QMetaType>

namespace knotie {

// One of the signed-in person's sessions (GET /v1/sessions, API.md v1.1). The gateway
// names no address, only the program that signed in (its User-Agent).
struct OwnSession {
    QString id;
    UnixTime createdAt = 0;
    UnixTime lastSeenAt = 0;
    UnixTime expiresAt = 0;
    QString userAgent; // empty when the client sent none
    bool current = false;
    bool operator==(const OwnSession &) const = default;
};

// GET /v1/sessions: the caller's own sessions, newest first.
class SessionsJob : public GatewayJob {
    Q_OBJECT
public:
    using GatewayJob::GatewayJob;
    const QList<OwnSession> &sessions() const { return m_sessions; }

protected:
    QByteArray method() const override { return "GET"; }
    QString path() const override { return QStringLiteral("/v1/sessions"); }
    bool parse(const QJsonObject &body) override;

private:
    QList<OwnSession> m_sessions;
};

// DELETE /v1/sessions/{id}: signs out one of the person's own sessions (204). The
// contract has no "all others" form: signing out every other session is one call each.
class EndSessionJob : public GatewayJob {
    Q_OBJECT
public:
    EndSessionJob(GatewayConnection connection, QString sessionId, QObject *parent = nullptr);

protected:
    QByteArray method() const override { return "DELETE"; }
    QString path() const override;
    bool parse(const QJsonObject &) override { return true; }
    // Ending a session twice is harmless: the second answers 404.
    bool retryable() const override { return true; }

private:
    QString m_sessionId;
};

// POST /v1/me/password {"current","new"} → 204; every other session of the person ends.
// The passwords live only in this job and are overwritten when it goes.
class ChangePasswordJob : public GatewayJob {
    Q_OBJECT
public:
    ChangePasswordJob(GatewayConnection connection, QString current, QString wanted,
                      QObject *parent = nullptr);
    ~ChangePasswordJob() override;

protected:
    QByteArray method() const override { return "POST"; }
    QString path() const override { return QStringLiteral("/v1/me/password"); }
    bool hasBody() const override { return true; }
    QJsonObject requestBody() const override;
    bool parse(const QJsonObject &) override { return true; }

private:
    QString m_current;
    QString m_wanted;
};

// PATCH /v1/team/{user_id} {"role"} (owner only): admin or member. A demoted admin keeps
// no permissions (API.md v1.1: the role applies first).
class ChangeRoleJob : public GatewayJob {
    Q_OBJECT
public:
    ChangeRoleJob(GatewayConnection connection, QString userId, QString role, QObject *parent = nullptr);
    const TeamMember &member() const { return m_member; }

protected:
    QByteArray method() const override { return "PATCH"; }
    QString path() const override;
    bool hasBody() const override { return true; }
    QJsonObject requestBody() const override;
    bool parse(const QJsonObject &body) override;
    std::optional<Page> area() const override { return Page::Team; }

private:
    QString m_userId;
    QString m_role;
    TeamMember m_member;
};

} // namespace knotie

Q_DECLARE_METATYPE(knotie::OwnSession)
