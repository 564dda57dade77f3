#pragma once

#include <QList>
#include <QString>

#include <algorithm>
#include <cstdio>

namespace knotie::bench {

inline double median(QList<double> values) {
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

// One line per figure, in the form DESIGN.md gives: the floor is measured in the same run.
// `bound` is "target<=2" or "limit<=50".
inline void printBench(const char *name, double value, const char *unit, double floor, const char *bound) {
    std::printf("BENCH %s %.2f %s floor=%.2f ratio=%.2f %s\n", name, value, unit, floor,
                floor > 0 ? value / floor : 0.0, bound);
    std::fflush(stdout);
}

} // namespace knotie::bench
