#include "ui/keys/keylimitsfields.h"

#include "models/domain/keylimits.h"
#include "ui/style/palette.h"
#include "ui/widgets/messages.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>

namespace knotie {

namespace {
enum ExpiryChoice { Days30, Days60, Days90, OneYear, OnDate, Never, Keep };
} // namespace

KeyLimitsFields::KeyLimitsFields(QWidget *parent)
    : QObject(parent)
    , m_parent(parent) {
    // Expiry: 90 days unless the person chooses otherwise.
    m_expiry = new QComboBox(parent);
    m_expiry->setObjectName(QStringLiteral("expiry"));
    m_expiry->setAccessibleName(tr("Expires"));
    m_expiry->addItem(tr("In 30 days"), Days30);
    m_expiry->addItem(tr("In 60 days"), Days60);
    m_expiry->addItem(tr("In 90 days"), Days90);
    m_expiry->addItem(tr("In one year"), OneYear);
    m_expiry->addItem(tr("On a date…"), OnDate);
    m_expiry->addItem(tr("Never"), Never);
    m_expiry->setCurrentIndex(m_expiry->findData(Days90));
    m_expiryDate = new QDateEdit(QDate::currentDate().addDays(90), parent);
    m_expiryDate->setObjectName(QStringLiteral("expiryDate"));
    m_expiryDate->setAccessibleName(tr("Expiry date"));
    m_expiryDate->setCalendarPopup(true);
    m_expiryDate->setMinimumDate(QDate::currentDate().addDays(1));
    m_expiryWarning =
        new QLabel(tr("A key that never expires stays valid until someone revokes it. Prefer an "
                      "expiry, and rotate keys regularly."),
                   parent);
    m_expiryWarning->setObjectName(QStringLiteral("expiryWarning"));
    m_expiryWarning->setWordWrap(true);
    m_expiryWarning->setStyleSheet(colorStyle(ColorRole::WarningText));
    m_expiryError = makeErrorLabel(QStringLiteral("expiryError"), parent);
    m_expiryRow = new QWidget(parent);
    auto *expiryLayout = new QGridLayout(m_expiryRow);
    expiryLayout->setContentsMargins(0, 0, 0, 0);
    expiryLayout->addWidget(m_expiry, 0, 0);
    expiryLayout->addWidget(m_expiryDate, 0, 1);
    expiryLayout->addWidget(m_expiryWarning, 1, 0, 1, 2);
    expiryLayout->addWidget(m_expiryError, 2, 0, 1, 2);
    connect(m_expiry, &QComboBox::currentIndexChanged, this, &KeyLimitsFields::updateExpiry);

    // Optional rate limit
    m_limit = new QCheckBox(tr("&Limit to"), parent);
    m_limit->setObjectName(QStringLiteral("rateLimit"));
    m_limitRequests = new QSpinBox(parent);
    m_limitRequests->setObjectName(QStringLiteral("rateLimitRequests"));
    m_limitRequests->setAccessibleName(tr("Requests allowed"));
    m_limitRequests->setRange(1, keylimits::maxRateLimitRequests);
    m_limitRequests->setValue(600);
    m_limitRequests->setGroupSeparatorShown(true);
    m_limitWindow = new QComboBox(parent);
    m_limitWindow->setObjectName(QStringLiteral("rateLimitWindow"));
    m_limitWindow->setAccessibleName(tr("Per time window"));
    m_limitWindow->addItem(tr("requests per second"), 1);
    m_limitWindow->addItem(tr("requests per minute"), 60);
    m_limitWindow->addItem(tr("requests per hour"), 3600);
    m_limitWindow->addItem(tr("requests per day"), 86400);
    m_limitWindow->setCurrentIndex(1);
    m_limitError = makeErrorLabel(QStringLiteral("rateLimitError"), parent);
    m_limitRow = new QWidget(parent);
    auto *limitLayout = new QGridLayout(m_limitRow);
    limitLayout->setContentsMargins(0, 0, 0, 0);
    limitLayout->addWidget(m_limit, 0, 0);
    limitLayout->addWidget(m_limitRequests, 0, 1);
    limitLayout->addWidget(m_limitWindow, 0, 2);
    limitLayout->setColumnStretch(3, 1);
    limitLayout->addWidget(m_limitError, 1, 0, 1, 4);
    const auto updateLimit = [this] {
        m_limitRequests->setEnabled(m_limit->isChecked());
        m_limitWindow->setEnabled(m_limit->isChecked());
    };
    connect(m_limit, &QCheckBox::toggled, this, updateLimit);
    updateLimit();
    updateExpiry();
}

QWidget *KeyLimitsFields::expiryBuddy() const {
    return m_expiry;
}

void KeyLimitsFields::setCurrent(UnixTime expiresAt, const std::optional<RateLimit> &limit) {
    m_keptExpiry = expiresAt;
    if (expiresAt) {
        const QString when =
            QLocale().toString(QDateTime::fromSecsSinceEpoch(expiresAt), QLocale::ShortFormat);
        m_expiry->insertItem(0, tr("Keep: %1").arg(when), Keep);
        m_expiry->setCurrentIndex(0);
    } else {
        m_expiry->setCurrentIndex(m_expiry->findData(Never));
    }
    m_limit->setChecked(limit.has_value());
    if (limit) {
        if (m_limitWindow->findData(limit->perSeconds) < 0)
            m_limitWindow->addItem(tr("requests per %n second(s)", nullptr, limit->perSeconds),
                                   limit->perSeconds);
        m_limitWindow->setCurrentIndex(m_limitWindow->findData(limit->perSeconds));
        m_limitRequests->setValue(limit->requests);
    }
    updateExpiry();
}

void KeyLimitsFields::updateExpiry() {
    const int choice = m_expiry->currentData().toInt();
    m_expiryDate->setVisible(choice == OnDate);
    m_expiryWarning->setVisible(choice == Never);
}

std::optional<QDateTime> KeyLimitsFields::expiresAt() const {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (m_expiry->currentData().toInt()) {
    case Days30:
        return now.addDays(30);
    case Days60:
        return now.addDays(60);
    case Days90:
        return now.addDays(90);
    case OneYear:
        return now.addYears(1);
    case OnDate:
        // The end of the chosen day where the person is.
        return QDateTime(m_expiryDate->date(), QTime(23, 59, 59)).toUTC();
    case Keep:
        return QDateTime::fromSecsSinceEpoch(m_keptExpiry, Qt::UTC);
    case Never:
        break;
    }
    return std::nullopt;
}

std::optional<RateLimit> KeyLimitsFields::rateLimit() const {
    if (!m_limit->isChecked())
        return std::nullopt;
    return RateLimit{m_limitRequests->value(), m_limitWindow->currentData().toInt()};
}

bool KeyLimitsFields::check() {
    clearErrors();
    if (const auto at = expiresAt();
        at && !keylimits::isValidExpiry(at->toSecsSinceEpoch(), QDateTime::currentSecsSinceEpoch())) {
        showServerError(QStringLiteral("expires_at"), tr("Choose an expiry in the future, or Never."));
        return false;
    }
    if (const auto limit = rateLimit(); limit && !keylimits::isValid(*limit)) {
        showServerError(QStringLiteral("rate_limit"),
                        tr("A rate limit allows 1 to 1,000,000 requests per 1 second to 1 day."));
        return false;
    }
    return true;
}

bool KeyLimitsFields::showServerError(const QString &field, const QString &message) {
    QLabel *label = nullptr;
    QWidget *focus = nullptr;
    if (field == QLatin1String("expires_at")) {
        label = m_expiryError;
        focus = m_expiry;
    } else if (field == QLatin1String("rate_limit")) {
        label = m_limitError;
        focus = m_limitRequests;
    } else {
        return false;
    }
    label->setText(message);
    label->show();
    focus->setFocus();
    return true;
}

void KeyLimitsFields::clearErrors() {
    m_expiryError->hide();
    m_limitError->hide();
}

} // namespace knotie
