#include "ui/preferences/preferencesdialog.h"

#include "ui/notifications/notificationprefs.h"
#include "ui/settingskeys.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace knotie {

QString PreferencesDialog::languageSetting() {
    return QSettings().value(settingskeys::language).toString();
}

void PreferencesDialog::setLanguageSetting(const QString &code) {
    QSettings().setValue(settingskeys::language, code);
}

PreferencesDialog::PreferencesDialog(QWidget *parent)
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

    auto *note = new QLabel(tr("The language changes the next time the portal starts."), this);
    note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    m_notifications = new NotificationPrefs(this);
    layout->addWidget(m_notifications);
    layout->addWidget(buttons);
    // Wide enough for its whole title in the title bar, with the portal's name the window
    // system adds and room for the title bar's buttons.
    const QString shownTitle =
        windowTitle() + QStringLiteral(" — ") + QGuiApplication::applicationDisplayName();
    QFont titleFont = font();
    titleFont.setBold(true);
    setMinimumWidth(qMax(360, QFontMetrics(titleFont).horizontalAdvance(shownTitle) + 160));
}

void PreferencesDialog::accept() {
    setLanguageSetting(m_language->currentData().toString());
    m_notifications->save();
    QDialog::accept();
}

} // namespace knotie
