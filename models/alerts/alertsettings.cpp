#include "models/alerts/alertsettings.h"

#include <QSettings>

namespace knotie {

namespace {
QString kindKey(AlertKind kind) {
    return QStringLiteral("notifications/") + alertKindName(kind);
}
// Partner ids come from the gateway; '/' would make a settings group of its own.
QString partnerGroup(const QString &partnerId) {
    return QStringLiteral("alerts/") + QString(partnerId).replace(QLatin1Char('/'), QLatin1Char('_'));
}
} // namespace

namespace alertsettings {

bool isEnabled(AlertKind kind) {
    return QSettings().value(kindKey(kind), true).toBool();
}

void setEnabled(AlertKind kind, bool enabled) {
    QSettings().setValue(kindKey(kind), enabled);
}

QSet<AlertKind> enabledKinds() {
    QSet<AlertKind> kinds;
    for (AlertKind kind : allAlertKinds())
        if (isEnabled(kind))
            kinds.insert(kind);
    return kinds;
}

UsageWarning usageWarning(const QString &partnerId, const QString &keyId) {
    return usageWarnings(partnerId).value(keyId);
}

void setUsageWarning(const QString &partnerId, const QString &keyId, const UsageWarning &warning) {
    QSettings settings;
    settings.beginGroup(partnerGroup(partnerId) + QStringLiteral("/usageWarnings"));
    if (warning.isSet())
        settings.setValue(keyId, QStringList{QString::number(warning.percentOfRateLimit),
                                             QString::number(warning.requestsPerDay)});
    else
        settings.remove(keyId);
}

QHash<QString, UsageWarning> usageWarnings(const QString &partnerId) {
    QSettings settings;
    settings.beginGroup(partnerGroup(partnerId) + QStringLiteral("/usageWarnings"));
    QHash<QString, UsageWarning> warnings;
    for (const QString &keyId : settings.childKeys()) {
        const QStringList values = settings.value(keyId).toStringList();
        if (values.size() != 2)
            continue;
        const UsageWarning w{values.at(0).toInt(), values.at(1).toLongLong()};
        if (w.isSet())
            warnings.insert(keyId, w);
    }
    return warnings;
}

} // namespace alertsettings

AlertMemory::AlertMemory(QString partnerId)
    : m_group(partnerGroup(partnerId) + QStringLiteral("/notified")) {
    QSettings settings;
    settings.beginGroup(m_group);
    for (const QString &entry : settings.value(QStringLiteral("events")).toStringList())
        m_notified.insert(entry.section(QLatin1Char(' '), 1, -1));
}

void AlertMemory::remember(const QStringList &eventIds, UnixTime now) {
    if (eventIds.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(m_group);
    // Each entry is "<when shown> <event id>"; the old ones go as new ones come.
    QStringList kept;
    for (const QString &entry : settings.value(QStringLiteral("events")).toStringList())
        if (entry.section(QLatin1Char(' '), 0, 0).toLongLong() > now - keptSeconds)
            kept.append(entry);
    for (const QString &id : eventIds) {
        if (m_notified.contains(id))
            continue;
        m_notified.insert(id);
        kept.append(QString::number(now) + QLatin1Char(' ') + id);
    }
    settings.setValue(QStringLiteral("events"), kept);
}

} // namespace knotie
