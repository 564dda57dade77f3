#pragma once

#include "models/data/apikey.h"
#include "models/domain/keyfields.h"
#include "models/domain/keylimits.h"
#include "models/domain/keytype.h"

#include <QDateTime>
#include <QDialog>
#include <QList>

#include <memory>
#include <optional>

namespace knotie {

// Create API Key: name, description, the type selector (least privilege first,
// Read-Only preselected), a searchable customer picker for Customer keys, expiry and an
// optional rate limit. Validates locally in accept(), then asks its owner to create the
// key through createRequested(); stays open, with everything typed, until finish().
class CreateKeyDialog : public QDialog {
    Q_OBJECT
public:
    struct Customer {
        QString id;
        QString name;
    };
    struct Request {
        QString name;        // trimmed
        QString description; // trimmed
        KeyType type = KeyType::ReadOnly;
        QString customerId;                 // Customer keys only
        std::optional<QDateTime> expiresAt; // UTC; none: never expires
        std::optional<RateLimit> rateLimit;
    };

    explicit CreateKeyDialog(QList<Customer> customers, QWidget *parent = nullptr);
    ~CreateKeyDialog() override;

    void setType(KeyType type);
    void setCustomer(const QString &customerId);
    void setName(const QString &name);
    // The keys already there: a name one of them has gets a warning (names need not be unique).
    void setExistingKeys(const QList<knotie::ApiKey> &keys);
    Request request() const;

    // The sentences for a name or description the shared rule refuses; the rename dialog says the same.
    static QString nameProblemText(keyfields::Problem problem);
    static QString descriptionProblemText(keyfields::Problem problem);

    // The gateway's verdict: a message next to the field it names (API.md's `field`:
    // name, description, type, customer_id, expires_at, rate_limit), or above the buttons.
    void showServerError(const QString &field, const QString &message);
    // The key exists: close.
    void finish();

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void createRequested(const knotie::CreateKeyDialog::Request &request);

private:
    void updateForType();
    void checkNameAsTyped();
    void clearErrors();
    void setBusy(bool busy);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace knotie
