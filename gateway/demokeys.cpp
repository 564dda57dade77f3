#include "gateway/demokeys.h"

#include "gateway/apikeys.h"
#include "gateway/changes.h"
#include "gateway/keydirectory.h"
#include "gateway/rollupbatch.h"
#include "gateway/store.h"
#include "gateway/usage.h"

#include "models/domain/keyformat.h"

#include <QSqlQuery>

#include <cmath>
#include <optional>
#include <random>

namespace knotie::gateway {

namespace {
constexpr qint64 hour = 3600;
constexpr qint64 day = 86400;

// How a key's traffic is spread over its routes, and how busy it is.
enum class Rhythm { OfficeHours, AroundTheClock, Bursty };

struct RouteShare {
    const char *method;
    const char *route;
    double share;
    double medianMs;
};

constexpr RouteShare partnerRoutes[] = {
    {"GET", "/api/v1/customers", 0.30, 22},
    {"GET", "/api/v1/customers/{id}", 0.25, 15},
    {"POST", "/api/v1/customers/{id}/automations/{name}/runs", 0.33, 85},
    {"POST", "/api/v1/customers", 0.03, 40},
    {"PATCH", "/api/v1/customers/{id}", 0.02, 35},
    {"GET", "/api/v1/credits", 0.04, 9},
    {"POST", "/api/v1/credits/grants", 0.03, 45},
};
constexpr RouteShare readOnlyRoutes[] = {
    {"GET", "/api/v1/analytics", 0.40, 140},
    {"GET", "/api/v1/customers", 0.30, 22},
    {"GET", "/api/v1/credits", 0.20, 9},
    {"GET", "/api/v1/webhook-events", 0.10, 30},
};
constexpr RouteShare webhookRoutes[] = {
    {"POST", "/api/v1/webhooks/{source}", 0.92, 18},
    {"GET", "/api/v1/webhook-events", 0.08, 30},
};
constexpr RouteShare customerRoutes[] = {
    {"POST", "/mcp", 0.50, 60},
    {"GET", "/api/v1/customers/{id}", 0.30, 15},
    {"POST", "/api/v1/customers/{id}/automations/{name}/runs", 0.20, 85},
};

struct Span {
    const RouteShare *begin;
    const RouteShare *end;
};

template <std::size_t N> constexpr Span span(const RouteShare (&routes)[N]) {
    return {routes, routes + N};
}

// Times are offsets from now in seconds (negative: in the past).
struct DemoKey {
    const char *id;
    const char *partnerId;
    const char *name;
    const char *description;
    KeyType type;
    const char *customerId;
    const char *createdBy;
    qint64 created;
    std::optional<qint64> expires;
    std::optional<qint64> revoked;
    const char *revokedBy;
    const char *replacedBy;
    const char *replaces;
    int rateLimitRequests; // 0: none
    int rateLimitSeconds;
    // Traffic: requests in a peak hour, from trafficFrom to trafficTo (offsets).
    double peakPerHour;
    Rhythm rhythm;
    Span routes;
    qint64 trafficFrom;
    qint64 trafficTo;
};

const std::optional<qint64> none;

// The Demo Agency has keys of every type in every status; "N8N Production" was rotated
// 35 days ago and its old key revoked once the traffic had moved: the retired key.
// "Looker Studio Report" is still active but unused for months, "Atlas Booking Agent" is
// new and not used yet, "Copperleaf Intake Agent" went quiet two days ago.
// clang-format off
const DemoKey demoKeys[] = {
    {"key_n8n_prod_1", "ptr_demo", "N8N Production", "Runs the client onboarding workflows in n8n.",
     KeyType::Partner, nullptr, "usr_maya", -200 * day + hour, -34 * day, -33 * day, "usr_maya",
     "key_n8n_prod_2", nullptr, 0, 0, 140, Rhythm::OfficeHours, span(partnerRoutes), -200 * day + hour,
     -35 * day + 6 * hour},
    {"key_n8n_prod_2", "ptr_demo", "N8N Production", "Runs the client onboarding workflows in n8n.",
     KeyType::Partner, nullptr, "usr_maya", -35 * day, none, none, nullptr, nullptr, "key_n8n_prod_1", 1000, 60,
     150, Rhythm::OfficeHours, span(partnerRoutes), -35 * day, 0},
    {"key_make_1", "ptr_demo", "Make.com Scenarios", "Invoicing scenarios in Make.", KeyType::Partner,
     nullptr, "usr_jonas", -90 * day - 3 * hour, 22 * hour, none, nullptr, "key_make_2", nullptr, 0, 0, 30,
     Rhythm::OfficeHours, span(partnerRoutes), -90 * day - 3 * hour, 0},
    {"key_make_2", "ptr_demo", "Make.com Scenarios", "Invoicing scenarios in Make.", KeyType::Partner, nullptr,
     "usr_jonas", -2 * hour, none, none, nullptr, nullptr, "key_make_1", 0, 0, 6, Rhythm::OfficeHours,
     span(partnerRoutes), -2 * hour, 0},
    {"key_onboarding", "ptr_demo", "Onboarding Script", "One-off import of the first customers.",
     KeyType::Partner, nullptr, "usr_jonas", -100 * day + 2 * hour, none, -60 * day - 4 * hour, "usr_jonas",
     nullptr, nullptr, 0, 0, 60, Rhythm::Bursty, span(partnerRoutes), -100 * day + 2 * hour,
     -60 * day - 4 * hour},
    {"key_legacy_crm", "ptr_demo", "Legacy CRM Sync", "Nightly sync with the old CRM until the migration.",
     KeyType::Partner, nullptr, "usr_maya", -300 * day - hour, -20 * day + 5 * hour, none, nullptr, nullptr,
     nullptr, 0, 0, 35, Rhythm::AroundTheClock, span(partnerRoutes), -300 * day - hour, -20 * day + 5 * hour},
    {"key_dashboard_1", "ptr_demo", "Internal Dashboard", "Grafana panels on the office screen.",
     KeyType::ReadOnly, nullptr, "usr_jonas", -150 * day - hour, 7 * day - 3 * hour, none, nullptr,
     "key_dashboard_2", nullptr, 0, 0, 45, Rhythm::AroundTheClock, span(readOnlyRoutes), -150 * day - hour,
     0},
    {"key_dashboard_2", "ptr_demo", "Internal Dashboard", "Grafana panels on the office screen.",
     KeyType::ReadOnly, nullptr, "usr_maya", -3 * hour, none, none, nullptr, nullptr, "key_dashboard_1", 0, 0,
     10, Rhythm::AroundTheClock, span(readOnlyRoutes), -3 * hour, 0},
    {"key_q3_audit", "ptr_demo", "Q3 Audit Export", "Read access for the auditors, Q3 only.",
     KeyType::ReadOnly, nullptr, "usr_maya", -110 * day + hour, -50 * day, none, nullptr, nullptr, nullptr, 0,
     0, 20, Rhythm::OfficeHours, span(readOnlyRoutes), -110 * day + hour, -50 * day},
    {"key_metabase", "ptr_demo", "Metabase Trial", "", KeyType::ReadOnly, nullptr, "usr_jonas",
     -95 * day - 2 * hour, none, -70 * day + 3 * hour, "usr_maya", nullptr, nullptr, 0, 0, 12,
     Rhythm::OfficeHours, span(readOnlyRoutes), -95 * day - 2 * hour, -78 * day},
    {"key_looker", "ptr_demo", "Looker Studio Report", "Monthly KPI report for the partner meeting.",
     KeyType::ReadOnly, nullptr, "usr_maya", -260 * day + hour, none, none, nullptr, nullptr, nullptr, 0, 0,
     8, Rhythm::OfficeHours, span(readOnlyRoutes), -260 * day + hour, -118 * day},
    {"key_zapier", "ptr_demo", "Zapier Webhooks", "Form submissions forwarded by Zapier.", KeyType::Webhook,
     nullptr, "usr_maya", -80 * day + 4 * hour, none, none, nullptr, nullptr, nullptr, 0, 0, 70,
     Rhythm::Bursty, span(webhookRoutes), -80 * day + 4 * hour, 0},
    {"key_stripe_1", "ptr_demo", "Stripe Events", "Payment events from Stripe.", KeyType::Webhook, nullptr,
     "usr_jonas", -120 * day + 2 * hour, 1 * day, none, nullptr, "key_stripe_2", nullptr, 0, 0, 25,
     Rhythm::AroundTheClock, span(webhookRoutes), -120 * day + 2 * hour, 0},
    {"key_stripe_2", "ptr_demo", "Stripe Events", "Payment events from Stripe.", KeyType::Webhook, nullptr,
     "usr_jonas", -1 * day, none, none, nullptr, nullptr, "key_stripe_1", 0, 0, 5, Rhythm::AroundTheClock,
     span(webhookRoutes), -1 * day, 0},
    {"key_typeform", "ptr_demo", "Typeform Intake", "", KeyType::Webhook, nullptr, "usr_maya",
     -130 * day - 5 * hour, -45 * day, none, nullptr, nullptr, nullptr, 0, 0, 15, Rhythm::Bursty,
     span(webhookRoutes), -130 * day - 5 * hour, -45 * day},
    {"key_calendly", "ptr_demo", "Calendly Hooks", "Booking notifications.", KeyType::Webhook, nullptr,
     "usr_jonas", -75 * day + 2 * hour, none, -10 * day - 3 * hour, "usr_jonas", nullptr, nullptr, 0, 0, 18,
     Rhythm::OfficeHours, span(webhookRoutes), -75 * day + 2 * hour, -10 * day - 3 * hour},
    {"key_brightside", "ptr_demo", "Brightside Booking Bot", "The dental practice's booking assistant.",
     KeyType::Customer, "cus_brightside", "usr_maya", -180 * day - 2 * hour, none, none, nullptr, nullptr,
     nullptr, 600, 60, 55, Rhythm::OfficeHours, span(customerRoutes), -180 * day - 2 * hour, 0},
    {"key_northwind_1", "ptr_demo", "Northwind Dispatch Agent", "Route planning agent for the dispatchers.",
     KeyType::Customer, "cus_northwind", "usr_jonas", -160 * day + 4 * hour, 18 * hour, none, nullptr,
     "key_northwind_2", nullptr, 0, 0, 40, Rhythm::AroundTheClock, span(customerRoutes),
     -160 * day + 4 * hour, 0},
    {"key_northwind_2", "ptr_demo", "Northwind Dispatch Agent", "Route planning agent for the dispatchers.",
     KeyType::Customer, "cus_northwind", "usr_jonas", -6 * hour, none, none, nullptr, nullptr, "key_northwind_1",
     0, 0, 8, Rhythm::AroundTheClock, span(customerRoutes), -6 * hour, 0},
    {"key_sunrise", "ptr_demo", "Sunrise Class Reminders", "", KeyType::Customer, "cus_sunrise", "usr_maya",
     -115 * day + 3 * hour, -15 * day, none, nullptr, nullptr, nullptr, 0, 0, 10, Rhythm::OfficeHours,
     span(customerRoutes), -115 * day + 3 * hour, -15 * day},
    {"key_harborpine", "ptr_demo", "Harbor & Pine Lead Intake", "Lead qualification agent.",
     KeyType::Customer, "cus_harborpine", "usr_jonas", -140 * day - 4 * hour, none, -25 * day + 2 * hour,
     "usr_maya", nullptr, nullptr, 0, 0, 22, Rhythm::OfficeHours, span(customerRoutes), -140 * day - 4 * hour,
     -25 * day + 2 * hour},
    {"key_copperleaf", "ptr_demo", "Copperleaf Intake Agent", "Client intake over MCP.", KeyType::Customer,
     "cus_copperleaf", "usr_maya", -50 * day + 5 * hour, none, none, nullptr, nullptr, nullptr, 0, 0, 16,
     Rhythm::OfficeHours, span(customerRoutes), -50 * day + 5 * hour, -2 * day - 5 * hour},
    {"key_atlas", "ptr_demo", "Atlas Booking Agent", "Scheduling assistant; goes live with the new calendar.",
     KeyType::Customer, "cus_atlas", "usr_jonas", -3 * day - 4 * hour, none, none, nullptr, nullptr, nullptr,
     0, 0, 0, Rhythm::OfficeHours, span(customerRoutes), 0, 0},
    {"key_lakeside", "ptr_other", "Lakeside Ordering", "Online orders for the bakery.", KeyType::Customer,
     "cus_lakeside", "usr_sam", -55 * day - 3 * hour, none, none, nullptr, nullptr, nullptr, 0, 0, 9,
     Rhythm::OfficeHours, span(customerRoutes), -55 * day - 3 * hour, 0},
};
// clang-format on

// A few bad hours, so the charts have something to explain: (key, start offset, hours,
// share of server errors, share of client errors).
struct Burst {
    const char *keyId;
    qint64 start;
    int hours;
    double serverErrors;
    double clientErrors;
};
const Burst bursts[] = {
    {"key_n8n_prod_2", -12 * day + 14 * hour, 3, 0.35, 0.02},
    {"key_zapier", -40 * day + 3 * hour, 2, 0.0, 0.6},
    {"key_brightside", -5 * day + 10 * hour, 1, 0.05, 0.4},
    {"key_n8n_prod_1", -61 * day + 9 * hour, 2, 0.5, 0.05},
};

double rhythmFactor(Rhythm rhythm, qint64 at) {
    const int hourOfDay = static_cast<int>((at % day) / hour);
    const int weekday = static_cast<int>((at / day + 3) % 7); // 0 = Monday (1970-01-01 was a Thursday)
    const bool weekend = weekday >= 5;
    switch (rhythm) {
    case Rhythm::OfficeHours: {
        // Europe's office day in UTC, quiet nights, a low weekend.
        const double daily = hourOfDay >= 7 && hourOfDay < 17   ? 1.0 - std::abs(hourOfDay - 11.5) * 0.06
                             : hourOfDay >= 5 && hourOfDay < 20 ? 0.25
                                                                : 0.04;
        return daily * (weekend ? 0.15 : 1.0);
    }
    case Rhythm::AroundTheClock:
        return (0.65 + 0.35 * std::sin((hourOfDay - 6) * M_PI / 12)) * (weekend ? 0.7 : 1.0);
    case Rhythm::Bursty:
        return (hourOfDay >= 8 && hourOfDay < 20 ? 0.6 : 0.1) * (weekend ? 0.3 : 1.0);
    }
    return 1;
}

// A latency histogram around a route's median, with the long tail real traffic has.
void addLatencies(LatencyHistogram &h, qint64 count, double medianMs, double slowdown) {
    constexpr std::pair<double, double> shape[] = {
        {0.7, 0.15}, {1.0, 0.5}, {1.4, 0.25}, {2.5, 0.07}, {6.0, 0.03}};
    qint64 left = count;
    for (std::size_t i = 0; i < std::size(shape) && left > 0; ++i) {
        const bool tail = i + 1 == std::size(shape);
        const qint64 n = tail ? left : std::min(left, std::llround(count * shape[i].second));
        if (n > 0)
            h.add(static_cast<qint64>(medianMs * shape[i].first * slowdown * 1000), n);
        left -= n;
    }
}

bool insertKey(QSqlQuery &q, QSqlDatabase &db, const DemoKey &k, qint64 now, std::optional<qint64> lastUsed) {
    // Real secrets, of which only the hash is kept: nobody can use a demo key from outside.
    const QByteArray secret = keyformat::generate(k.type);
    const qint64 sequence = nextChangeSequence(db, QLatin1String(k.partnerId));
    if (sequence == 0)
        return false;
    const auto nullable = [](const char *text) {
        return text ? QVariant(QLatin1String(text)) : QVariant();
    };
    const auto at = [now](std::optional<qint64> offset) {
        return offset ? QVariant(now + *offset) : QVariant();
    };
    q.addBindValue(QLatin1String(k.id));
    q.addBindValue(QLatin1String(k.partnerId));
    q.addBindValue(QString::fromUtf8(k.name));
    q.addBindValue(QString::fromUtf8(k.description));
    q.addBindValue(keyTypeWireName(k.type));
    q.addBindValue(nullable(k.customerId));
    q.addBindValue(QString::fromLatin1(secret.first(keyformat::prefixLength)));
    q.addBindValue(QString::fromLatin1(secret.last(4)));
    q.addBindValue(apikeys::secretHash(secret));
    q.addBindValue(now + k.created);
    q.addBindValue(QLatin1String(k.createdBy));
    q.addBindValue(lastUsed ? QVariant(*lastUsed) : QVariant());
    q.addBindValue(at(k.expires));
    q.addBindValue(at(k.revoked));
    q.addBindValue(nullable(k.revokedBy));
    q.addBindValue(nullable(k.replacedBy));
    q.addBindValue(nullable(k.replaces));
    q.addBindValue(k.rateLimitRequests > 0 ? QVariant(k.rateLimitRequests) : QVariant());
    q.addBindValue(k.rateLimitRequests > 0 ? QVariant(k.rateLimitSeconds) : QVariant());
    q.addBindValue(sequence);
    return exec(q);
}

// The key's hourly traffic over the last 90 days, or over its last 30 days of traffic for a
// key unused since before them, so its last_used_at always has history behind it; sets
// when the last request came, nullopt for a key never used. `Rollups`: RollupWriter or
// RollupBatch.
template <class Rollups>
bool seedHistory(Rollups &rollups, const DemoKey &k, qint64 now, std::mt19937 &random,
                 std::optional<qint64> *lastUsed) {
    std::uniform_real_distribution<double> noise(0.75, 1.25);
    const qint64 from = now + k.trafficFrom;
    const qint64 to = std::min(now + k.trafficTo, now); // exclusive
    const qint64 start = std::max(from, std::min(now - 90 * day, to - 30 * day));
    qint64 lastStart = 0;
    qint64 lastEnd = 0;
    qint64 lastRequests = 0;
    for (qint64 h = start - start % hour; h < to; h += hour) {
        // The first and last hours of a key's traffic (the current hour among them) are
        // only partly inside it: no requests before a key existed or after it stopped.
        const qint64 windowStart = std::max(h, from);
        const qint64 windowEnd = std::min(h + hour, to);
        const double covered = double(windowEnd - windowStart) / hour;
        const qint64 requests =
            std::llround(k.peakPerHour * rhythmFactor(k.rhythm, h) * noise(random) * covered);
        if (requests <= 0)
            continue;
        double serverShare = 0.003;
        double clientShare = 0.02;
        for (const Burst &b : bursts) {
            if (qstrcmp(b.keyId, k.id) == 0 && h >= now + b.start - (now + b.start) % hour &&
                h < now + b.start - (now + b.start) % hour + b.hours * hour) {
                serverShare = b.serverErrors;
                clientShare = b.clientErrors;
            }
        }
        UsageCounts totals;
        for (const RouteShare *r = k.routes.begin; r != k.routes.end; ++r) {
            const qint64 n = std::llround(requests * r->share * noise(random));
            if (n <= 0)
                continue;
            const qint64 server = std::llround(n * serverShare * noise(random));
            const qint64 client = std::min(n - server, std::llround(n * clientShare * noise(random)));
            totals.requests += n;
            totals.serverErrors += server;
            totals.clientErrors += client;
            totals.ok += n - server - client;
            addLatencies(totals.latency, n, r->medianMs, serverShare > 0.1 ? 4.0 : 1.0);
            if (!rollups.addRoute(QLatin1String(k.id), h, QLatin1String(r->method), QLatin1String(r->route),
                                  n, server + client))
                return false;
        }
        if (totals.requests == 0)
            continue;
        if (!rollups.addHour(QLatin1String(k.partnerId), QLatin1String(k.id), h, totals))
            return false;
        lastStart = windowStart;
        lastEnd = windowEnd;
        lastRequests = totals.requests;
    }
    *lastUsed = std::nullopt;
    if (lastRequests > 0) {
        // The latest of n requests spread evenly at random over the hour: a busy key was
        // used moments before the hour ended, a quiet one maybe most of an hour before.
        const double latest =
            std::pow(std::uniform_real_distribution<double>(0, 1)(random), 1.0 / lastRequests);
        *lastUsed = lastStart + static_cast<qint64>(latest * double(lastEnd - lastStart));
    }
    return true;
}
} // namespace

bool seedDemoKeys(QSqlDatabase &db, qint64 now) {
    QSqlQuery insert =
        prepare(db, QStringLiteral(
                        "INSERT INTO api_keys (id, partner_id, name, description, type, customer_id, prefix,"
                        " last4, secret_hash, created_at, created_by, last_used_at, expires_at, revoked_at,"
                        " revoked_by, replaced_by, replaces, rate_limit_requests, rate_limit_seconds,"
                        " change_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    // On PostgreSQL one round trip a row took tens of seconds: the history goes in batches.
    const auto seedAll = [&](auto &rollups) {
        std::mt19937 random(20261127); // the same history on every run
        for (const DemoKey &k : demoKeys) {
            std::optional<qint64> lastUsed;
            if (!seedHistory(rollups, k, now, random, &lastUsed) || !insertKey(insert, db, k, now, lastUsed))
                return false;
        }
        return true;
    };
    if (db.driverName() != QLatin1String("QPSQL")) {
        RollupWriter rollups(db);
        return seedAll(rollups);
    }
    RollupBatch batch;
    return seedAll(batch) && batch.write(db);
}

} // namespace knotie::gateway
