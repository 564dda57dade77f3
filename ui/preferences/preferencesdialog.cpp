#include "ui/preferences/preferencesdialog.h"

#include "ui/notifications/notificationprefs.h"
#include "ui/preferences/passwordpanel.h"
#include "ui/preferences/sessionspanel.h"
#include "ui/settingskeys.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QLabel>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

namespace knotie {

QString PreferencesDialog::languageSetting() {
    return QSettings().value(settingskeys::language).toString();
}

void PreferencesDialog::setLanguageSetting(const QString &code) {
    QSettings().setValue(settingskeys::language, code);
}

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : PreferencesDialog(nullptr, parent) {}

PreferencesDialog::PreferencesDialog(PeopleService *people, QWidget *parent)
    : QDialog(parent) {
    setWindowTitle(tr("Preferences"));
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System default"), QString());
    // Each language is named in itself, so a person can find theirs whatever is shown now.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(languageSetting())));

    auto *general = new QWidget(this);
    auto *note = new QLabel(tr("The language changes the next time the portal starts."), general);
    note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    auto *generalLayout = new QVBoxLayout(general);
    generalLayout->addLayout(form);
    generalLayout->addWidget(note);
    m_notifications = new NotificationPrefs(general);
    generalLayout->addWidget(m_notifications);
    generalLayout->addStretch();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    auto *layout = new QVBoxLayout(this);
    if (people) {
        m_tabs = new QTabWidget(this);
        m_tabs->setObjectName(QStringLiteral("preferencesTabs"));
        m_tabs->addTab(general, tr("&General"));
        auto *account = new QWidget(this);
        auto *sessionsBox = new QGroupBox(tr("Where you are signed in"), account);
        m_sessions = new SessionsPanel(people, sessionsBox);
        (new QVBoxLayout(sessionsBox))->addWidget(m_sessions);
        auto *passwordBox = new QGroupBox(tr("Change password"), account);
        m_password = new PasswordPanel(people, passwordBox);
        (new QVBoxLayout(passwordBox))->addWidget(m_password);
        // A new password signs out the other sessions: the list shows it.
        connect(m_password, &PasswordPanel::changed, m_sessions, [this](bool ok) {
            if (ok)
                m_sessions->reload();
        });
        auto *accountLayout = new QVBoxLayout(account);
        accountLayout->addWidget(sessionsBox, 1);
        accountLayout->addWidget(passwordBox);
        m_tabs->addTab(account, tr("&Account"));
        layout->addWidget(m_tabs, 1);
    } else {
        general->layout()->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(general);
    }
    layout->addWidget(buttons);
    // Wide enough for its whole title in the title bar, with the portal's name the window
    // system adds and room for the title bar's buttons.
    const QString shownTitle =
        windowTitle() + QStringLiteral(" — ") + QGuiApplication::applicationDisplayName();
    QFont titleFont = font();
    titleFont.setBold(true);
    // With the Account tab, also wide enough for a session's program and its two dates.
    setMinimumWidth(qMax(people ? 660 : 360, QFontMetrics(titleFont).horizontalAdvance(shownTitle) + 160));
}

void PreferencesDialog::showAccount() {
    if (m_tabs)
        m_tabs->setCurrentIndex(1);
}

void PreferencesDialog::accept() {
    setLanguageSetting(m_language->currentData().toString());
    m_notifications->save();
    QDialog::accept();
}

} // namespace knotie
