#include "models/session/peopleservice.h"

#include "models/domain/passwordrules.h"
#include "models/items/listmodels.h"
#include "models/network/datajobs.h"
#include "models/session/session.h"
#include "models/sync/synccontroller.h"

#include <QTimer>

namespace knotie {

void PeopleOperation::finish(PeopleResult result) {
    if (std::exchange(m_finishing, true))
        return;
    // Queued: a refusal is known inside the call that asked, before its caller connected.
    QTimer::singleShot(0, this, [this, result = std::move(result)]() mutable {
        Q_EMIT finished(result);
        deleteLater();
    });
}

PeopleService::PeopleService(Session *session, SyncController *sync, TeamModel *team, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_sync(sync)
    , m_team(team) {}

QString PeopleService::refusal() const {
    if (!m_session->isSignedIn())
        return tr("Sign in first.");
    return m_sync ? m_sync->state()->refusal() : QString();
}

QString PeopleService::teamRefusal() const {
    if (!Access::mayDo(m_session->account(), Action::ChangePermissions))
        return Access::deniedMessage(m_session->account(), Action::ChangePermissions);
    return refusal();
}

PeopleOperation *PeopleService::begin(const QString &refusal, bool *mayRun) {
    auto *operation = new PeopleOperation(this);
    *mayRun = refusal.isEmpty();
    if (!*mayRun) {
        PeopleResult refused;
        refused.refused = true;
        refused.error = refusal;
        operation->finish(std::move(refused));
    }
    return operation;
}

void PeopleService::run(PeopleOperation *operation, GatewayJob *job,
                        std::function<void(PeopleResult &)> onSuccess) {
    job->setAutoDelete(true);
    m_session->watch(job);
    connect(job, &GatewayJob::finished, operation, [this, operation, onSuccess](const GatewayResult &r) {
        PeopleResult result;
        if (r.ok()) {
            result.ok = true;
            if (onSuccess)
                onSuccess(result);
        } else {
            result.error = r.message;
            result.errorCode = r.errorCode;
            result.errorField = r.errorField;
            if (r.isConnectivityFailure() && m_sync)
                m_sync->syncNow(); // finds out, and goes offline if so
        }
        operation->finish(std::move(result));
    });
    job->start();
}

PeopleOperation *PeopleService::listSessions() {
    bool mayRun = false;
    PeopleOperation *operation = begin(refusal(), &mayRun);
    if (mayRun) {
        auto *job = new SessionsJob(m_session->connection(), this);
        run(operation, job, [job](PeopleResult &result) { result.sessions = job->sessions(); });
    }
    return operation;
}

PeopleOperation *PeopleService::endSession(const QString &sessionId) {
    bool mayRun = false;
    PeopleOperation *operation = begin(refusal(), &mayRun);
    if (mayRun)
        run(operation, new EndSessionJob(m_session->connection(), sessionId, this),
            [](PeopleResult &result) { result.ended = 1; });
    return operation;
}

PeopleOperation *PeopleService::endOtherSessions(const QList<OwnSession> &sessions) {
    bool mayRun = false;
    PeopleOperation *operation = begin(refusal(), &mayRun);
    if (!mayRun)
        return operation;
    QList<QString> ids;
    for (const OwnSession &s : sessions)
        if (!s.current)
            ids.append(s.id);
    endNext(operation, ids, 0);
    return operation;
}

// One after another, so a failure stops the rest and the result says how many ended.
void PeopleService::endNext(PeopleOperation *operation, QList<QString> ids, int ended) {
    if (ids.isEmpty()) {
        PeopleResult done;
        done.ok = true;
        done.ended = ended;
        return operation->finish(std::move(done));
    }
    auto *job = new EndSessionJob(m_session->connection(), ids.takeFirst(), this);
    job->setAutoDelete(true);
    m_session->watch(job);
    connect(job, &GatewayJob::finished, operation, [this, operation, ids, ended](const GatewayResult &r) {
        // 404: that session had ended meanwhile (expired, or signed out elsewhere).
        if (r.ok() || r.httpStatus == 404)
            return endNext(operation, ids, ended + (r.ok() ? 1 : 0));
        PeopleResult failed;
        failed.ended = ended;
        failed.error = r.message;
        failed.errorCode = r.errorCode;
        operation->finish(std::move(failed));
    });
    job->start();
}

PeopleOperation *PeopleService::changePassword(const QString &current, const QString &wanted) {
    QString reason = refusal();
    if (reason.isEmpty() && wanted.toUcs4().size() < minimumPasswordLength)
        reason = tr("The new password needs at least %n character(s).", nullptr, minimumPasswordLength);
    bool mayRun = false;
    PeopleOperation *operation = begin(reason, &mayRun);
    if (mayRun)
        run(operation, new ChangePasswordJob(m_session->connection(), current, wanted, this), {});
    return operation;
}

void PeopleService::storeMember(const TeamMember &member) {
    QList<TeamMember> members = m_team->rows();
    for (TeamMember &m : members)
        if (m.id == member.id)
            m = member;
    m_team->setMembers(members);
}

PeopleOperation *PeopleService::changeRole(const QString &userId, Role role) {
    bool mayRun = false;
    PeopleOperation *operation = begin(teamRefusal(), &mayRun);
    if (mayRun) {
        auto *job = new ChangeRoleJob(m_session->connection(), userId, roleWireName(role), this);
        run(operation, job, [this, job](PeopleResult &result) {
            result.member = job->member();
            storeMember(result.member);
        });
    }
    return operation;
}

PeopleOperation *PeopleService::setPermissions(const QString &userId, const QStringList &permissions) {
    bool mayRun = false;
    PeopleOperation *operation = begin(teamRefusal(), &mayRun);
    if (mayRun) {
        auto *job = new UpdatePermissionsJob(m_session->connection(), userId, permissions, this);
        run(operation, job, [this, job](PeopleResult &result) {
            result.member = job->member();
            storeMember(result.member);
        });
    }
    return operation;
}

PeopleOperation *PeopleService::remove(const QString &userId) {
    bool mayRun = false;
    PeopleOperation *operation = begin(teamRefusal(), &mayRun);
    if (mayRun)
        run(operation, new RemoveMemberJob(m_session->connection(), userId, this),
            [this, userId](PeopleResult &) {
                QList<TeamMember> members = m_team->rows();
                members.removeIf([&userId](const TeamMember &m) { return m.id == userId; });
                m_team->setMembers(members);
                if (m_sync)
                    m_sync->syncNow(); // the team, keys and audit as the gateway has them now
            });
    return operation;
}

} // namespace knotie
