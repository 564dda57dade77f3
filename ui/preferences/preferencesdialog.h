#pragma once

#include <QDialog>

class QComboBox;
class QTabWidget;

namespace knotie {

class NotificationPrefs;

class PasswordPanel;
class PeopleService;
class SessionsPanel;

// Portal preferences. The language applies at the next start: retranslating every
// open window in place is not worth its complexity for a choice made once. Signed in,
// an Account tab lists the person's sessions and changes the password; those act at
// once, not on OK.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);
    explicit PreferencesDialog(PeopleService *people, QWidget *parent = nullptr);

    // "" follows the system; otherwise a language code ("en", "de").
    static QString languageSetting();
    static void setLanguageSetting(const QString &code);

    // Null when opened without a signed-in person.
    SessionsPanel *sessions() const { return m_sessions; }
    PasswordPanel *password() const { return m_password; }
    void showAccount();

public Q_SLOTS:
    void accept() override;

private:
    QComboBox *m_language = nullptr;
    NotificationPrefs *m_notifications = nullptr;

    QTabWidget *m_tabs = nullptr;
    SessionsPanel *m_sessions = nullptr;
    PasswordPanel *m_password = nullptr;
};

} // namespace knotie
