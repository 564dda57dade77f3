#pragma once

#include "models/alerts/keyalerts.h"

#include <QGroupBox>
#include <QHash>

class QCheckBox;

namespace knotie {

// Preferences → Notifications: one switch per kind of warning (alertsettings). Its own
// widget, so the Preferences dialog only places it and calls save() on OK.
class NotificationPrefs : public QGroupBox {
    Q_OBJECT
public:
    explicit NotificationPrefs(QWidget *parent = nullptr);

    static QString kindText(AlertKind kind);
    void save() const;

private:
    QHash<AlertKind, QCheckBox *> m_boxes;
};

} // namespace knotie
