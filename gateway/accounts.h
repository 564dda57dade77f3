#pragma once

#include "gateway/requestcontext.h"

#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace knotie::gateway::accounts {

struct StoredUser {
    QString id;
    QString partnerId;
    QByteArray passwordHash;
};

// Emails compare case-insensitively: this is the form they are looked up by.
QString emailKey(const QString &email);

std::optional<StoredUser> findByEmail(const QSqlDatabase &db, const QString &email);
std::optional<Principal> findById(const QSqlDatabase &db, const QString &userId);
// The person behind a session token, if the session exists and has not expired.
std::optional<Principal> findBySessionToken(const QSqlDatabase &db, const QByteArray &token, qint64 now);

// A new random session token; only its SHA-256 is stored.
QByteArray newSessionToken();
QByteArray tokenHash(const QByteArray &token);

// Ends every session of a person but the one whose token hash is `keep` (empty: all),
// inside the caller's write() transaction.
bool endSessions(QSqlDatabase &db, const QString &userId, const QByteArray &keep = {});

// `{"id","name"}` of a person, as audit details name them.
QJsonObject personJson(const Principal &user);

QJsonObject userJson(const Principal &user);
// `{"id","name","owner":{"id","name","email"}}` for GET /v1/me.
QJsonObject partnerJson(const QSqlDatabase &db, const QString &partnerId);

} // namespace knotie::gateway::accounts
