#include "ui/preferences/sessionspanel.h"

#include "models/session/peopleservice.h"
#include "ui/widgets/messageline.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace knotie {

namespace {
constexpr int idRole = Qt::UserRole;

QString when(UnixTime t) {
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(t), QLocale::ShortFormat);
}
} // namespace

QString SessionsPanel::programName(const QString &userAgent) {
    static const QLatin1StringView portal("knotie-portal/");
    if (userAgent.startsWith(portal))
        return tr("Knotie Partner Portal %1").arg(userAgent.mid(portal.size()));
    return userAgent.isEmpty() ? tr("Unknown program") : userAgent;
}

SessionsPanel::SessionsPanel(PeopleService *people, QWidget *parent)
    : QWidget(parent)
    , m_people(people)
    , m_list(new QTreeWidget(this))
    , m_endOne(new QPushButton(tr("&Sign Out Session"), this))
    , m_endOthers(new QPushButton(tr("Sign Out &All Other Sessions"), this))
    , m_message(new MessageLine(QStringLiteral("sessionsMessage"), this)) {
    setObjectName(QStringLiteral("sessionsPanel"));
    m_list->setObjectName(QStringLiteral("ownSessions"));
    m_list->setAccessibleName(tr("Where you are signed in"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Program"), tr("Signed in"), tr("Last seen")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    m_endOne->setObjectName(QStringLiteral("endSessionButton"));
    m_endOthers->setObjectName(QStringLiteral("endOtherSessionsButton"));
    connect(m_list, &QTreeWidget::currentItemChanged, this, &SessionsPanel::updateButtons);
    connect(m_endOne, &QPushButton::clicked, this, [this] { endSession(selectedId()); });
    connect(m_endOthers, &QPushButton::clicked, this, &SessionsPanel::endOtherSessions);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_endOne);
    buttons->addWidget(m_endOthers);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    updateButtons();
    reload();
}

void SessionsPanel::reload() {
    m_message->showMessage(tr("Loading your sessions…"), false);
    connect(m_people->listSessions(), &PeopleOperation::finished, this, [this](const PeopleResult &r) {
        if (r.ok) {
            showSessions(r.sessions);
            m_message->showMessage(QString(), false);
        } else {
            m_message->showMessage(tr("Your sessions could not be loaded: %1").arg(r.error), true);
        }
        Q_EMIT updated(r.ok, m_message->message());
    });
}

void SessionsPanel::showSessions(const QList<OwnSession> &sessions) {
    m_sessions = sessions;
    const QString selected = selectedId();
    m_list->clear();
    for (const OwnSession &s : sessions) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(0, idRole, s.id);
        item->setText(0, s.current ? tr("%1 — this session").arg(programName(s.userAgent))
                                   : programName(s.userAgent));
        item->setText(1, when(s.createdAt));
        item->setText(2, s.current ? tr("Now") : when(s.lastSeenAt));
        item->setToolTip(
            0, tr("Signed in %1; ends %2 unless signed out").arg(when(s.createdAt), when(s.expiresAt)));
        if (s.current) {
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
        }
        if (s.id == selected)
            m_list->setCurrentItem(item);
    }
    updateButtons();
}

QString SessionsPanel::selectedId() const {
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, idRole).toString() : QString();
}

void SessionsPanel::updateButtons() {
    const QString id = selectedId();
    bool selectedIsOther = false;
    bool others = false;
    for (const OwnSession &s : std::as_const(m_sessions)) {
        others = others || !s.current;
        selectedIsOther = selectedIsOther || (!s.current && s.id == id);
    }
    m_endOne->setEnabled(selectedIsOther);
    m_endOthers->setEnabled(others);
    m_endOne->setToolTip(selectedIsOther ? QString()
                                         : tr("Pick another session. This one ends with Sign Out."));
}

void SessionsPanel::endSession(const QString &sessionId) {
    if (sessionId.isEmpty())
        return;
    connect(m_people->endSession(sessionId), &PeopleOperation::finished, this, [this](const PeopleResult &r) {
        if (!r.ok) {
            m_message->showMessage(tr("The session could not be signed out: %1").arg(r.error), true);
            Q_EMIT updated(false, m_message->message());
            return;
        }
        reload();
    });
}

void SessionsPanel::endOtherSessions() {
    connect(m_people->endOtherSessions(m_sessions), &PeopleOperation::finished, this,
            [this](const PeopleResult &r) {
                if (!r.ok) {
                    m_message->showMessage(
                        tr("%n other session(s) signed out; the rest could not be: %1", nullptr, r.ended)
                            .arg(r.error),
                        true);
                    Q_EMIT updated(false, m_message->message());
                    return;
                }
                reload();
            });
}

} // namespace knotie
