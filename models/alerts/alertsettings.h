#pragma once

#include "models/alerts/keyalerts.h"

#include <QSet>
#include <QString>

namespace knotie {

// What the notifications keep in the settings, per partner account (never a secret):
// the kinds turned off in Preferences, each key's usage warning, and the events already
// shown, so nothing is shown twice, also across restarts.
namespace alertsettings {

// Preferences → Notifications: one switch per kind, on unless turned off.
bool isEnabled(AlertKind kind);
void setEnabled(AlertKind kind, bool enabled);
QSet<AlertKind> enabledKinds();

// The usage warning an owner or admin set for one key of `partnerId` (none: not set).
UsageWarning usageWarning(const QString &partnerId, const QString &keyId);
void setUsageWarning(const QString &partnerId, const QString &keyId, const UsageWarning &warning);
QHash<QString, UsageWarning> usageWarnings(const QString &partnerId);

} // namespace alertsettings

// The events already shown for one partner account. Kept for 8 days after they were
// shown: every identity names a day, a window or an expiry, so an older one never comes
// again once its expiry is past.
class AlertMemory {
public:
    explicit AlertMemory(QString partnerId);

    const QSet<QString> &notified() const { return m_notified; }
    void remember(const QStringList &eventIds, UnixTime now);

    static constexpr qint64 keptSeconds = 8 * 86400;

private:
    QString m_group;
    QSet<QString> m_notified;
};

} // namespace knotie
