#include "models/session/account.h"

#include <QJsonArray>

namespace knotie {

Account Account::fromUserJson(const QJsonObject &user) {
    Account a;
    a.user = {user.value(QStringLiteral("id")).toString(), user.value(QStringLiteral("name")).toString(),
              user.value(QStringLiteral("email")).toString()};
    a.role = roleFromWireName(user.value(QStringLiteral("role")).toString()).value_or(Role::Member);
    const QJsonArray permissions = user.value(QStringLiteral("permissions")).toArray();
    for (const QJsonValue &p : permissions)
        if (auto permission = permissionFromWireName(p.toString()))
            a.permissions.append(*permission);
    return a;
}

void Account::setPartnerJson(const QJsonObject &partner) {
    partnerId = partner.value(QStringLiteral("id")).toString();
    partnerName = partner.value(QStringLiteral("name")).toString();
    const QJsonObject o = partner.value(QStringLiteral("owner")).toObject();
    owner = {o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("name")).toString(),
             o.value(QStringLiteral("email")).toString()};
}

QJsonObject Account::toMeJson() const {
    const auto person = [](const Person &p) {
        return QJsonObject{{QStringLiteral("id"), p.id},
                           {QStringLiteral("name"), p.name},
                           {QStringLiteral("email"), p.email}};
    };
    QJsonObject u = person(user);
    u.insert(QStringLiteral("role"), roleWireName(role));
    u.insert(QStringLiteral("permissions"), QJsonArray::fromStringList(permissionWireNames(permissions)));
    return {{QStringLiteral("user"), u},
            {QStringLiteral("partner"), QJsonObject{{QStringLiteral("id"), partnerId},
                                                    {QStringLiteral("name"), partnerName},
                                                    {QStringLiteral("owner"), person(owner)}}}};
}

Account Account::fromMeJson(const QJsonObject &me) {
    Account a = fromUserJson(me.value(QStringLiteral("user")).toObject());
    a.setPartnerJson(me.value(QStringLiteral("partner")).toObject());
    return a;
}

} // namespace knotie
