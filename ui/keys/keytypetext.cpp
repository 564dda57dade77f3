#include "ui/keys/keytypetext.h"

#include "models/items/keytablemodel.h"
#include "ui/style/palette.h"

#include <QCoreApplication>

namespace knotie {

KeyTypeText keyTypeText(KeyType type) {
    switch (type) {
    case KeyType::ReadOnly:
        return {keyTypeDisplayName(type),
                QCoreApplication::translate(
                    "KeyType", "Can only fetch data (GET requests); cannot modify any resources."),
                QCoreApplication::translate("KeyType", "Safe for analytics dashboards."),
                themeColor(ColorRole::KeyTypeReadOnly)};
    case KeyType::Webhook:
        return {keyTypeDisplayName(type),
                QCoreApplication::translate(
                    "KeyType", "Limited to webhook endpoints; cannot read or change customers or credits."),
                QCoreApplication::translate("KeyType",
                                            "For webhook integrations and secure callback authentication."),
                themeColor(ColorRole::KeyTypeWebhook)};
    case KeyType::Customer:
        return {keyTypeDisplayName(type),
                QCoreApplication::translate(
                    "KeyType", "Scoped to one customer's resources; sees nothing of your other customers."),
                QCoreApplication::translate("KeyType", "Ideal for customer-facing integrations."),
                themeColor(ColorRole::KeyTypeCustomer)};
    case KeyType::Partner:
        return {keyTypeDisplayName(type),
                QCoreApplication::translate(
                    "KeyType", "Full access to every partner-level operation: the highest privilege."),
                QCoreApplication::translate("KeyType", "For your own internal dashboards and automations."),
                themeColor(ColorRole::KeyTypePartner)};
    }
    return {};
}

} // namespace knotie
