#pragma once

#include "models/data/apikey.h"

#include <QDateTime>
#include <QObject>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QSpinBox;
class QWidget;

namespace knotie {

// A key's expiry and rate-limit fields with their one set of rules: Create API Key and
// Change Limits offer the same choices, check them with the same code (models/domain/
// keylimits.h, which the gateway checks with too) and word the same problems the same way.
// The caller places expiryRow() and rateLimitRow() in its form.
class KeyLimitsFields : public QObject {
    Q_OBJECT
public:
    explicit KeyLimitsFields(QWidget *parent);

    QWidget *expiryRow() const { return m_expiryRow; }
    QWidget *rateLimitRow() const { return m_limitRow; }
    // The focus target for a label's mnemonic.
    QWidget *expiryBuddy() const;

    // Change Limits starts from the key as it is: its expiry kept (as "Keep: <date>"), its
    // limit shown even when its window is none of the usual ones.
    void setCurrent(UnixTime expiresAt, const std::optional<RateLimit> &limit);

    std::optional<QDateTime> expiresAt() const; // UTC; none: never expires
    std::optional<RateLimit> rateLimit() const;

    // Both values against the rules; the first problem is shown beside its field (and
    // focused), and the answer is false.
    bool check();
    // The gateway's 422 about `expires_at` or `rate_limit` beside that field; false for
    // any other field.
    bool showServerError(const QString &field, const QString &message);
    void clearErrors();

private:
    void updateExpiry();

    QWidget *m_parent;
    QWidget *m_expiryRow;
    QComboBox *m_expiry;
    QDateEdit *m_expiryDate;
    QLabel *m_expiryWarning;
    QLabel *m_expiryError;
    QWidget *m_limitRow;
    QCheckBox *m_limit;
    QSpinBox *m_limitRequests;
    QComboBox *m_limitWindow;
    QLabel *m_limitError;
    UnixTime m_keptExpiry = 0;
};

} // namespace knotie
