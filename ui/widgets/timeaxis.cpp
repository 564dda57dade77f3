#include "ui/widgets/timeaxis.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>

#include <array>
#include <span>

namespace knotie {

QString chartDayFormat() {
    //: QDateTime format of every chart's day labels
    return QCoreApplication::translate("TimeAxis", "d MMM");
}

qreal chartTime(UnixTime t, qint64 bucketSeconds) {
    if (bucketSeconds < 86400)
        return qreal(t) * 1000.0;
    const QDateTime utc = QDateTime::fromSecsSinceEpoch(t, Qt::UTC);
    return qreal(QDateTime(utc.date(), utc.time(), Qt::LocalTime).toMSecsSinceEpoch());
}

UnixTime fromChartTime(qreal msecs, qint64 bucketSeconds) {
    if (bucketSeconds < 86400)
        return UnixTime(msecs / 1000.0);
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(qint64(msecs));
    return QDateTime(local.date(), local.time(), Qt::UTC).toSecsSinceEpoch();
}

void setTimeAxis(QDateTimeAxis *axis, UnixTime from, UnixTime to, qint64 bucketSeconds, int maxLabels) {
    const bool hours = bucketSeconds < 86400 && to - from <= 2 * 86400;
    const qint64 unit = hours ? 3600 : 86400;
    const qint64 units = std::max<qint64>(1, (to - from + unit - 1) / unit);
    // The fewest units between ticks that keeps within maxLabels, from steps people count in.
    static constexpr std::array hourSteps{1, 2, 3, 4, 6, 8, 12, 24};
    static constexpr std::array daySteps{1, 2, 5, 7, 10, 14, 30, 60, 90, 180, 365};
    qint64 step = units;
    for (int s : hours ? std::span<const int>(hourSteps) : std::span<const int>(daySteps))
        if ((units + s - 1) / s + 1 <= std::max(2, maxLabels)) {
            step = s;
            break;
        }
    const qint64 ticks = (units + step - 1) / step;
    axis->setFormat(hours ? QStringLiteral("HH:mm") : chartDayFormat());
    axis->setRange(
        QDateTime::fromMSecsSinceEpoch(qint64(chartTime(from, bucketSeconds))),
        QDateTime::fromMSecsSinceEpoch(qint64(chartTime(from + ticks * step * unit, bucketSeconds))));
    axis->setTickCount(int(ticks + 1));
    axis->setLabelsVisible(true);
}

} // namespace knotie
