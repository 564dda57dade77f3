#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace knotie {

// Times on the wire (API.md): RFC 3339, written in UTC as `YYYY-MM-DDTHH:MM:SSZ`, read
// with any offset and optional fractions (dropped). Seconds since the Unix epoch.
QString toRfc3339(qint64 secondsSinceEpoch);
std::optional<qint64> fromRfc3339(QStringView text);

} // namespace knotie
