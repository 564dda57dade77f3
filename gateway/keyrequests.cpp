#include "gateway/keyrequests.h"

#include "gateway/usage.h"

#include "models/domain/rfc3339.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace knotie::gateway::keyrequests {

namespace {
// The (at, id) of the key's request at `offset` from the newest, or the lowest position
// when the key has fewer: every row is at or after it.
struct Position {
    qint64 at = std::numeric_limits<qint64>::min();
    qint64 id = 0;
};

const QString boundarySql = QStringLiteral(
    "SELECT at, id FROM key_requests WHERE key_id = ? ORDER BY at DESC, id DESC LIMIT 1 OFFSET ?");

Position positionAt(QSqlQuery &boundary, const QString &keyId, int offset) {
    Position p;
    boundary.addBindValue(keyId);
    boundary.addBindValue(offset);
    if (exec(boundary) && boundary.next())
        p = Position{boundary.value(0).toLongLong(), boundary.value(1).toLongLong()};
    boundary.finish();
    return p;
}

HttpResponse invalidFilter(const QString &field, const QString &message) {
    return fieldError(QStringLiteral("invalid_field"), field, message);
}
} // namespace

Writer::Writer(const QSqlDatabase &db)
    : m_insert(prepare(db, QStringLiteral("INSERT INTO key_requests (key_id, at, method, route, status,"
                                          " error_code, latency_us) VALUES (?, ?, ?, ?, ?, ?, ?)")))
    , m_boundary(prepare(db, boundarySql))
    , m_deleteBeyondMost(
          prepare(db, QStringLiteral("DELETE FROM key_requests WHERE key_id = ? AND (at, id) < (?, ?)")))
    , m_deleteOld(prepare(db, QStringLiteral("DELETE FROM key_requests WHERE key_id = ? AND at < ?"
                                             " AND (at, id) < (?, ?)"))) {}

bool Writer::add(const UsageRecord &r) {
    m_insert.addBindValue(r.keyId);
    m_insert.addBindValue(r.at);
    m_insert.addBindValue(QString::fromLatin1(r.method));
    m_insert.addBindValue(r.route);
    m_insert.addBindValue(r.status);
    m_insert.addBindValue(r.errorCode.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : r.errorCode);
    m_insert.addBindValue(r.latencyMicros);
    return exec(m_insert);
}

bool Writer::prune(const QString &keyId, qint64 now) {
    const Position most = positionAt(m_boundary, keyId, keptMost - 1);
    m_deleteBeyondMost.addBindValue(keyId);
    m_deleteBeyondMost.addBindValue(most.at);
    m_deleteBeyondMost.addBindValue(most.id);
    if (!exec(m_deleteBeyondMost))
        return false;
    const Position latest = positionAt(m_boundary, keyId, keptLatest - 1);
    m_deleteOld.addBindValue(keyId);
    m_deleteOld.addBindValue(now - keptSeconds);
    m_deleteOld.addBindValue(latest.at);
    m_deleteOld.addBindValue(latest.id);
    return exec(m_deleteOld);
}

OrHttpError<QJsonObject> latest(const QSqlDatabase &db, const QString &keyId, const QUrlQuery &query,
                                qint64 now) {
    QString where;
    QVariantList binds;
    if (query.hasQueryItem(QStringLiteral("outcome"))) {
        const QString outcome = query.queryItemValue(QStringLiteral("outcome"));
        if (outcome == QLatin1String("ok"))
            where += QStringLiteral(" AND status < 400");
        else if (outcome == QLatin1String("client_error"))
            where += QStringLiteral(" AND status >= 400 AND status < 500");
        else if (outcome == QLatin1String("server_error"))
            where += QStringLiteral(" AND status >= 500");
        else
            return invalidFilter(QStringLiteral("outcome"),
                                 QStringLiteral("outcome must be ok, client_error or server_error."));
    }
    if (query.hasQueryItem(QStringLiteral("status"))) {
        bool ok = false;
        const int status = query.queryItemValue(QStringLiteral("status")).toInt(&ok);
        if (!ok || status < 100 || status > 599)
            return invalidFilter(QStringLiteral("status"),
                                 QStringLiteral("status must be an HTTP status from 100 to 599."));
        where += QStringLiteral(" AND status = ?");
        binds << status;
    }
    const auto limit = parseLimit(query, defaultLimit, maximumLimit);
    if (const HttpResponse *failure = httpError(limit))
        return *failure;

    // The keeping rule, as pruning applies it: rows a prune has not reached yet (a key
    // nobody called since) are not shown either.
    QSqlQuery boundary = prepare(db, boundarySql);
    const Position most = positionAt(boundary, keyId, keptMost - 1);
    const Position latestKept = positionAt(boundary, keyId, keptLatest - 1);
    QSqlQuery q = prepareForwardOnly(
        db, QStringLiteral("SELECT at, method, route, status, error_code, latency_us FROM key_requests"
                           " WHERE key_id = ? AND (at, id) >= (?, ?) AND ((at, id) >= (?, ?) OR at >= ?)%1"
                           " ORDER BY at DESC, id DESC LIMIT ?")
                .arg(where));
    q.addBindValue(keyId);
    q.addBindValue(most.at);
    q.addBindValue(most.id);
    q.addBindValue(latestKept.at);
    q.addBindValue(latestKept.id);
    q.addBindValue(now - keptSeconds);
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    q.addBindValue(std::get<int>(limit));
    if (!exec(q))
        return internalError();
    QJsonArray requests;
    while (q.next())
        requests.append(QJsonObject{
            {QStringLiteral("at"), toRfc3339(q.value(0).toLongLong())},
            {QStringLiteral("method"), q.value(1).toString()},
            {QStringLiteral("route"), q.value(2).toString()},
            {QStringLiteral("status"), q.value(3).toInt()},
            {QStringLiteral("error_code"),
             q.value(4).isNull() ? QJsonValue() : QJsonValue(q.value(4).toString())},
            {QStringLiteral("latency_ms"), std::round(q.value(5).toDouble() / 10.0) / 100.0},
        });
    return QJsonObject{{QStringLiteral("requests"), requests}};
}

} // namespace knotie::gateway::keyrequests
