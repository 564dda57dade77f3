// The cache's usage tables: buckets per scope with whether each is final, and the last
// answer of each usage detail call.
#include "models/cache/cache.h"

#include "models/analytics/usagestats.h"
#include "models/data/wireformat.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace knotie {

bool Cache::storeUsage(const QString &scope, const UsageSeries &series, UnixTime fetchedAt) {
    const qint64 step = bucketSeconds(series.bucket);
    return write([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("INSERT OR REPLACE INTO usage_buckets (scope, bucket, start, requests, ok,"
                           " client_errors, server_errors, p95_ms, settled) VALUES (?,?,?,?,?,?,?,?,?)"));
        const QString bucket = bucketWireName(series.bucket);
        for (const UsageBucket &b : series.buckets) {
            q.bindValue(0, scope);
            q.bindValue(1, bucket);
            q.bindValue(2, b.start);
            q.bindValue(3, b.requests);
            q.bindValue(4, b.ok);
            q.bindValue(5, b.clientErrors);
            q.bindValue(6, b.serverErrors);
            q.bindValue(7, b.p95Ms ? QVariant(*b.p95Ms) : QVariant(QMetaType(QMetaType::Int)));
            q.bindValue(8, b.start + step + usageSettleSeconds <= fetchedAt ? 1 : 0);
            if (!q.exec())
                return false;
        }
        return setSyncMark(db, QStringLiteral("usage:") + scope, {{}, fetchedAt});
    });
}

UsageSeries Cache::loadUsage(const QString &scope, BucketSize bucket, UnixTime from, UnixTime to,
                             QList<UnixTime> *settledStarts) const {
    UsageSeries out{bucket, {}};
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT start, requests, ok, client_errors, server_errors, p95_ms, settled FROM usage_buckets"
        " WHERE scope = ? AND bucket = ? AND start >= ? AND start < ? ORDER BY start"));
    q.addBindValue(scope);
    q.addBindValue(bucketWireName(bucket));
    q.addBindValue(from);
    q.addBindValue(to);
    if (q.exec())
        while (q.next()) {
            UsageBucket b{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                          q.value(3).toLongLong(), q.value(4).toLongLong(), std::nullopt};
            if (!q.value(5).isNull())
                b.p95Ms = q.value(5).toInt();
            out.buckets.append(b);
            if (settledStarts && q.value(6).toInt())
                settledStarts->append(b.start);
        }
    return out;
}

bool Cache::storeUsageAnswer(const QString &slot, const UsageAnswer &answer) {
    QJsonObject body = wire::toJson(answer.endpoints);
    body.insert(QStringLiteral("keys"), wire::toJson(answer.keys).value(QLatin1String("keys")));
    return write([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("INSERT OR REPLACE INTO usage_answers (slot, range_from, range_to, fetched_at,"
                           " body) VALUES (?,?,?,?,?)"));
        q.addBindValue(slot);
        q.addBindValue(answer.from);
        q.addBindValue(answer.to);
        q.addBindValue(answer.fetchedAt);
        q.addBindValue(QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact)));
        return q.exec();
    });
}

std::optional<UsageAnswer> Cache::loadUsageAnswer(const QString &slot) const {
    QSqlQuery q(connection());
    q.prepare(
        QStringLiteral("SELECT range_from, range_to, fetched_at, body FROM usage_answers WHERE slot = ?"));
    q.addBindValue(slot);
    if (!q.exec() || !q.next())
        return std::nullopt;
    UsageAnswer a;
    a.from = q.value(0).toLongLong();
    a.to = q.value(1).toLongLong();
    a.fetchedAt = q.value(2).toLongLong();
    a.fromCache = true;
    const QJsonObject body = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
    a.endpoints = wire::parseEndpointUsage(body).value_or(QList<EndpointUsage>());
    a.keys = wire::parseKeyUsage(body).value_or(QList<KeyUsage>());
    return a;
}

} // namespace knotie
