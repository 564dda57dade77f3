#pragma once

#include "gateway/http/httplimits.h"

#include <QCommandLineParser>

namespace knotie::gateway {

// The HTTP limits as command-line options, hidden from --help: the defaults are the
// production values (docs/architecture.md, "The gateway's limits"); tests shorten the
// times and shrink the caps to reach them quickly.
class HttpLimitOptions {
public:
    HttpLimitOptions();
    void addTo(QCommandLineParser &parser) const;
    // The limits after parser.process(); false (and *error) for a value that is not a positive number.
    bool read(const QCommandLineParser &parser, HttpLimits *limits, QString *error) const;

private:
    QCommandLineOption m_maxConnections;
    QCommandLineOption m_bodyBudget;
    QCommandLineOption m_idleTimeout;
    QCommandLineOption m_requestDeadline;
    QCommandLineOption m_lingerTime;
};

} // namespace knotie::gateway
