#pragma once

#include <QDialog>

class QComboBox;

namespace knotie {

class NotificationPrefs;

// Portal preferences. The language applies at the next start: retranslating every
// open window in place is not worth its complexity for a choice made once.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // "" follows the system; otherwise a language code ("en", "de").
    static QString languageSetting();
    static void setLanguageSetting(const QString &code);

public Q_SLOTS:
    void accept() override;

private:
    QComboBox *m_language = nullptr;
    NotificationPrefs *m_notifications = nullptr;
};

} // namespace knotie
