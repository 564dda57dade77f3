#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace knotie {

class MessageLine;
class PeopleService;

// Preferences → Account: change the password (POST /v1/me/password). Checked here as the
// gateway checks it (at least 12 characters) and typed twice; a wrong current password is
// said at its field. When it changes, every other session of the person ends at once
// (API.md v1.1); this one stays.
class PasswordPanel : public QWidget {
    Q_OBJECT
public:
    explicit PasswordPanel(PeopleService *people, QWidget *parent = nullptr);

    // Checks the fields and sends the change, as the button does.
    void change();

Q_SIGNALS:
    // The change ended; `message` is what the panel says.
    void changed(bool ok, const QString &message);

private:
    void say(const QString &text, bool error, QLineEdit *field = nullptr);
    void clear();

    PeopleService *m_people;
    QLineEdit *m_current;
    QLineEdit *m_new;
    QLineEdit *m_confirm;
    QPushButton *m_change;
    MessageLine *m_message;
};

} // namespace knotie
