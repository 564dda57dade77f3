#include "ui/notifications/notificationprefs.h"

#include "models/alerts/alertsettings.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace knotie {

QString NotificationPrefs::kindText(AlertKind kind) {
    switch (kind) {
    case AlertKind::Expiring7Days:
        return tr("A key expires within 7 days");
    case AlertKind::Expiring1Day:
        return tr("A key expires within a day");
    case AlertKind::GraceEnding:
        return tr("A rotated key's grace ends within the hour");
    case AlertKind::ErrorBurst:
        return tr("Over 20 % of a key's requests fail (15 minutes, at least 20 requests)");
    case AlertKind::RateLimited:
        return tr("A key hits its rate limit repeatedly (in 3 of the last 15 minutes)");
    case AlertKind::UsageThreshold:
        return tr("A key passes a usage warning you set");
    }
    return {};
}

NotificationPrefs::NotificationPrefs(QWidget *parent)
    : QGroupBox(tr("Notifications"), parent) {
    setObjectName(QStringLiteral("notificationPrefs"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Warn me on the desktop when:"), this);
    layout->addWidget(intro);
    for (AlertKind kind : allAlertKinds()) {
        auto *box = new QCheckBox(kindText(kind), this);
        box->setObjectName(QStringLiteral("notify-") + alertKindName(kind));
        box->setChecked(alertsettings::isEnabled(kind));
        layout->addWidget(box);
        m_boxes.insert(kind, box);
    }
}

void NotificationPrefs::save() const {
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it)
        alertsettings::setEnabled(it.key(), it.value()->isChecked());
}

} // namespace knotie
