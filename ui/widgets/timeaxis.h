#pragma once

#include "models/data/apikey.h"

#include <QString>

class QDateTimeAxis;

namespace knotie {

// The time axis of every usage chart (Overview, Agent Analytics, a customer's usage), so they
// read alike: hours as "14:00" over up to two days, days in one format in the person's
// language beyond, and ticks a whole number of hours or days apart, so no label skips a day
// at random. The range runs from `from` to `to` (UTC seconds), extended to the next tick when
// the span does not divide evenly; at most `maxLabels` labels.
void setTimeAxis(QDateTimeAxis *axis, UnixTime from, UnixTime to, qint64 bucketSeconds, int maxLabels);

// Where a chart draws the instant `t` (msecs for QDateTimeAxis). The axis labels in local
// time; day buckets are UTC days, so for them the chart runs on UTC wall-clock time: a UTC
// midnight keeps its date west of Greenwich. Hours stay local, as people read them.
qreal chartTime(UnixTime t, qint64 bucketSeconds);
// The instant at a chart position: the inverse of chartTime.
UnixTime fromChartTime(qreal msecs, qint64 bucketSeconds);

// The QDateTime format of a chart's day labels ("4 Dec"; German "4. Dez.").
QString chartDayFormat();

} // namespace knotie
