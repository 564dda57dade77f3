#pragma once

#include "models/data/apikey.h"
#include "models/domain/permissions.h"
#include "models/network/peoplejobs.h"

#include <QObject>

#include <functional>

namespace knotie {

class GatewayJob;
class Session;
class SyncController;
class TeamModel;

// What one request of the PeopleService came to.
struct PeopleResult {
    bool ok = false;
    // Refused before anything was sent (signed out, not allowed, offline, a rule the
    // portal checks itself such as a short password).
    bool refused = false;
    QString error;              // why not, for a person
    QString errorCode;          // API.md's code (`wrong_password`, `weak_password`, …)
    QString errorField;         // the request field a 422 is about
    TeamMember member;          // a role or permission change: the member as the gateway has them now
    QList<OwnSession> sessions; // listSessions
    int ended = 0;              // endOtherSessions: how many ended
};

// One request, for the one caller that made it: `finished` comes exactly once, queued,
// and the operation deletes itself after it (as KeyOperation).
class PeopleOperation : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    void finish(PeopleResult result);

Q_SIGNALS:
    void finished(const knotie::PeopleResult &result);

private:
    bool m_finishing = false;
};

// The person's own sessions and password, and the owner's changes to the team (API.md
// v1.1 "Sessions and people"). A team change is put into the TeamModel as the gateway
// answered it, and the next sync confirms it.
class PeopleService : public QObject {
    Q_OBJECT
public:
    PeopleService(Session *session, SyncController *sync, TeamModel *team, QObject *parent = nullptr);

    // Empty when calls about the person's own account may run now; else why not.
    QString refusal() const;
    // The same for changes to other people (the owner's alone).
    QString teamRefusal() const;

    PeopleOperation *listSessions();
    PeopleOperation *endSession(const QString &sessionId);
    // Every session but this one, one call each (the contract has no "all others" route).
    PeopleOperation *endOtherSessions(const QList<knotie::OwnSession> &sessions);
    PeopleOperation *changePassword(const QString &current, const QString &wanted);

    PeopleOperation *changeRole(const QString &userId, knotie::Role role);
    PeopleOperation *setPermissions(const QString &userId, const QStringList &permissions);
    // Removes a member or admin: their sessions end at once, their keys keep working.
    PeopleOperation *remove(const QString &userId);

private:
    PeopleOperation *begin(const QString &refusal, bool *mayRun);
    void run(PeopleOperation *operation, GatewayJob *job, std::function<void(PeopleResult &)> onSuccess);
    void storeMember(const TeamMember &member);
    void endNext(PeopleOperation *operation, QList<QString> ids, int ended);

    Session *m_session;
    SyncController *m_sync;
    TeamModel *m_team;
};

} // namespace knotie

Q_DECLARE_METATYPE(knotie::PeopleResult)
