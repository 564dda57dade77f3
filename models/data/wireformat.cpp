#include "models/data/wireformat.h"

#include "models/domain/rfc3339.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace knotie::wire {

namespace {

QString str(const QJsonObject &o, QLatin1StringView name) {
    return o.value(name).toString();
}

std::optional<PersonRef> personRef(const QJsonValue &v) {
    if (!v.isObject())
        return std::nullopt;
    const QJsonObject o = v.toObject();
    PersonRef p{str(o, QLatin1StringView("id")), str(o, QLatin1StringView("name"))};
    if (p.id.isEmpty())
        return std::nullopt;
    return p;
}

// A time field that may be null; false when present but unparseable.
bool optionalTime(const QJsonObject &o, QLatin1StringView name, UnixTime *out) {
    const QJsonValue v = o.value(name);
    if (v.isNull() || v.isUndefined()) {
        *out = 0;
        return true;
    }
    const auto t = fromRfc3339(v.toString());
    if (!t)
        return false;
    *out = *t;
    return true;
}

QJsonValue timeOrNull(UnixTime t) {
    return t ? QJsonValue(toRfc3339(t)) : QJsonValue(QJsonValue::Null);
}

template <typename T, typename F> std::optional<QList<T>> parseArray(const QJsonValue &v, F parseOne) {
    if (!v.isArray())
        return std::nullopt;
    const QJsonArray a = v.toArray();
    QList<T> out;
    out.reserve(a.size());
    for (const QJsonValue &item : a) {
        auto parsed = parseOne(item.toObject());
        if (!parsed)
            return std::nullopt;
        out.append(std::move(*parsed));
    }
    return out;
}

} // namespace

std::optional<QJsonObject> parseObject(const QByteArray &bytes) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

std::optional<ApiKey> parseApiKey(const QJsonObject &o) {
    ApiKey k;
    k.id = str(o, QLatin1StringView("id"));
    k.name = str(o, QLatin1StringView("name"));
    k.description = str(o, QLatin1StringView("description"));
    const auto type = keyTypeFromWireName(str(o, QLatin1StringView("type")));
    const auto status = keyStatusFromWireName(str(o, QLatin1StringView("status")));
    const auto created = fromRfc3339(str(o, QLatin1StringView("created_at")));
    const auto createdBy = personRef(o.value(QLatin1StringView("created_by")));
    if (k.id.isEmpty() || !type || !status || !created || !createdBy)
        return std::nullopt;
    k.type = *type;
    k.status = *status;
    k.createdAt = *created;
    k.createdBy = *createdBy;
    k.customerId = str(o, QLatin1StringView("customer_id"));
    k.prefix = str(o, QLatin1StringView("prefix"));
    k.last4 = str(o, QLatin1StringView("last4"));
    if (!optionalTime(o, QLatin1StringView("last_used_at"), &k.lastUsedAt) ||
        !optionalTime(o, QLatin1StringView("expires_at"), &k.expiresAt) ||
        !optionalTime(o, QLatin1StringView("revoked_at"), &k.revokedAt))
        return std::nullopt;
    k.revokedBy = personRef(o.value(QLatin1StringView("revoked_by")));
    // A v1 gateway sends no custodian: the creator answers for the key.
    if (auto custodian = personRef(o.value(QLatin1StringView("custodian")));
        custodian && custodian->id != k.createdBy.id)
        k.custodian = std::move(custodian);
    k.replacedBy = str(o, QLatin1StringView("replaced_by"));
    k.replaces = str(o, QLatin1StringView("replaces"));
    const QJsonValue limit = o.value(QLatin1StringView("rate_limit"));
    if (limit.isObject()) {
        const QJsonObject l = limit.toObject();
        RateLimit r{l.value(QLatin1StringView("requests")).toInt(),
                    l.value(QLatin1StringView("per_seconds")).toInt()};
        if (r.requests < 1 || r.perSeconds < 1)
            return std::nullopt;
        k.rateLimit = r;
    } else if (!limit.isNull() && !limit.isUndefined()) {
        return std::nullopt;
    }
    return k;
}

QJsonObject toJson(const ApiKey &k) {
    auto ref = [](const PersonRef &p) {
        return QJsonObject{{QStringLiteral("id"), p.id}, {QStringLiteral("name"), p.name}};
    };
    auto orNull = [](const QString &s) {
        return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
    };
    QJsonObject o{{QStringLiteral("id"), k.id},
                  {QStringLiteral("name"), k.name},
                  {QStringLiteral("description"), k.description},
                  {QStringLiteral("type"), keyTypeWireName(k.type)},
                  {QStringLiteral("customer_id"), orNull(k.customerId)},
                  {QStringLiteral("prefix"), k.prefix},
                  {QStringLiteral("last4"), k.last4},
                  {QStringLiteral("status"), keyStatusWireName(k.status)},
                  {QStringLiteral("created_at"), toRfc3339(k.createdAt)},
                  {QStringLiteral("created_by"), ref(k.createdBy)},
                  {QStringLiteral("custodian"), ref(custodianOf(k))},
                  {QStringLiteral("last_used_at"), timeOrNull(k.lastUsedAt)},
                  {QStringLiteral("expires_at"), timeOrNull(k.expiresAt)},
                  {QStringLiteral("revoked_at"), timeOrNull(k.revokedAt)},
                  {QStringLiteral("revoked_by"), k.revokedBy ? QJsonValue(ref(*k.revokedBy)) : QJsonValue()},
                  {QStringLiteral("replaced_by"), orNull(k.replacedBy)},
                  {QStringLiteral("replaces"), orNull(k.replaces)}};
    if (k.rateLimit)
        o.insert(QStringLiteral("rate_limit"),
                 QJsonObject{{QStringLiteral("requests"), k.rateLimit->requests},
                             {QStringLiteral("per_seconds"), k.rateLimit->perSeconds}});
    else
        o.insert(QStringLiteral("rate_limit"), QJsonValue::Null);
    return o;
}

std::optional<KeyPage> parseKeyPage(const QJsonObject &body) {
    auto keys = parseArray<ApiKey>(body.value(QLatin1StringView("keys")), parseApiKey);
    const QJsonValue cursor = body.value(QLatin1StringView("cursor"));
    if (!keys || !cursor.isString() || !body.value(QLatin1StringView("has_more")).isBool())
        return std::nullopt;
    return KeyPage{std::move(*keys), cursor.toString(), body.value(QLatin1StringView("has_more")).toBool()};
}

std::optional<KeyPage> parseKeyPage(const QByteArray &bytes) {
    const auto body = parseObject(bytes);
    return body ? parseKeyPage(*body) : std::nullopt;
}

std::optional<CreatedKey> parseCreatedKey(const QJsonObject &body) {
    auto key = parseApiKey(body.value(QLatin1StringView("key")).toObject());
    const QByteArray secret = body.value(QLatin1StringView("secret")).toString().toLatin1();
    if (!key || secret.isEmpty())
        return std::nullopt;
    CreatedKey c{std::move(*key), secret, std::nullopt};
    if (body.contains(QLatin1StringView("previous"))) {
        c.previous = parseApiKey(body.value(QLatin1StringView("previous")).toObject());
        if (!c.previous)
            return std::nullopt;
    }
    return c;
}

std::optional<KeyCheck> parseKeyCheck(const QJsonObject &body) {
    const QJsonValue valid = body.value(QLatin1StringView("valid"));
    if (!valid.isBool())
        return std::nullopt;
    KeyCheck c{valid.toBool(), str(body, QLatin1StringView("reason")), std::nullopt};
    if (body.value(QLatin1StringView("key")).isObject()) {
        c.key = parseApiKey(body.value(QLatin1StringView("key")).toObject());
        if (!c.key)
            return std::nullopt;
    }
    return c;
}

std::optional<QList<Customer>> parseCustomers(const QJsonObject &body) {
    return parseArray<Customer>(
        body.value(QLatin1StringView("customers")), [](const QJsonObject &o) -> std::optional<Customer> {
            Customer c{str(o, QLatin1StringView("id")), str(o, QLatin1StringView("name")), 0};
            if (c.id.isEmpty() || !optionalTime(o, QLatin1StringView("created_at"), &c.createdAt))
                return std::nullopt;
            return c;
        });
}

std::optional<TeamMember> parseTeamMember(const QJsonObject &user) {
    TeamMember m{str(user, QLatin1StringView("id")),
                 str(user, QLatin1StringView("email")),
                 str(user, QLatin1StringView("name")),
                 str(user, QLatin1StringView("role")),
                 {}};
    const QJsonValue permissions = user.value(QLatin1StringView("permissions"));
    if (m.id.isEmpty() || m.role.isEmpty() || !permissions.isArray())
        return std::nullopt;
    const QJsonArray list = permissions.toArray();
    for (const QJsonValue &p : list)
        m.permissions.append(p.toString());
    return m;
}

std::optional<QList<TeamMember>> parseTeam(const QJsonObject &body) {
    return parseArray<TeamMember>(body.value(QLatin1StringView("members")), parseTeamMember);
}

std::optional<AuditPage> parseAuditPage(const QJsonObject &body) {
    auto events = parseArray<AuditEvent>(
        body.value(QLatin1StringView("events")), [](const QJsonObject &o) -> std::optional<AuditEvent> {
            AuditEvent e;
            e.id = str(o, QLatin1StringView("id"));
            const auto at = fromRfc3339(str(o, QLatin1StringView("at")));
            const auto actor = personRef(o.value(QLatin1StringView("actor")));
            e.action = str(o, QLatin1StringView("action"));
            if (e.id.isEmpty() || !at || e.action.isEmpty())
                return std::nullopt;
            e.at = *at;
            e.actor = actor.value_or(PersonRef{});
            e.keyId = str(o, QLatin1StringView("key_id"));
            const QJsonValue details = o.value(QLatin1StringView("details"));
            if (details.isObject())
                e.details =
                    QString::fromUtf8(QJsonDocument(details.toObject()).toJson(QJsonDocument::Compact));
            else if (details.isString())
                e.details = details.toString();
            return e;
        });
    const QJsonValue cursor = body.value(QLatin1StringView("cursor"));
    if (!events || !cursor.isString() || !body.value(QLatin1StringView("has_more")).isBool())
        return std::nullopt;
    return AuditPage{std::move(*events), cursor.toString(),
                     body.value(QLatin1StringView("has_more")).toBool()};
}

std::optional<UsageSeries> parseUsageSeries(const QJsonObject &body) {
    const QString bucket = str(body, QLatin1StringView("bucket"));
    if (bucket != QLatin1StringView("hour") && bucket != QLatin1StringView("day"))
        return std::nullopt;
    auto buckets = parseArray<UsageBucket>(
        body.value(QLatin1StringView("series")), [](const QJsonObject &o) -> std::optional<UsageBucket> {
            const auto start = fromRfc3339(str(o, QLatin1StringView("start")));
            if (!start)
                return std::nullopt;
            UsageBucket b;
            b.start = *start;
            b.requests = o.value(QLatin1StringView("requests")).toInteger();
            b.ok = o.value(QLatin1StringView("ok")).toInteger();
            b.clientErrors = o.value(QLatin1StringView("client_errors")).toInteger();
            b.serverErrors = o.value(QLatin1StringView("server_errors")).toInteger();
            const QJsonValue p95 = o.value(QLatin1StringView("p95_ms"));
            if (p95.isDouble())
                b.p95Ms = qRound(p95.toDouble()); // the gateway sends fractions (137.53)
            return b;
        });
    if (!buckets)
        return std::nullopt;
    return UsageSeries{bucket == QLatin1StringView("hour") ? BucketSize::Hour : BucketSize::Day,
                       std::move(*buckets)};
}

std::optional<QList<EndpointUsage>> parseEndpointUsage(const QJsonObject &body) {
    return parseArray<EndpointUsage>(
        body.value(QLatin1StringView("endpoints")), [](const QJsonObject &o) -> std::optional<EndpointUsage> {
            EndpointUsage e{str(o, QLatin1StringView("method")), str(o, QLatin1StringView("route")),
                            o.value(QLatin1StringView("requests")).toInteger(),
                            o.value(QLatin1StringView("errors")).toInteger()};
            if (e.route.isEmpty())
                return std::nullopt;
            return e;
        });
}

std::optional<QList<KeyUsage>> parseKeyUsage(const QJsonObject &body) {
    return parseArray<KeyUsage>(body.value(QLatin1StringView("keys")),
                                [](const QJsonObject &o) -> std::optional<KeyUsage> {
                                    KeyUsage u{str(o, QLatin1StringView("key_id")),
                                               o.value(QLatin1StringView("requests")).toInteger(),
                                               o.value(QLatin1StringView("errors")).toInteger(),
                                               {}};
                                    if (u.keyId.isEmpty())
                                        return std::nullopt;
                                    u.rateLimited = o.value(QLatin1StringView("rate_limited")).toInteger();
                                    const QJsonArray series = o.value(QLatin1StringView("series")).toArray();
                                    u.series.reserve(series.size());
                                    for (const QJsonValue &n : series)
                                        u.series.append(n.toInteger());
                                    return u;
                                });
}

QJsonObject toJson(const QList<EndpointUsage> &endpoints) {
    QJsonArray list;
    for (const EndpointUsage &e : endpoints)
        list.append(QJsonObject{{QStringLiteral("method"), e.method},
                                {QStringLiteral("route"), e.route},
                                {QStringLiteral("requests"), e.requests},
                                {QStringLiteral("errors"), e.errors}});
    return {{QStringLiteral("endpoints"), list}};
}

QJsonObject toJson(const QList<KeyUsage> &keys) {
    QJsonArray list;
    for (const KeyUsage &k : keys) {
        // The series too: a kept answer draws the key table's sparklines offline.
        QJsonArray series;
        for (qint64 n : k.series)
            series.append(n);
        list.append(QJsonObject{{QStringLiteral("key_id"), k.keyId},
                                {QStringLiteral("requests"), k.requests},
                                {QStringLiteral("errors"), k.errors},
                                {QStringLiteral("rate_limited"), k.rateLimited},
                                {QStringLiteral("series"), series}});
    }
    return {{QStringLiteral("keys"), list}};
}

} // namespace knotie::wire
