#include "models/domain/rfc3339.h"

#include <QDateTime>
#include <QRegularExpression>

namespace knotie {

namespace {

int digits(QStringView s, qsizetype from, qsizetype count) {
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = s[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm): no time zone
// database and no allocation, because a full sync parses several times per key.
qint64 daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = static_cast<int>(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int daysInMonth(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

} // namespace

QString toRfc3339(qint64 secondsSinceEpoch) {
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC).toString(Qt::ISODate);
}

std::optional<qint64> fromRfc3339(QStringView s) {
    // Fast path: `YYYY-MM-DDTHH:MM:SSZ`, the only form the gateway writes.
    if (s.size() == 20 && s[4] == u'-' && s[7] == u'-' && (s[10] == u'T' || s[10] == u't') && s[13] == u':' &&
        s[16] == u':' && (s[19] == u'Z' || s[19] == u'z')) {
        const int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
        const int h = digits(s, 11, 2), mi = digits(s, 14, 2), sec = digits(s, 17, 2);
        if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h < 0 || h > 23 || mi < 0 ||
            mi > 59 || sec < 0 || sec > 59)
            return std::nullopt;
        return daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
    }
    static const QRegularExpression shape(
        QStringLiteral(R"(^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$)"));
    if (!shape.match(s).hasMatch())
        return std::nullopt;
    const QDateTime parsed = QDateTime::fromString(s.toString().toUpper(), Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toSecsSinceEpoch();
}

} // namespace knotie
