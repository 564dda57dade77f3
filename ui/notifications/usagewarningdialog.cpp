#include "ui/notifications/usagewarningdialog.h"

#include "models/alerts/alertsettings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>

namespace knotie {

UsageWarningDialog::UsageWarningDialog(const ApiKey &key, const UsageWarning &current, QWidget *parent)
    : QDialog(parent)
    , m_byRate(new QCheckBox(tr("Warn me at"), this))
    , m_percent(new QSpinBox(this))
    , m_byDay(new QCheckBox(tr("Warn me at"), this))
    , m_perDay(new QSpinBox(this)) {
    setObjectName(QStringLiteral("usageWarningDialog"));
    setWindowTitle(tr("Usage Warning"));
    auto *intro = new QLabel(tr("Get a desktop notification when %1 comes close to its limit. "
                                "Each warning is shown at most once a day.")
                                 .arg(keyLabel(key)),
                             this);
    intro->setWordWrap(true);

    m_percent->setObjectName(QStringLiteral("percentOfRateLimit"));
    m_percent->setRange(1, 100);
    m_percent->setSuffix(tr(" % of its rate limit"));
    m_percent->setValue(current.percentOfRateLimit > 0 ? current.percentOfRateLimit : 80);
    m_byRate->setObjectName(QStringLiteral("warnByRate"));
    m_byRate->setChecked(current.percentOfRateLimit > 0);
    if (key.rateLimit) {
        m_percent->setToolTip(tr("Its limit: %1 requests per %2 seconds")
                                  .arg(key.rateLimit->requests)
                                  .arg(key.rateLimit->perSeconds));
    } else {
        m_byRate->setChecked(false);
        m_byRate->setEnabled(false);
        m_byRate->setToolTip(tr("This key has no rate limit of its own."));
    }
    m_perDay->setObjectName(QStringLiteral("requestsPerDay"));
    m_perDay->setRange(1, 1000000000);
    m_perDay->setGroupSeparatorShown(true);
    m_perDay->setSuffix(tr(" requests per day"));
    m_perDay->setValue(current.requestsPerDay > 0 ? int(current.requestsPerDay) : 10000);
    m_byDay->setObjectName(QStringLiteral("warnByDay"));
    m_byDay->setChecked(current.requestsPerDay > 0);
    const auto follow = [this] {
        m_percent->setEnabled(m_byRate->isChecked());
        m_perDay->setEnabled(m_byDay->isChecked());
    };
    connect(m_byRate, &QCheckBox::toggled, this, follow);
    connect(m_byDay, &QCheckBox::toggled, this, follow);
    follow();

    auto *form = new QFormLayout;
    form->addRow(m_byRate, m_percent);
    form->addRow(m_byDay, m_perDay);
    auto *note = new QLabel(tr("Kept on this computer. Days are UTC days, as in Agent Analytics."), this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

UsageWarning UsageWarningDialog::warning() const {
    return {m_byRate->isChecked() ? m_percent->value() : 0,
            m_byDay->isChecked() ? qint64(m_perDay->value()) : 0};
}

void UsageWarningDialog::ask(const ApiKey &key, const QString &partnerId, QWidget *parent,
                             std::function<void(const QString &)> saved) {
    auto *dialog = new UsageWarningDialog(key, alertsettings::usageWarning(partnerId, key.id), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, dialog, [dialog, key, partnerId, saved] {
        const UsageWarning w = dialog->warning();
        alertsettings::setUsageWarning(partnerId, key.id, w);
        QStringList parts;
        if (w.percentOfRateLimit > 0)
            parts.append(tr("at %1 % of its rate limit").arg(w.percentOfRateLimit));
        if (w.requestsPerDay > 0)
            parts.append(tr("at %1 requests per day").arg(QLocale().toString(w.requestsPerDay)));
        saved(parts.isEmpty()
                  ? tr("No usage warning for “%1”.").arg(key.name)
                  : tr("You will be warned about “%1” %2.").arg(key.name, parts.join(tr(" and "))));
    });
    dialog->open();
}

} // namespace knotie
