#pragma once

#include "models/data/apikey.h"

#include <QObject>
#include <QString>
#include <QTimer>

namespace knotie {

// Whether the portal is talking to its gateway, and since when its data is. The status
// bar shows statusText(): "Live" while changes are followed as they happen, "Updated 3
// minutes ago" when they are not but the gateway answers, "Offline since …" when it
// cannot be reached; every action that needs the gateway asks refusal() first and,
// when it is not empty, shows it instead of trying.
class ConnectionState : public QObject {
    Q_OBJECT
public:
    enum class Mode { Online, Syncing, Offline };
    Q_ENUM(Mode)

    explicit ConnectionState(QObject *parent = nullptr);

    Mode mode() const { return m_mode; }
    bool isOffline() const { return m_mode == Mode::Offline; }
    UnixTime lastSyncedAt() const { return m_lastSyncedAt; }
    UnixTime offlineSince() const { return m_offlineSince; }
    QString lastFailure() const { return m_lastFailure; }

    QString statusText() const;
    // Why an action that needs the gateway cannot run now; empty when it can.
    QString refusal() const;

    void setSyncing();
    void setOnline(UnixTime syncedAt);
    void setOffline(const QString &reason, UnixTime now);
    void setLastSyncedAt(UnixTime syncedAt); // from the cache, before the first sync
    // The change waits run: the data is live ("Live"), not a snapshot.
    void setLive(bool live);
    bool isLive() const { return m_live && m_mode != Mode::Offline; }
    // A change wait answered: the data is true as of `at` (no change of mode).
    void setFresh(UnixTime at);

Q_SIGNALS:
    void changed();

private:
    Mode m_mode = Mode::Online;
    UnixTime m_lastSyncedAt = 0;
    UnixTime m_offlineSince = 0;
    QString m_lastFailure;
    bool m_live = false;
    QTimer m_ageTicker; // "Updated 3 minutes ago" grows older while nothing comes
};

} // namespace knotie
