#include "ui/pages/navigator.h"

namespace knotie {

void Navigator::showKeys(const KeyFilter &filter) {
    m_keyFilter = filter;
    Q_EMIT keyFilterRequested(filter);
    Q_EMIT pageRequested(Page::ApiKeys);
}

} // namespace knotie
