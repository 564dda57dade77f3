#include "gateway/waitforchanges.h"

#include "gateway/changewaits.h"
#include "gateway/gateway.h"
#include "gateway/portalroute.h"

#include <QJsonArray>

#include <chrono>
#include <memory>

namespace knotie::gateway {

namespace {
constexpr int maximumWaitSeconds = 60;

OrHttpError<int> parseWait(const QUrlQuery &query) {
    if (!query.hasQueryItem(QStringLiteral("wait")))
        return 0;
    bool ok = false;
    const int seconds = query.queryItemValue(QStringLiteral("wait")).toInt(&ok);
    if (!ok || seconds < 0 || seconds > maximumWaitSeconds)
        return fieldError(QStringLiteral("invalid_wait"), QStringLiteral("wait"),
                          QStringLiteral("wait is a whole number of seconds from 0 to 60."));
    return seconds;
}

// One held request: its own copy of what the route reads, so it outlives the serving
// call and can be looked at again after each change.
class HeldList : public std::enable_shared_from_this<HeldList> {
public:
    HeldList(Gateway &gateway, const RequestContext &ctx, Responder respond, QString itemsField,
             LookForChanges look, std::chrono::steady_clock::time_point deadline)
        : m_gateway(gateway)
        , m_request(ctx.request)
        , m_route(ctx.route)
        , m_params(ctx.params)
        , m_user(*ctx.user)
        , m_respond(std::move(respond))
        , m_itemsField(std::move(itemsField))
        , m_look(std::move(look))
        , m_deadline(deadline)
        , m_sentCursor(ctx.request.query.queryItemValue(QStringLiteral("since"))) {}

    // Holds the answer that `emptyCursor` would have ended.
    void hold(const QString &emptyCursor, quint64 seenGeneration) {
        if (m_emptyCursor.isEmpty()) {
            m_emptyCursor = m_sentCursor.isEmpty() ? emptyCursor : m_sentCursor;
            m_request.holdAnswer();
        }
        if (std::chrono::steady_clock::now() >= m_deadline)
            return answerEmpty();
        const auto held = m_gateway.changeWaits().hold(
            m_user.partnerId, m_user.tokenHash, seenGeneration, m_deadline, m_request.clientGone(),
            [self = shared_from_this()](ChangeWaits::Wake why) {
                if (why == ChangeWaits::Wake::Changed)
                    self->m_gateway.runDatabaseWork([self] { self->lookAgain(); });
                else
                    self->answerEmpty();
            });
        if (held != ChangeWaits::Held::Yes)
            answerEmpty(); // a fifth wait of the session, or the gateway is stopping
    }

private:
    void lookAgain() {
        const quint64 generation = m_gateway.changeWaits().generation(m_user.partnerId);
        RequestContext ctx{m_request, m_route, m_params, m_gateway.clock().nowSeconds(), m_user, {}};
        if (const auto empty = m_look(ctx, m_respond))
            hold(*empty, generation); // a change of the partner this list does not show
    }

    void answerEmpty() {
        m_respond(jsonResponse(200, QJsonObject{{m_itemsField, QJsonArray()},
                                                {QStringLiteral("cursor"), m_emptyCursor},
                                                {QStringLiteral("has_more"), false}}));
    }

    Gateway &m_gateway;
    HttpRequest m_request;
    const Route &m_route;
    QHash<QString, QString> m_params;
    Principal m_user;
    Responder m_respond;
    QString m_itemsField;
    LookForChanges m_look;
    std::chrono::steady_clock::time_point m_deadline;
    QString m_sentCursor;
    QString m_emptyCursor;
};
} // namespace

void answerOrWait(Gateway &gateway, RequestContext &ctx, const Responder &respond, const QString &itemsField,
                  LookForChanges look) {
    const auto wait = parseWait(ctx.request.query);
    if (const HttpResponse *failure = httpError(wait))
        return respond(*failure);
    const int seconds = std::get<int>(wait);
    const quint64 generation = gateway.changeWaits().generation(ctx.user->partnerId);
    const auto empty = look(ctx, respond);
    if (!empty)
        return;
    if (seconds == 0)
        return respond(jsonResponse(200, QJsonObject{{itemsField, QJsonArray()},
                                                     {QStringLiteral("cursor"), *empty},
                                                     {QStringLiteral("has_more"), false}}));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    std::make_shared<HeldList>(gateway, ctx, respond, itemsField, std::move(look), deadline)
        ->hold(*empty, generation);
}

} // namespace knotie::gateway
