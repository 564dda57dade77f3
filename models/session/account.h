#pragma once

#include "models/domain/permissions.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace knotie {

struct Person {
    QString id;
    QString name;
    QString email;
};

// The signed-in person and their partner account, as GET /v1/me describes them.
struct Account {
    Person user;
    Role role = Role::Member;
    QList<Permission> permissions;
    QString partnerId;
    QString partnerName;
    Person owner; // whom to ask for access

    bool has(Permission p) const { return permissions.contains(p); }

    // From a `User` object of API.md (POST /v1/sessions, GET /v1/me).
    static Account fromUserJson(const QJsonObject &user);
    // Adds the `partner` object of GET /v1/me.
    void setPartnerJson(const QJsonObject &partner);
    // The body of GET /v1/me for this account, so it can be kept and read back.
    QJsonObject toMeJson() const;
    static Account fromMeJson(const QJsonObject &me);
};

} // namespace knotie
