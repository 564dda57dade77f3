#include "gateway/accounts.h"

#include "gateway/store.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>

namespace knotie::gateway {

std::optional<QJsonObject> parseJsonObject(const QByteArray &body) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

bool hasLoneSurrogate(QStringView text) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (text.at(i).isSurrogate())
            return true;
    }
    return false;
}

namespace accounts {

namespace {
Principal principalFrom(const QSqlQuery &q) {
    // Columns: id, partner_id, name, email, role, granted
    Principal p;
    p.userId = q.value(0).toString();
    p.partnerId = q.value(1).toString();
    p.name = q.value(2).toString();
    p.email = q.value(3).toString();
    p.role = roleFromWireName(q.value(4).toString()).value_or(Role::Member);
    QList<Permission> granted;
    const QStringList names = q.value(5).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &name : names)
        if (auto permission = permissionFromWireName(name))
            granted.append(*permission);
    p.permissions = effectivePermissions(p.role, granted);
    return p;
}
} // namespace

QString emailKey(const QString &email) {
    return email.trimmed().toCaseFolded();
}

std::optional<StoredUser> findByEmail(const QSqlDatabase &db, const QString &email) {
    QSqlQuery q = prepare(db, QStringLiteral("SELECT id, partner_id, password_hash FROM users"
                                             " WHERE email_key = ? AND removed_at IS NULL"));
    q.addBindValue(emailKey(email));
    if (!exec(q) || !q.next())
        return std::nullopt;
    return StoredUser{q.value(0).toString(), q.value(1).toString(), q.value(2).toByteArray()};
}

std::optional<Principal> findById(const QSqlDatabase &db, const QString &userId) {
    QSqlQuery q = prepare(db, QStringLiteral("SELECT id, partner_id, name, email, role, granted FROM users"
                                             " WHERE id = ? AND removed_at IS NULL"));
    q.addBindValue(userId);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return principalFrom(q);
}

std::optional<Principal> findBySessionToken(const QSqlDatabase &db, const QByteArray &token, qint64 now) {
    const QByteArray hash = tokenHash(token);
    QSqlQuery q = prepare(db, QStringLiteral("SELECT u.id, u.partner_id, u.name, u.email, u.role, u.granted,"
                                             " s.id, s.last_seen_at"
                                             " FROM sessions s JOIN users u ON u.id = s.user_id"
                                             " WHERE s.token_hash = ? AND s.expires_at > ?"
                                             " AND u.removed_at IS NULL"));
    q.addBindValue(hash);
    q.addBindValue(now);
    if (!exec(q) || !q.next())
        return std::nullopt;
    Principal p = principalFrom(q);
    p.tokenHash = hash;
    p.sessionId = q.value(6).toString();
    p.sessionLastSeenAt = q.value(7).toLongLong();
    return p;
}

QByteArray newSessionToken() {
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    return "kns_" + random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray tokenHash(const QByteArray &token) {
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

bool endSessions(QSqlDatabase &db, const QString &userId, const QByteArray &keep) {
    QSqlQuery q = prepare(
        db, QStringLiteral("DELETE FROM sessions WHERE user_id = ? AND token_hash IS DISTINCT FROM ?"));
    q.addBindValue(userId);
    q.addBindValue(keep.isEmpty() ? QVariant() : QVariant(keep));
    return exec(q);
}

QJsonObject personJson(const Principal &user) {
    return QJsonObject{{QStringLiteral("id"), user.userId}, {QStringLiteral("name"), user.name}};
}

QJsonObject userJson(const Principal &user) {
    return QJsonObject{
        {QStringLiteral("id"), user.userId},
        {QStringLiteral("email"), user.email},
        {QStringLiteral("name"), user.name},
        {QStringLiteral("role"), roleWireName(user.role)},
        {QStringLiteral("permissions"), QJsonArray::fromStringList(permissionWireNames(user.permissions))}};
}

QJsonObject partnerJson(const QSqlDatabase &db, const QString &partnerId) {
    QSqlQuery q = prepare(db, QStringLiteral("SELECT p.id, p.name, u.id, u.name, u.email FROM partners p"
                                             " LEFT JOIN users u ON u.partner_id = p.id AND u.role = 'owner'"
                                             " WHERE p.id = ?"));
    q.addBindValue(partnerId);
    if (!exec(q) || !q.next())
        return {};
    return QJsonObject{
        {QStringLiteral("id"), q.value(0).toString()},
        {QStringLiteral("name"), q.value(1).toString()},
        {QStringLiteral("owner"), QJsonObject{{QStringLiteral("id"), q.value(2).toString()},
                                              {QStringLiteral("name"), q.value(3).toString()},
                                              {QStringLiteral("email"), q.value(4).toString()}}}};
}

} // namespace accounts
} // namespace knotie::gateway
