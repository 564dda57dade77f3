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
    : QObject(parent) {}

QString ConnectionState::statusText() const {
    switch (m_mode) {
    case Mode::Syncing:
        return tr("Syncing…");
    case Mode::Online:
        return m_lastSyncedAt ? tr("Up to date (synced at %1)").arg(when(m_lastSyncedAt)) : tr("Connected");
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
    // While offline, a reconnection attempt is not news: stay offline until it succeeds.
    if (m_mode == Mode::Syncing || m_mode == Mode::Offline)
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

void ConnectionState::setLastSyncedAt(UnixTime syncedAt) {
    m_lastSyncedAt = syncedAt;
    Q_EMIT changed();
}

} // namespace knotie
