#include "gateway/rollupbatch.h"

#include "gateway/store.h"

#include <QSqlQuery>

namespace knotie::gateway {

namespace {
// Rows a statement: 8 columns x 500 = 4000 parameters, within SQLite's 32766 and
// PostgreSQL's 65535.
constexpr qsizetype rowsPerStatement = 500;

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

QList<QVariantList> hourRows(const QHash<QPair<QString, qint64>, UsageCounts> &hours) {
    QList<QVariantList> rows;
    rows.reserve(hours.size());
    for (auto it = hours.cbegin(); it != hours.cend(); ++it) {
        const UsageCounts &t = it.value();
        rows.append({it.key().first, it.key().second, t.requests, t.ok, t.clientErrors, t.serverErrors,
                     t.rateLimited, t.latency.encode()});
    }
    return rows;
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

void RollupBatch::addHour(const QString &partnerId, const QString &keyId, qint64 hour,
                          const UsageCounts &totals) {
    addInto(m_keyHours[{keyId, hour}], totals);
    addInto(m_partnerHours[{partnerId, hour}], totals);
}

void RollupBatch::addRoute(const QString &keyId, qint64 hour, const QString &method, const QString &route,
                           qint64 requests, qint64 errors) {
    auto &[requestsSoFar, errorsSoFar] = m_routes[{keyId, hour, method, route}];
    requestsSoFar += requests;
    errorsSoFar += errors;
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
    return insertRows(db, QStringLiteral("usage_hours"), QStringList{QStringLiteral("key_id")} + counts,
                      hourRows(m_keyHours)) &&
           insertRows(db, QStringLiteral("usage_partner_hours"),
                      QStringList{QStringLiteral("partner_id")} + counts, hourRows(m_partnerHours)) &&
           insertRows(db, QStringLiteral("usage_routes"),
                      {QStringLiteral("key_id"), QStringLiteral("hour"), QStringLiteral("method"),
                       QStringLiteral("route"), QStringLiteral("requests"), QStringLiteral("errors")},
                      routes);
}

} // namespace knotie::gateway
