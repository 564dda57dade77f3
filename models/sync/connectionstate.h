#pragma once

#include "models/data/apikey.h"

#include <QObject>
#include <QString>

namespace knotie {

// Whether the portal is talking to its gateway, and since when its data is. The status
// bar shows statusText(); every action that needs the gateway asks refusal() first and,
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

Q_SIGNALS:
    void changed();

private:
    Mode m_mode = Mode::Online;
    UnixTime m_lastSyncedAt = 0;
    UnixTime m_offlineSince = 0;
    QString m_lastFailure;
};

} // namespace knotie
