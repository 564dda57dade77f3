#pragma once

#include "models/alerts/keyalerts.h"

#include <QDialog>

class QCheckBox;
class QSpinBox;

namespace knotie {

// "Set Usage Warning…" for one key: warn at a share of its rate limit and/or at a number
// of requests per day (UTC). Kept on this computer per partner and key (alertsettings):
// the gateway has no route for it (API.md v1.1).
class UsageWarningDialog : public QDialog {
    Q_OBJECT
public:
    UsageWarningDialog(const ApiKey &key, const UsageWarning &current, QWidget *parent = nullptr);

    UsageWarning warning() const;

    // Opens the dialog for `key` of `partnerId` (non-modal, deletes itself) and stores what
    // is accepted; `saved` gets a sentence saying what was set.
    static void ask(const ApiKey &key, const QString &partnerId, QWidget *parent,
                    std::function<void(const QString &)> saved);

private:
    QCheckBox *m_byRate;
    QSpinBox *m_percent;
    QCheckBox *m_byDay;
    QSpinBox *m_perDay;
};

} // namespace knotie
