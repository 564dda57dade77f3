#include "synccursor.h"

#include "portalroute.h"
#include "store.h"

#include <QCryptographicHash>
#include <QSqlQuery>

namespace knotie::gateway {

namespace {
constexpr int maximumLimit = 1000;

QString instanceId(const QSqlDatabase &db) {
    QSqlQuery q = prepare(db, QStringLiteral("SELECT id FROM gateway_instance"));
    return exec(q) && q.next() ? q.value(0).toString() : QString();
}

QChar streamLetter(SyncStream stream) {
    return stream == SyncStream::Keys ? QLatin1Char('k') : QLatin1Char('a');
}

QString checkOf(const QString &instance, SyncStream stream, const QString &partnerId, qint64 position) {
    const QByteArray input = (instance + QLatin1Char('|') + streamLetter(stream) + QLatin1Char('|') +
                              partnerId + QLatin1Char('|') + QString::number(position))
                                 .toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(input, QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding)
                                   .left(10));
}

// `<stream letter><position in base 36>_<check>`: base 36 has no '_', so the first '_'
// splits the position from the check (which, being base64url, may hold more).
std::optional<qint64> decodeCursor(const QSqlDatabase &db, SyncStream stream, const QString &partnerId,
                                   const QString &cursor) {
    const qsizetype split = cursor.indexOf(QLatin1Char('_'));
    if (split < 2 || cursor.at(0) != streamLetter(stream) || split > 14)
        return std::nullopt;
    bool ok = false;
    const qint64 position = cursor.mid(1, split - 1).toLongLong(&ok, 36);
    if (!ok || position < 0 || position > lastChangeSequence(db))
        return std::nullopt;
    if (cursor.mid(split + 1) != checkOf(instanceId(db), stream, partnerId, position))
        return std::nullopt;
    return position;
}
} // namespace

qint64 lastChangeSequence(const QSqlDatabase &db) {
    QSqlQuery q = prepare(db, QStringLiteral("SELECT value FROM change_sequence"));
    return exec(q) && q.next() ? q.value(0).toLongLong() : 0;
}

QString encodeCursor(const QSqlDatabase &db, SyncStream stream, const QString &partnerId, qint64 position) {
    return streamLetter(stream) + QString::number(position, 36) + QLatin1Char('_') +
           checkOf(instanceId(db), stream, partnerId, position);
}

std::optional<PageRequest> readPageRequest(const QSqlDatabase &db, const RequestContext &ctx,
                                           SyncStream stream, const Responder &respond) {
    PageRequest page;
    const QUrlQuery &query = ctx.request.query;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        const int limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > maximumLimit) {
            respond(
                fieldError(QStringLiteral("invalid_limit"), QStringLiteral("limit"),
                           QStringLiteral("limit must be a whole number from 1 to %1.").arg(maximumLimit)));
            return std::nullopt;
        }
        page.limit = limit;
    }
    if (query.hasQueryItem(QStringLiteral("since"))) {
        const auto position =
            decodeCursor(db, stream, ctx.user->partnerId, query.queryItemValue(QStringLiteral("since")));
        if (!position) {
            respond(fieldError(QStringLiteral("invalid_cursor"), QStringLiteral("since"),
                               QStringLiteral("This sync cursor is unknown here; sync again without one.")));
            return std::nullopt;
        }
        page.since = *position;
    }
    return page;
}

} // namespace knotie::gateway
