#include "models/callers/errorexplanations.h"

#include "models/items/keytablemodel.h"
#include <QDateTime>
#include <QLocale>

namespace knotie {

namespace {
QString perWindow(const RateLimit &limit) {
    if (limit.perSeconds == 60)
        return ErrorExplanations::tr("%n per minute", nullptr, limit.requests);
    if (limit.perSeconds == 3600)
        return ErrorExplanations::tr("%n per hour", nullptr, limit.requests);
    if (limit.perSeconds == 1)
        return ErrorExplanations::tr("%n per second", nullptr, limit.requests);
    return ErrorExplanations::tr("%1 per %2 seconds").arg(limit.requests).arg(limit.perSeconds);
}
} // namespace

QStringList ErrorExplanations::knownCodes() {
    return {QStringLiteral("missing_key"),
            QStringLiteral("invalid_key"),
            QStringLiteral("key_scope"),
            QStringLiteral("rate_limited"),
            QStringLiteral("not_found"),
            QStringLiteral("method_not_allowed"),
            QStringLiteral("invalid_json"),
            QStringLiteral("invalid_field"),
            QStringLiteral("invalid_amount"),
            QStringLiteral("invalid_limit"),
            QStringLiteral("insufficient_credits"),
            QStringLiteral("unsupported_protocol_version"),
            QStringLiteral("internal")};
}

ErrorExplanation ErrorExplanations::explain(int status, const QString &code, const ErrorSituation &s) {
    const ApiKey key = s.key.value_or(ApiKey{});
    const QString call = s.method.isEmpty() ? tr("A call") : QStringLiteral("%1 %2").arg(s.method, s.route);
    if (code == QLatin1String("missing_key"))
        return {tr("The call carried no API key."), tr("Send the key in the X-API-Key header.")};
    if (code == QLatin1String("invalid_key")) {
        if (s.key && key.status == KeyStatus::Revoked)
            return {tr("This key was revoked, so the gateway refuses every call made with it."),
                    tr("Give the integration the secret of an active key (rotate or create one).")};
        if (s.key && key.status == KeyStatus::Expired)
            return {tr("This key expired on %1, so the gateway refuses every call made with it.")
                        .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(key.expiresAt),
                                                QLocale::ShortFormat)),
                    tr("Give the integration the secret of an active key (rotate or create one).")};
        return {tr("The gateway did not accept the key sent."),
                tr("Check that the integration sends the whole secret, without spaces.")};
    }
    if (code == QLatin1String("key_scope"))
        return {s.key && !s.method.isEmpty()
                    ? tr("A %1 key tried %2, which its type does not allow.")
                          .arg(keyTypeDisplayName(key.type), call)
                    : tr("A key tried a call its type does not allow (e.g. a Read-Only key writing)."),
                s.key && key.type == KeyType::ReadOnly ? tr("Use a Partner key (or a Customer key for one "
                                                            "customer's data) for calls that change data.")
                                                       : tr("Use a key whose type allows this call; the API "
                                                            "Reference lists what each type may do.")};
    if (code == QLatin1String("rate_limited"))
        return {key.rateLimit
                    ? tr("The key's limit is %1 and the caller went over it.").arg(perWindow(*key.rateLimit))
                    : tr("The key went over its rate limit."),
                tr("Raise the key's rate limit, or make the integration wait for the Retry-After seconds.")};
    if (code == QLatin1String("not_found"))
        return {s.route == QLatin1String("(unmatched)")
                    ? tr("The gateway has no route at the address called.")
                    : tr("%1 named something that does not exist, or that this key cannot reach.").arg(call),
                s.key && key.type == KeyType::Customer
                    ? tr("A Customer key reaches only its own customer; check the id, or use a Partner key.")
                    : tr("Check the id or the address against the API Reference.")};
    if (code == QLatin1String("method_not_allowed"))
        return {tr("The route exists but does not accept the method used."),
                tr("Use the method the API Reference gives for this route.")};
    if (code == QLatin1String("invalid_json"))
        return {tr("The request body was not a JSON object."),
                tr("Send a JSON object with Content-Type: application/json.")};
    if (code == QLatin1String("invalid_field") || code == QLatin1String("invalid_amount") ||
        code == QLatin1String("invalid_limit"))
        return {tr("%1 was refused because a value in it is missing or out of range.").arg(call),
                tr("The answer's error field names the value; correct it as the API Reference says.")};
    if (code == QLatin1String("insufficient_credits"))
        return {tr("The customer does not have enough credits for this call."),
                tr("Grant the customer credits first, or spend less.")};
    if (code == QLatin1String("unsupported_protocol_version"))
        return {tr("The MCP client asked for a protocol version the gateway does not speak."),
                tr("Update the MCP client, or configure it for a supported version.")};
    if (code == QLatin1String("internal") || status >= 500)
        return {tr("The gateway failed while answering; the call itself may have been fine."),
                tr("Retry later; if it keeps failing, tell your Knotie contact the time of the call.")};
    if (status >= 400)
        return {tr("The gateway refused the call (%1).").arg(code.isEmpty() ? QString::number(status) : code),
                tr("The answer's error message says why; the API Reference lists the fix.")};
    return {tr("The call succeeded."), QString()};
}

} // namespace knotie
