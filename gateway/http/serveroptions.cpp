#include "gateway/http/serveroptions.h"

namespace knotie::gateway {

namespace {
QCommandLineOption hidden(const QString &name, const QString &description, const QString &valueName) {
    QCommandLineOption option(name, description, valueName);
    option.setFlags(QCommandLineOption::HiddenFromHelp);
    return option;
}
} // namespace

HttpLimitOptions::HttpLimitOptions()
    : m_maxConnections(
          hidden(QStringLiteral("max-connections"),
                 QStringLiteral("Connection cap (default: from the open-file limit, at most 1024)."),
                 QStringLiteral("N")))
    , m_bodyBudget(hidden(QStringLiteral("body-budget-bytes"),
                          QStringLiteral("Request bodies held at once, in bytes (default 64 MiB)."),
                          QStringLiteral("BYTES")))
    , m_idleTimeout(hidden(QStringLiteral("idle-timeout-ms"),
                           QStringLiteral("Keep-alive idle timeout (default 30000)."), QStringLiteral("MS")))
    , m_requestDeadline(hidden(QStringLiteral("request-deadline-ms"),
                               QStringLiteral("Total time for one request and its answer (default 30000)."),
                               QStringLiteral("MS")))
    , m_lingerTime(hidden(QStringLiteral("linger-ms"),
                          QStringLiteral("Draining after a refusal, before closing (default 2000)."),
                          QStringLiteral("MS"))) {}

void HttpLimitOptions::addTo(QCommandLineParser &parser) const {
    parser.addOptions({m_maxConnections, m_bodyBudget, m_idleTimeout, m_requestDeadline, m_lingerTime});
}

bool HttpLimitOptions::read(const QCommandLineParser &parser, HttpLimits *limits, QString *error) const {
    bool ok = true;
    const auto number = [&](const QCommandLineOption &option, qulonglong fallback) -> qulonglong {
        if (!parser.isSet(option))
            return fallback;
        bool valid = false;
        const qulonglong value = parser.value(option).toULongLong(&valid);
        if (!valid || value == 0) {
            ok = false;
            if (error)
                *error = QStringLiteral("--%1 wants a positive number").arg(option.names().constFirst());
        }
        return value;
    };
    limits->maxConnections = number(m_maxConnections, limits->maxConnections);
    limits->bodyBudgetBytes = number(m_bodyBudget, limits->bodyBudgetBytes);
    const auto milliseconds = [&](const QCommandLineOption &option, std::chrono::milliseconds fallback) {
        return std::chrono::milliseconds(number(option, static_cast<qulonglong>(fallback.count())));
    };
    limits->idleTimeout = milliseconds(m_idleTimeout, limits->idleTimeout);
    limits->requestDeadline = milliseconds(m_requestDeadline, limits->requestDeadline);
    limits->lingerTime = milliseconds(m_lingerTime, limits->lingerTime);
    return ok;
}

} // namespace knotie::gateway
