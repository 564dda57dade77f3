#include "models/sync/connectionstate.h"

#include <QDateTime>
#include <QLocale>

namespace knotie {

namespace {
QString when(UnixTime t) {
    const QDateTime local = QDateTime::fromSecsSinceEpoch(t).toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}
} // namespace

ConnectionState::ConnectionState(QObject *parent)
    : QObject(parent) {
    m_ageTicker.setInterval(30 * 1000);
    connect(&m_ageTicker, &QTimer::timeout, this, [this] {
        if (m_mode == Mode::Online && !m_live)
            Q_EMIT changed();
    });
    m_ageTicker.start();
}

QString ConnectionState::statusText() const {
    switch (m_mode) {
    case Mode::Syncing:
        return tr("Syncing…");
    case Mode::Online: {
        if (m_live)
            return tr("Live");
        if (!m_lastSyncedAt)
            return tr("Connected");
        const qint64 minutes = qMax<qint64>(0, QDateTime::currentSecsSinceEpoch() - m_lastSyncedAt) / 60;
        if (minutes < 1)
            return tr("Updated less than a minute ago");
        if (minutes == 1)
            return tr("Updated a minute ago");
        if (minutes < 60)
            return tr("Updated %1 minutes ago").arg(minutes);
        return tr("Updated at %1").arg(when(m_lastSyncedAt));
    }
    case Mode::Offline:
        if (!m_lastSyncedAt)
            return tr("Offline since %1. Nothing has been synced yet.").arg(when(m_offlineSince));
        return tr("Offline since %1. Showing data from %2.").arg(when(m_offlineSince), when(m_lastSyncedAt));
    }
    return {};
}

QString ConnectionState::refusal() const {
    if (m_mode != Mode::Offline)
        return {};
    return tr("This needs the gateway, which cannot be reached since %1 (%2). The portal keeps trying to "
              "reconnect.")
        .arg(when(m_offlineSince), m_lastFailure);
}

void ConnectionState::setSyncing() {
    // While offline, a reconnection attempt is not news: stay offline until it succeeds;
    // while live, a backstop sync neither.
    if (m_mode == Mode::Syncing || m_mode == Mode::Offline || m_live)
        return;
    m_mode = Mode::Syncing;
    Q_EMIT changed();
}

void ConnectionState::setOnline(UnixTime syncedAt) {
    m_mode = Mode::Online;
    m_lastSyncedAt = syncedAt;
    m_offlineSince = 0;
    m_lastFailure.clear();
    Q_EMIT changed();
}

void ConnectionState::setOffline(const QString &reason, UnixTime now) {
    if (m_mode != Mode::Offline)
        m_offlineSince = now;
    m_mode = Mode::Offline;
    m_lastFailure = reason;
    Q_EMIT changed();
}

void ConnectionState::setLive(bool live) {
    if (m_live == live)
        return;
    m_live = live;
    Q_EMIT changed();
}

void ConnectionState::setFresh(UnixTime at) {
    m_lastSyncedAt = at; // no signal: the text ("Live") does not change
}

void ConnectionState::setLastSyncedAt(UnixTime syncedAt) {
    m_lastSyncedAt = syncedAt;
    Q_EMIT changed();
}

} // namespace knotie
