#include "models/keys/keyoperation.h"

#include <QTimer>

namespace knotie {

void KeyOperation::finish(KeyResult result) {
    if (std::exchange(m_finishing, true))
        return;
    // Queued: a refusal is known inside the call that asked, before its caller connected.
    QTimer::singleShot(0, this, [this, result = std::move(result)]() mutable {
        Q_EMIT finished(result);
        deleteLater();
    });
}

} // namespace knotie
