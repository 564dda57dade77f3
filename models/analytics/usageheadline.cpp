#include "models/analytics/usageheadline.h"

#include <QDateTime>
#include <QLocale>

namespace knotie {

UsageComparison compareWithPrevious(const UsageRange &range, const QList<UsageBucket> &now,
                                    const QList<UsageBucket> &before, UnixTime recordedFrom) {
    UsageComparison c;
    c.now = totalsOf(now);
    c.before = totalsOf(before);
    c.recordedFrom = recordedFrom;
    const bool recordedThrough = recordedFrom == 0 || recordedFrom <= range.previous().from;
    c.comparable = c.before.requests > 0 && recordedThrough;
    c.beforeOnlyFrom = c.before.requests > 0 && !recordedThrough;
    return c;
}

namespace {
QString percent(double fraction) {
    return QLocale().toString(fraction * 100.0, 'f', 1) + QLatin1Char('%');
}
QString count(qint64 n) {
    return QLocale().toString(n);
}
} // namespace

QString UsageHeadline::previousRange(const UsageRange &range) {
    // Ranges are at least a day in the portal: no singular needed beyond "24 hours".
    const qint64 seconds = range.to - range.from;
    if (seconds == 86400)
        return tr("the previous 24 hours");
    if (seconds % 86400 == 0)
        return tr("the previous %1 days").arg(QLocale().toString(seconds / 86400));
    return tr("the previous %1 hours").arg(QLocale().toString(seconds / 3600));
}

QString UsageHeadline::requestsChange(const UsageRange &range, const UsageComparison &c) {
    if (c.beforeOnlyFrom)
        return tr("no comparison: %1 have usage only from %2")
            .arg(previousRange(range),
                 QLocale().toString(QDateTime::fromSecsSinceEpoch(c.recordedFrom).date(),
                                    QLocale::ShortFormat));
    if (!c.comparable)
        return tr("no data for %1").arg(previousRange(range));
    const double delta = double(c.now.requests - c.before.requests) / double(c.before.requests);
    return tr("%1 %2 vs %3: %4")
        .arg(delta >= 0 ? QStringLiteral("▲") : QStringLiteral("▼"), percent(std::abs(delta)),
             previousRange(range), count(c.before.requests));
}

QString UsageHeadline::totals(const UsageRange &range, const UsageComparison &c) {
    QString rate = percent(c.now.errorRate());
    if (c.comparable) {
        const double points = (c.now.errorRate() - c.before.errorRate()) * 100.0;
        rate = tr("%1 (%2 %3 points vs %4)")
                   .arg(rate, points >= 0 ? QStringLiteral("▲") : QStringLiteral("▼"),
                        QLocale().toString(std::abs(points), 'f', 1), percent(c.before.errorRate()));
    }
    return tr("<b>Requests:</b> %1 (%2)<br><b>Errors:</b> %3 client, %4 server<br><b>Error rate:</b> %5")
        .arg(count(c.now.requests), requestsChange(range, c).toHtmlEscaped(), count(c.now.clientErrors),
             count(c.now.serverErrors), rate);
}

QString UsageHeadline::rotationNote(const QStringList &replaced, const QStringList &successors) {
    const QString separator = QStringLiteral(", ");
    if (!replaced.isEmpty() && !successors.isEmpty())
        return tr("Including the keys it replaced (%1) and the keys that replaced it (%2).")
            .arg(replaced.join(separator), successors.join(separator));
    if (!replaced.isEmpty())
        return tr("Including the keys it replaced: %1.").arg(replaced.join(separator));
    if (!successors.isEmpty())
        return tr("Including the keys that replaced it: %1.").arg(successors.join(separator));
    return {};
}

} // namespace knotie
