#include "models/alerts/keyalerts.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace knotie {

QList<AlertKind> allAlertKinds() {
    return {AlertKind::Expiring7Days, AlertKind::Expiring1Day, AlertKind::GraceEnding,
            AlertKind::ErrorBurst,    AlertKind::RateLimited,  AlertKind::UsageThreshold};
}

QString alertKindName(AlertKind kind) {
    switch (kind) {
    case AlertKind::Expiring7Days:
        return QStringLiteral("expiring-7d");
    case AlertKind::Expiring1Day:
        return QStringLiteral("expiring-1d");
    case AlertKind::GraceEnding:
        return QStringLiteral("grace-ending");
    case AlertKind::ErrorBurst:
        return QStringLiteral("error-burst");
    case AlertKind::RateLimited:
        return QStringLiteral("rate-limited");
    case AlertKind::UsageThreshold:
        return QStringLiteral("usage-threshold");
    }
    return {};
}

KeyActivity activityFromRequests(const QList<KeyRequest> &newestFirst, UnixTime now,
                                 const std::optional<RateLimit> &limit) {
    KeyActivity a;
    a.known = true;
    QSet<UnixTime> limitedMinutes;
    QList<UnixTime> times; // oldest first, for the busiest rate-limit window
    const qint64 limitSeconds = limit ? limit->perSeconds : 0;
    const UnixTime oldestCounted = now - std::max<qint64>(alertrules::windowSeconds, limitSeconds);
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it) {
        const KeyRequest &r = *it;
        if (r.at > now - alertrules::windowSeconds) {
            ++a.recentRequests;
            if (r.status >= 400)
                ++a.recentErrors;
            if (r.status == 429 && r.errorCode == QLatin1String("rate_limited"))
                limitedMinutes.insert(r.at / 60);
        }
        if (r.at > oldestCounted)
            times.append(r.at);
    }
    a.rateLimitedMinutes = int(limitedMinutes.size());
    if (limitSeconds > 0) {
        std::sort(times.begin(), times.end());
        qsizetype first = 0;
        for (qsizetype last = 0; last < times.size(); ++last) {
            while (times.at(last) - times.at(first) >= limitSeconds)
                ++first;
            a.busiestLimitWindow = std::max<qint64>(a.busiestLimitWindow, last - first + 1);
        }
    }
    return a;
}

namespace {

QString whenText(UnixTime at) {
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(at), QLocale::ShortFormat);
}

struct Collector {
    const AlertInputs &in;
    AlertDecision decision;

    void add(AlertKind kind, const ApiKey &key, const QString &about, QString summary, QString body) {
        if (!in.enabled.contains(kind))
            return;
        const QString id = key.id + QLatin1Char('|') + alertKindName(kind) + QLatin1Char('|') + about;
        if (in.notified.contains(id) || decision.quiet.contains(id))
            return;
        decision.show.append({kind, key.id, id, std::move(summary), std::move(body)});
    }

    // Bursts and rate limiting are per 15-minute window; one that goes on from the window
    // before is the same event, remembered quietly so a long outage is one notification.
    void addWindowed(AlertKind kind, const ApiKey &key, QString summary, QString body) {
        const UnixTime window = in.now - in.now % alertrules::windowSeconds;
        const QString previous = key.id + QLatin1Char('|') + alertKindName(kind) + QLatin1Char('|') +
                                 QString::number(window - alertrules::windowSeconds);
        const QString about = QString::number(window);
        if (in.enabled.contains(kind) && in.notified.contains(previous)) {
            const QString id = key.id + QLatin1Char('|') + alertKindName(kind) + QLatin1Char('|') + about;
            if (!in.notified.contains(id))
                decision.quiet.append(id);
            return;
        }
        add(kind, key, about, std::move(summary), std::move(body));
    }
};

void expiryAlerts(Collector &c, const ApiKey &key) {
    if (key.isRetired() || key.expiresAt == 0 || key.expiresAt <= c.in.now)
        return;
    const qint64 left = key.expiresAt - c.in.now;
    const QString about = QString::number(key.expiresAt);
    const QString label = keyLabel(key);
    if (key.status == KeyStatus::Expiring) { // a rotated key in its grace: only its last hour
        if (left <= alertrules::graceWarnSeconds)
            c.add(AlertKind::GraceEnding, key, about,
                  QCoreApplication::translate("KeyAlerts", "Rotation grace ends within the hour"),
                  QCoreApplication::translate(
                      "KeyAlerts",
                      "%1 stops working at %2. Callers still using it must switch to its successor now.")
                      .arg(label, whenText(key.expiresAt)));
        return;
    }
    if (left <= alertrules::expiryLastDaySeconds)
        c.add(AlertKind::Expiring1Day, key, about,
              QCoreApplication::translate("KeyAlerts", "API key expires within a day"),
              QCoreApplication::translate(
                  "KeyAlerts", "%1 expires at %2. Rotate it or change its expiry before its callers fail.")
                  .arg(label, whenText(key.expiresAt)));
    else if (left <= alertrules::expiryWeekSeconds)
        c.add(AlertKind::Expiring7Days, key, about,
              QCoreApplication::translate("KeyAlerts", "API key expires within 7 days"),
              QCoreApplication::translate("KeyAlerts", "%1 expires at %2.")
                  .arg(label, whenText(key.expiresAt)));
}

void trafficAlerts(Collector &c, const ApiKey &key, const KeyActivity &a) {
    if (!a.known || key.isRetired())
        return;
    const QString label = keyLabel(key);
    if (a.recentRequests >= alertrules::burstMinRequests &&
        a.recentErrors * 100 > a.recentRequests * alertrules::burstErrorPercent)
        c.addWindowed(AlertKind::ErrorBurst, key,
                      QCoreApplication::translate("KeyAlerts", "Errors on an API key"),
                      QCoreApplication::translate("KeyAlerts",
                                                  "%1: %2 of its %3 requests in the last 15 minutes failed.")
                          .arg(label)
                          .arg(a.recentErrors)
                          .arg(a.recentRequests));
    if (a.rateLimitedMinutes >= alertrules::rateLimitedMinutes)
        c.addWindowed(AlertKind::RateLimited, key,
                      QCoreApplication::translate("KeyAlerts", "API key hits its rate limit"),
                      QCoreApplication::translate(
                          "KeyAlerts", "%1 was refused for its rate limit in %2 of the last 15 minutes.")
                          .arg(label)
                          .arg(a.rateLimitedMinutes));
}

void thresholdAlerts(Collector &c, const ApiKey &key, const KeyActivity &a, const UsageWarning &w) {
    if (!a.known || key.isRetired())
        return;
    const QString day = QString::number(c.in.now / 86400);
    const QString label = keyLabel(key);
    if (w.percentOfRateLimit > 0 && key.rateLimit && key.rateLimit->requests > 0 &&
        a.busiestLimitWindow * 100 >= qint64(w.percentOfRateLimit) * key.rateLimit->requests)
        c.add(AlertKind::UsageThreshold, key, QStringLiteral("rate%1|").arg(w.percentOfRateLimit) + day,
              QCoreApplication::translate("KeyAlerts", "API key near its rate limit"),
              QCoreApplication::translate(
                  "KeyAlerts",
                  "%1 made %2 requests within one limit window: %3 % of its limit of %4 (you asked to be "
                  "warned at %5 %).")
                  .arg(label)
                  .arg(a.busiestLimitWindow)
                  .arg(a.busiestLimitWindow * 100 / key.rateLimit->requests)
                  .arg(key.rateLimit->requests)
                  .arg(w.percentOfRateLimit));
    if (w.requestsPerDay > 0 && a.requestsToday >= w.requestsPerDay)
        c.add(AlertKind::UsageThreshold, key, QStringLiteral("day%1|").arg(w.requestsPerDay) + day,
              QCoreApplication::translate("KeyAlerts", "API key passed its daily warning"),
              QCoreApplication::translate("KeyAlerts",
                                          "%1 made %2 requests today (UTC); you asked to be warned at %3.")
                  .arg(label)
                  .arg(a.requestsToday)
                  .arg(w.requestsPerDay));
}

} // namespace

AlertDecision alertsDue(const AlertInputs &inputs) {
    Collector c{inputs, {}};
    for (const ApiKey &key : inputs.keys) {
        expiryAlerts(c, key);
        const KeyActivity activity = inputs.activity.value(key.id);
        trafficAlerts(c, key, activity);
        if (const auto w = inputs.warnings.constFind(key.id); w != inputs.warnings.cend())
            thresholdAlerts(c, key, activity, *w);
    }
    return c.decision;
}

} // namespace knotie
