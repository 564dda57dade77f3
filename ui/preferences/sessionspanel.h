#pragma once

#include "models/network/peoplejobs.h"

#include <QWidget>

class QPushButton;
class QTreeWidget;

namespace knotie {

class MessageLine;
class PeopleService;

// Preferences → Account: where the person is signed in (GET /v1/sessions): the program
// that signed in, when, when last seen, and which session is this one. Signs out one
// other session, or all of them; this session is signed out with Sign Out as always.
class SessionsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SessionsPanel(PeopleService *people, QWidget *parent = nullptr);

    void reload();
    const QList<knotie::OwnSession> &sessions() const { return m_sessions; }
    // Signs out the session with this id (not this one), as its button does.
    void endSession(const QString &sessionId);
    void endOtherSessions();

    // How a session's program is named: the portal by name and version, others as they
    // said (curl/8.1), none as "Unknown program".
    static QString programName(const QString &userAgent);

Q_SIGNALS:
    // A load or sign-out ended; `message` is what the panel now says.
    void updated(bool ok, const QString &message);

private:
    void showSessions(const QList<knotie::OwnSession> &sessions);
    void updateButtons();
    QString selectedId() const;

    PeopleService *m_people;
    QList<OwnSession> m_sessions;
    QTreeWidget *m_list;
    QPushButton *m_endOne;
    QPushButton *m_endOthers;
    MessageLine *m_message;
};

} // namespace knotie
