#include "ui/pages/navigator.h"

namespace knotie {

void Navigator::showKeys(const KeyFilter &filter) {
    m_keyFilter = filter;
    Q_EMIT keyFilterRequested(filter);
    Q_EMIT pageRequested(Page::ApiKeys);
}

void Navigator::showKey(const QString &keyId) {
    Q_EMIT pageRequested(Page::ApiKeys);
    Q_EMIT keySelectionRequested(keyId);
}

void Navigator::showKeyDetails(const QString &keyId) {
    Q_EMIT pageRequested(Page::ApiKeys);
    Q_EMIT keyDetailsRequested(keyId);
}

void Navigator::showKeyUsage(const QString &keyId) {
    Q_EMIT pageRequested(Page::Analytics);
    Q_EMIT keyUsageRequested(keyId);
}

void Navigator::runKeyCommand(const QString &command, const QString &keyId) {
    Q_EMIT pageRequested(Page::ApiKeys);
    Q_EMIT keyCommandRequested(command, keyId);
}

void Navigator::createKey(KeyType type, const QString &name, const QString &customerId) {
    Q_EMIT pageRequested(Page::ApiKeys);
    Q_EMIT keyCreationRequested(type, name, customerId);
}

} // namespace knotie
