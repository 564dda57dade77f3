#include "gateway/sunset.h"

#include <QDateTime>
#include <QLocale>

namespace knotie::gateway {

std::optional<QByteArray> sunsetHeader(const std::optional<qint64> &expiresAt, qint64 now) {
    if (!expiresAt || *expiresAt - now > sunsetNoticeSeconds)
        return std::nullopt;
    return imfFixdate(*expiresAt);
}

QByteArray imfFixdate(qint64 secondsSinceEpoch) {
    // QLocale::c() spells day and month names in English, as HTTP requires.
    return QLocale::c()
        .toString(QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC),
                  QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

} // namespace knotie::gateway
