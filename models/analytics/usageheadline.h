#pragma once

#include "models/analytics/usagestats.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace knotie {

// The range's totals set against the range of the same length before it.
struct UsageComparison {
    UsageTotals now;
    UsageTotals before;
    // Usage was recorded through the whole range before and some came: otherwise a change
    // in percent reads as growth when it is only where the records start.
    bool comparable = false;
    // Some usage came in the range before, but its keys are younger than it.
    bool beforeOnlyFrom = false;
    UnixTime recordedFrom = 0;
};

// `recordedFrom`: the reported keys' earliest creation (UsageReport::recordedFrom()), 0 when unknown.
UsageComparison compareWithPrevious(const UsageRange &range, const QList<UsageBucket> &now,
                                    const QList<UsageBucket> &before, UnixTime recordedFrom);

// The words beside the chart: one wording for every page that shows a range's totals.
class UsageHeadline {
    Q_DECLARE_TR_FUNCTIONS(UsageHeadline)
public:
    // "the previous 90 days", "the previous 24 hours".
    static QString previousRange(const UsageRange &range);
    // The change against the range before ("▲ 3.2% vs the previous 7 days: 26,100"), or why
    // there is none ("no data for the previous 90 days").
    static QString requestsChange(const UsageRange &range, const UsageComparison &c);
    // Requests, errors and error rate, as rich text.
    static QString totals(const UsageRange &range, const UsageComparison &c);
    // Which keys a key's figures add to its own; empty when none.
    static QString rotationNote(const QStringList &replaced, const QStringList &successors);
};

} // namespace knotie
