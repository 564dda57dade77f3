#include "gateway/portalroute.h"

#include "models/domain/keyformat.h"

#include <QRandomGenerator>

#include <cmath>

namespace knotie::gateway {

bool requirePermission(const RequestContext &ctx, const Responder &respond,
                       std::initializer_list<Permission> any) {
    for (Permission p : any)
        if (ctx.user && ctx.user->has(p))
            return true;
    // team.manage cannot be granted: saying whom to ask would mislead.
    if (any.size() == 1 && *any.begin() == Permission::TeamManage) {
        respond(errorResponse(403, QStringLiteral("permission_denied"),
                              QStringLiteral("Only the account owner can change permissions.")));
        return false;
    }
    QStringList names;
    for (Permission p : any)
        names.append(permissionWireName(p));
    respond(errorResponse(403, QStringLiteral("permission_denied"),
                          QStringLiteral("This needs the %1 permission; the account owner can grant it.")
                              .arg(names.join(QLatin1String(" or ")))));
    return false;
}

std::optional<QJsonObject> requireJsonObject(const RequestContext &ctx, const Responder &respond,
                                             bool emptyMeansNoFields) {
    if (emptyMeansNoFields && ctx.request.body.trimmed().isEmpty())
        return QJsonObject{};
    auto body = parseJsonObject(ctx.request.body);
    if (!body)
        respond(errorResponse(400, QStringLiteral("invalid_json"),
                              QStringLiteral("The body must be a JSON object.")));
    return body;
}

OrHttpError<int> parseLimit(const QUrlQuery &query, int fallback, int maximum) {
    if (!query.hasQueryItem(QStringLiteral("limit")))
        return fallback;
    bool ok = false;
    const int limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (ok && limit >= 1 && limit <= maximum)
        return limit;
    return fieldError(QStringLiteral("invalid_limit"), QStringLiteral("limit"),
                      QStringLiteral("limit must be a whole number from 1 to %1.").arg(maximum));
}

HttpResponse fieldError(const QString &code, const QString &field, const QString &message) {
    return errorResponse(422, code, message, field);
}

HttpResponse wrongType(const QString &field, const QString &expected) {
    return fieldError(QStringLiteral("invalid_field"), field,
                      QStringLiteral("%1 must be %2.").arg(field, expected));
}

HttpResponse notFound() {
    return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("There is nothing here."));
}

HttpResponse internalError() {
    return errorResponse(500, QStringLiteral("internal"),
                         QStringLiteral("The gateway could not save this. Try again."));
}

HttpResponse databaseBusy() {
    HttpResponse busy = errorResponse(503, QStringLiteral("busy"),
                                      QStringLiteral("The gateway is busy. Try again in a second."));
    busy.setHeader("Retry-After", "1");
    return busy;
}

QString newId(QLatin1StringView prefix) {
    QString id = prefix + QLatin1Char('_');
    auto *rng = QRandomGenerator::system();
    for (int i = 0; i < 20; ++i)
        id += QLatin1Char(keyformat::alphabet[rng->bounded(62)]);
    return id;
}

std::optional<qint64> jsonInteger(const QJsonValue &value) {
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    // 2^53: beyond it a double no longer holds every integer exactly.
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9007199254740992.0)
        return std::nullopt;
    return static_cast<qint64>(d);
}

} // namespace knotie::gateway
