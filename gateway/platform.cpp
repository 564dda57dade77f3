#include "gateway/platform.h"

#include "gateway/audit.h"
#include "gateway/gateway.h"
#include "gateway/portalroute.h"
#include "gateway/usage.h"
#include "models/domain/auditactions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace knotie::gateway::platform {

namespace {
constexpr int maxCustomerName = 200;

Outcome notFound() {
    return Outcome::error(404, QStringLiteral("not_found"), QStringLiteral("There is no such customer."));
}

Outcome internalError() {
    return Outcome::error(500, QStringLiteral("internal"),
                          QStringLiteral("Something went wrong. Try again."));
}

QJsonObject customerJson(const QSqlQuery &q) {
    return QJsonObject{{QStringLiteral("id"), q.value(0).toString()},
                       {QStringLiteral("name"), q.value(1).toString()},
                       {QStringLiteral("created_at"), toRfc3339(q.value(2).toLongLong())}};
}

// The customer as the key may see it, or nothing (unknown, another partner's, or for a
// customer key any customer but its own).
std::optional<QJsonObject> findCustomer(const QSqlDatabase &db, const KeyPrincipal &key, const QString &id) {
    if (!key.reaches(id))
        return std::nullopt;
    QSqlQuery q = prepare(db, QStringLiteral("SELECT id, name, created_at FROM customers"
                                             " WHERE id = ? AND partner_id = ?"));
    q.addBindValue(id);
    q.addBindValue(key.partnerId);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return customerJson(q);
}

// A customer name: a string, trimmed, 1..200 code points, no control characters.
std::optional<QString> validName(const QJsonValue &value, Outcome *error) {
    const QString name = value.toString().trimmed();
    const qsizetype length = name.toUcs4().size();
    bool clean = true;
    for (QChar c : name)
        clean = clean && c.category() != QChar::Other_Control && c.category() != QChar::Other_Format;
    if (!value.isString() || length == 0 || length > maxCustomerName || !clean || hasLoneSurrogate(name)) {
        *error =
            Outcome::error(422, QStringLiteral("invalid_field"),
                           QStringLiteral("name must be 1 to 200 characters, without control characters."),
                           QStringLiteral("name"));
        return std::nullopt;
    }
    return name;
}
} // namespace

Outcome Outcome::error(int status, const QString &code, const QString &message, const QString &field) {
    return Outcome{status, errorBody(code, message, field)};
}

Outcome Outcome::from(const HttpResponse &response) {
    return Outcome{response.status, QJsonDocument::fromJson(response.body).object()};
}

HttpResponse whoami(const KeyPrincipal &key) {
    // Every verified key's check, the gateway's busiest call: its fields are written straight
    // out, in the order a QJsonObject keeps them.
    HttpResponse response;
    response.body =
        flatJsonObject({{QLatin1StringView("customer_id"), key.customerId, key.customerId.isEmpty()},
                        {QLatin1StringView("key_id"), key.keyId},
                        {QLatin1StringView("partner_id"), key.partnerId},
                        {QLatin1StringView("type"), keyTypeWireName(key.type)}});
    return response;
}

Outcome listCustomers(Gateway &gateway, const KeyPrincipal &key, int limit) {
    QSqlQuery q = prepare(gateway.store().connection(),
                          QStringLiteral("SELECT id, name, created_at FROM customers WHERE partner_id = ?"
                                         " AND (? = '' OR id = ?) ORDER BY created_at, id LIMIT ?"));
    const QString only = key.type == KeyType::Customer ? key.customerId : QString(QLatin1String(""));
    q.addBindValue(key.partnerId);
    q.addBindValue(only);
    q.addBindValue(only);
    q.addBindValue(limit);
    if (!exec(q))
        return internalError();
    QJsonArray customers;
    while (q.next())
        customers.append(customerJson(q));
    return {200, QJsonObject{{QStringLiteral("customers"), customers}}};
}

Outcome getCustomer(Gateway &gateway, const KeyPrincipal &key, const QString &customerId) {
    const auto customer = findCustomer(gateway.store().connection(), key, customerId);
    return customer ? Outcome{200, *customer} : notFound();
}

Outcome createCustomer(Gateway &gateway, const KeyPrincipal &key, const QJsonValue &nameValue) {
    Outcome failure;
    const auto name = validName(nameValue, &failure);
    if (!name)
        return failure;
    const QString id = newId(QLatin1StringView("cus"));
    const qint64 now = gateway.clock().nowSeconds();
    const bool ok = gateway.store().write([&](QSqlDatabase &db) {
        QSqlQuery q = prepare(
            db,
            QStringLiteral("INSERT INTO customers (id, partner_id, name, created_at) VALUES (?, ?, ?, ?)"));
        q.addBindValue(id);
        q.addBindValue(key.partnerId);
        q.addBindValue(*name);
        q.addBindValue(now);
        return exec(q) && audit::recordByKey(db, key.partnerId, key.keyId, auditaction::customerCreated,
                                             audit::customerChanged(id, *name), now);
    });
    if (!ok)
        return internalError();
    return {201, QJsonObject{{QStringLiteral("id"), id},
                             {QStringLiteral("name"), *name},
                             {QStringLiteral("created_at"), toRfc3339(now)}}};
}

Outcome renameCustomer(Gateway &gateway, const KeyPrincipal &key, const QString &customerId,
                       const QJsonValue &nameValue) {
    auto customer = findCustomer(gateway.store().connection(), key, customerId);
    if (!customer)
        return notFound();
    Outcome failure;
    const auto name = validName(nameValue, &failure);
    if (!name)
        return failure;
    const bool renamed = customer->value(QStringLiteral("name")).toString() != *name;
    const bool ok = gateway.store().write([&](QSqlDatabase &db) {
        QSqlQuery q =
            prepare(db, QStringLiteral("UPDATE customers SET name = ? WHERE id = ? AND partner_id = ?"));
        q.addBindValue(*name);
        q.addBindValue(customerId);
        q.addBindValue(key.partnerId);
        return exec(q) &&
               (!renamed ||
                audit::recordByKey(db, key.partnerId, key.keyId, auditaction::customerRenamed,
                                   audit::customerChanged(customerId, *name), gateway.clock().nowSeconds()));
    });
    if (!ok)
        return internalError();
    customer->insert(QStringLiteral("name"), *name);
    return {200, *customer};
}

Outcome runAutomation(Gateway &gateway, const KeyPrincipal &key, const QString &customerId,
                      const QString &automation) {
    if (!findCustomer(gateway.store().connection(), key, customerId))
        return notFound();
    const QString id = newId(QLatin1StringView("run"));
    const bool ok = gateway.store().write([&](QSqlDatabase &db) {
        QSqlQuery q =
            prepare(db, QStringLiteral("INSERT INTO automation_runs (id, customer_id, automation, key_id,"
                                       " created_at) VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(id);
        q.addBindValue(customerId);
        q.addBindValue(automation);
        q.addBindValue(key.keyId);
        q.addBindValue(gateway.clock().nowSeconds());
        return exec(q);
    });
    if (!ok)
        return internalError();
    return {202, QJsonObject{{QStringLiteral("run_id"), id}}};
}

Outcome usage(Gateway &gateway, const KeyPrincipal &key, const QUrlQuery &query) {
    const QSqlDatabase db = gateway.store().connection();
    auto parsed = parseUsageSelection(db, key.partnerId, query, BucketRule::Day);
    if (const HttpResponse *failure = httpError(parsed))
        return Outcome::from(*failure);
    const UsageSelection &usageQuery = std::get<UsageSelection>(parsed);
    return {200, usageSeriesJson(usageQuery, usageSeries(db, usageQuery))};
}

Outcome creditBalance(Gateway &gateway, const KeyPrincipal &key) {
    QSqlQuery q = prepare(gateway.store().connection(),
                          QStringLiteral("SELECT credit_balance FROM partners WHERE id = ?"));
    q.addBindValue(key.partnerId);
    if (!exec(q) || !q.next())
        return internalError();
    return {200, QJsonObject{{QStringLiteral("balance"), q.value(0).toLongLong()}}};
}

Outcome grantCredits(Gateway &gateway, const KeyPrincipal &key, const QJsonValue &customerId,
                     const QJsonValue &amount) {
    if (!customerId.isString())
        return Outcome::error(422, QStringLiteral("invalid_field"),
                              QStringLiteral("customer_id must be a string."), QStringLiteral("customer_id"));
    if (!findCustomer(gateway.store().connection(), key, customerId.toString()))
        return notFound();
    const double value = amount.toDouble(-1);
    if (!amount.isDouble() || value != std::floor(value) || value < 1 || value > 1000000)
        return Outcome::error(422, QStringLiteral("invalid_amount"),
                              QStringLiteral("amount must be a whole number from 1 to 1,000,000."),
                              QStringLiteral("amount"));
    const qint64 credits = static_cast<qint64>(value);
    const QString id = newId(QLatin1StringView("grt"));
    std::optional<qint64> balance;
    bool insufficient = false;
    const bool ok = gateway.store().write([&](QSqlDatabase &db) {
        QSqlQuery debit = prepare(db, QStringLiteral("UPDATE partners SET credit_balance = credit_balance - ?"
                                                     " WHERE id = ? AND credit_balance >= ?"
                                                     " RETURNING credit_balance"));
        debit.addBindValue(credits);
        debit.addBindValue(key.partnerId);
        debit.addBindValue(credits);
        if (!exec(debit))
            return false;
        if (!debit.next()) {
            insufficient = true;
            return false;
        }
        balance = debit.value(0).toLongLong();
        debit.finish();
        QSqlQuery grant =
            prepare(db, QStringLiteral("INSERT INTO credit_grants (id, partner_id, customer_id,"
                                       " amount, key_id, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
        grant.addBindValue(id);
        grant.addBindValue(key.partnerId);
        grant.addBindValue(customerId.toString());
        grant.addBindValue(credits);
        grant.addBindValue(key.keyId);
        grant.addBindValue(gateway.clock().nowSeconds());
        return exec(grant);
    });
    if (insufficient)
        return Outcome::error(409, QStringLiteral("insufficient_credits"),
                              QStringLiteral("The partner's balance is smaller than the amount."),
                              QStringLiteral("amount"));
    if (!ok || !balance)
        return internalError();
    return {201, QJsonObject{{QStringLiteral("id"), id},
                             {QStringLiteral("customer_id"), customerId.toString()},
                             {QStringLiteral("amount"), credits},
                             {QStringLiteral("balance"), *balance}}};
}

Outcome receiveWebhook(Gateway &gateway, const KeyPrincipal &key, const QString &source) {
    const QString id = newId(QLatin1StringView("evt"));
    const bool ok = gateway.store().write([&](QSqlDatabase &db) {
        QSqlQuery q =
            prepare(db, QStringLiteral("INSERT INTO webhook_events (id, partner_id, source, received_at,"
                                       " key_id) VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(id);
        q.addBindValue(key.partnerId);
        q.addBindValue(source);
        q.addBindValue(gateway.clock().nowSeconds());
        q.addBindValue(key.keyId);
        return exec(q);
    });
    if (!ok)
        return internalError();
    return {202, QJsonObject{{QStringLiteral("id"), id}}};
}

Outcome listWebhookEvents(Gateway &gateway, const KeyPrincipal &key, int limit) {
    QSqlQuery q = prepare(gateway.store().connection(),
                          QStringLiteral("SELECT id, source, received_at, key_id FROM webhook_events"
                                         " WHERE partner_id = ? ORDER BY received_at DESC, id LIMIT ?"));
    q.addBindValue(key.partnerId);
    q.addBindValue(limit);
    if (!exec(q))
        return internalError();
    QJsonArray events;
    while (q.next())
        events.append(QJsonObject{{QStringLiteral("id"), q.value(0).toString()},
                                  {QStringLiteral("source"), q.value(1).toString()},
                                  {QStringLiteral("received_at"), toRfc3339(q.value(2).toLongLong())},
                                  {QStringLiteral("key_id"), q.value(3).toString()}});
    return {200, QJsonObject{{QStringLiteral("events"), events}}};
}

} // namespace knotie::gateway::platform
