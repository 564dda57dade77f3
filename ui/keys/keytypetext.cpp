#include "ui/keys/keytypetext.h"

#include <QCoreApplication>

namespace knotie {

KeyTypeText keyTypeText(KeyType type) {
    switch (type) {
    case KeyType::ReadOnly:
        return {QCoreApplication::translate("KeyType", "Read-Only"),
                QCoreApplication::translate(
                    "KeyType", "Can only fetch data (GET requests); cannot modify any resources."),
                QCoreApplication::translate("KeyType", "Safe for analytics dashboards."),
                QColor(0x2e, 0x7d, 0x32)};
    case KeyType::Webhook:
        return {QCoreApplication::translate("KeyType", "Webhook"),
                QCoreApplication::translate(
                    "KeyType", "Limited to webhook endpoints; cannot read or change customers or credits."),
                QCoreApplication::translate("KeyType",
                                            "For webhook integrations and secure callback authentication."),
                QColor(0x6a, 0x1b, 0x9a)};
    case KeyType::Customer:
        return {QCoreApplication::translate("KeyType", "Customer"),
                QCoreApplication::translate(
                    "KeyType", "Scoped to one customer's resources; sees nothing of your other customers."),
                QCoreApplication::translate("KeyType", "Ideal for customer-facing integrations."),
                QColor(0x02, 0x77, 0xbd)};
    case KeyType::Partner:
        return {QCoreApplication::translate("KeyType", "Partner"),
                QCoreApplication::translate(
                    "KeyType", "Full access to every partner-level operation: the highest privilege."),
                QCoreApplication::translate("KeyType", "For your own internal dashboards and automations."),
                QColor(0xc6, 0x28, 0x28)};
    }
    return {};
}

} // namespace knotie
