#include "gateway/rollupbatch.h"

#include "gateway/store.h"

#include <QSqlQuery>

namespace knotie::gateway {

namespace {
// Rows a statement: 8 columns x 100 = 800 parameters, well within SQLite's 32766 and
// PostgreSQL's 65535.
constexpr qsizetype rowsPerStatement = 100;

bool insertRows(const QSqlDatabase &db, const QString &table, const QStringList &columns,
                const QList<QVariantList> &rows) {
    const QString tuple = QStringLiteral("(") + QStringList(columns.size(), QStringLiteral("?")).join(u',') +
                          QStringLiteral(")");
    for (qsizetype first = 0; first < rows.size(); first += rowsPerStatement) {
        const qsizetype count = qMin(rowsPerStatement, rows.size() - first);
        QSqlQuery insert =
            prepare(db, QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
                            .arg(table, columns.join(u','), QStringList(count, tuple).join(u',')));
        for (qsizetype i = first; i < first + count; ++i)
            for (const QVariant &value : rows.at(i))
                insert.addBindValue(value);
        if (!exec(insert))
            return false;
    }
    return true;
}

QVariantList hourRow(const std::pair<QString, qint64> &owner, const UsageCounts &t,
                     const QByteArray &latency) {
    return {owner.first,    owner.second,   t.requests,    t.ok,
            t.clientErrors, t.serverErrors, t.rateLimited, latency};
}

void addInto(UsageCounts &into, const UsageCounts &totals) {
    into.requests += totals.requests;
    into.ok += totals.ok;
    into.clientErrors += totals.clientErrors;
    into.serverErrors += totals.serverErrors;
    into.rateLimited += totals.rateLimited;
    into.latency.merge(totals.latency);
}
} // namespace

bool RollupBatch::addHour(const QString &partnerId, const QString &keyId, qint64 hour,
                          const UsageCounts &totals) {
    EncodedHour &keyHour = m_keyHours[{keyId, hour}];
    LatencyHistogram latency = LatencyHistogram::decode(keyHour.latency);
    latency.merge(totals.latency);
    keyHour.latency = latency.encode();
    UsageCounts counts = totals;
    counts.latency = {};
    addInto(keyHour.counts, counts);
    addInto(m_partnerHours[{partnerId, hour}], totals);
    return true;
}

bool RollupBatch::addRoute(const QString &keyId, qint64 hour, const QString &method, const QString &route,
                           qint64 requests, qint64 errors) {
    auto &[requestsSoFar, errorsSoFar] = m_routes[{keyId, hour, method, route}];
    requestsSoFar += requests;
    errorsSoFar += errors;
    return true;
}

bool RollupBatch::write(const QSqlDatabase &db) const {
    QList<QVariantList> routes;
    routes.reserve(static_cast<qsizetype>(m_routes.size()));
    for (const auto &[where, counts] : m_routes)
        routes.append({std::get<0>(where), std::get<1>(where), std::get<2>(where), std::get<3>(where),
                       counts.first, counts.second});
    const QStringList counts{
        QStringLiteral("hour"),          QStringLiteral("requests"),      QStringLiteral("ok"),
        QStringLiteral("client_errors"), QStringLiteral("server_errors"), QStringLiteral("rate_limited"),
        QStringLiteral("latency")};
    QList<QVariantList> keyHours;
    for (const auto &[owner, hour] : m_keyHours)
        keyHours.append(hourRow(owner, hour.counts, hour.latency));
    QList<QVariantList> partnerHours;
    for (const auto &[owner, totals] : m_partnerHours)
        partnerHours.append(hourRow(owner, totals, totals.latency.encode()));
    return insertRows(db, QStringLiteral("usage_hours"), QStringList{QStringLiteral("key_id")} + counts,
                      keyHours) &&
           insertRows(db, QStringLiteral("usage_partner_hours"),
                      QStringList{QStringLiteral("partner_id")} + counts, partnerHours) &&
           insertRows(db, QStringLiteral("usage_routes"),
                      {QStringLiteral("key_id"), QStringLiteral("hour"), QStringLiteral("method"),
                       QStringLiteral("route"), QStringLiteral("requests"), QStringLiteral("errors")},
                      routes);
}

} // namespace knotie::gateway
