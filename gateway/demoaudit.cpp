#include "gateway/demoaudit.h"

#include "gateway/audit.h"
#include "gateway/clock.h"
#include "gateway/store.h"
#include "models/domain/auditactions.h"

#include <QHash>
#include <QJsonArray>
#include <QSqlQuery>

#include <algorithm>
#include <vector>

namespace knotie::gateway {

namespace {
constexpr qint64 minute = 60;
constexpr qint64 hour = 3600;
constexpr qint64 day = 86400;

// Changes of name or description after a key was made; the stored name is the one after.
struct DemoRename {
    const char *keyId;
    const char *by;
    qint64 afterCreation;
    const char *nameBefore; // nullptr: only the description changed
};
constexpr DemoRename renames[] = {
    {"key_brightside", "usr_maya", 2 * day + 3 * hour, "Brightside Bot"},
    {"key_metabase", "usr_jonas", 1 * day + 2 * hour, "Metabase"},
    {"key_zapier", "usr_maya", 30 * day + 5 * hour, nullptr},
};

// The owner widened the member's grants once; what they are now is what the seed stored.
struct DemoGrantChange {
    const char *userId;
    const char *by;
    qint64 at; // offset from now
    const char *before;
};
constexpr DemoGrantChange grantChanges[] = {
    {"usr_priya", "usr_maya", -75 * day + 4 * hour, "analytics.view"},
};

// Sign-ins of people who only look around; those who change something sign in first
// (see addSignIns).
struct DemoSignIn {
    const char *userId;
    qint64 at; // offset from now
    bool remember;
};
constexpr DemoSignIn signIns[] = {
    {"usr_priya", -74 * day + 2 * hour, false}, {"usr_priya", -31 * day + 5 * hour, true},
    {"usr_priya", -9 * day + 3 * hour, true},   {"usr_maya", -20 * hour, true},
    {"usr_priya", -26 * hour, false},           {"usr_sam", -4 * day + 6 * hour, false},
};

struct Person {
    QString partnerId;
    QString name;
    QString granted;
};

struct StoredKey {
    QString id;
    QString name;
    QString type;
    qint64 createdAt = 0;
    QString createdBy;
    qint64 expiresAt = 0;
    qint64 revokedAt = 0;
    QString revokedBy;
    QString replaces;
};

struct Entry {
    qint64 at;
    audit::Event event;
};

bool loadPeople(const QSqlDatabase &db, QHash<QString, Person> *people) {
    QSqlQuery q = prepare(db, QStringLiteral("SELECT id, partner_id, name, granted FROM users"));
    if (!exec(q))
        return false;
    while (q.next())
        people->insert(q.value(0).toString(),
                       Person{q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
    return true;
}

bool loadKeys(const QSqlDatabase &db, std::vector<StoredKey> *keys) {
    // In a fixed order, so events at the same moment are always recorded alike.
    QSqlQuery q = prepare(db, QStringLiteral("SELECT id, name, type, created_at, created_by, expires_at,"
                                             " revoked_at, revoked_by, replaces FROM api_keys ORDER BY id"));
    if (!exec(q))
        return false;
    while (q.next()) {
        const StoredKey k{q.value(0).toString(),   q.value(1).toString(), q.value(2).toString(),
                          q.value(3).toLongLong(), q.value(4).toString(), q.value(5).toLongLong(),
                          q.value(6).toLongLong(), q.value(7).toString(), q.value(8).toString()};
        keys->push_back(k);
    }
    return true;
}

const DemoRename *renameOf(const QString &keyId) {
    for (const DemoRename &r : renames)
        if (keyId == QLatin1String(r.keyId))
            return &r;
    return nullptr;
}

// What the gateway's own routes record for these actions, with the same details.
std::vector<Entry> keyEvents(const std::vector<StoredKey> &keys, const QHash<QString, Person> &people) {
    const auto by = [&](const QString &userId, const QString &action, const QString &keyId,
                        const QJsonObject &details) {
        const Person person = people.value(userId);
        return audit::Event{person.partnerId, userId, person.name, action, keyId, details};
    };
    std::vector<Entry> entries;
    for (const StoredKey &k : keys) {
        const DemoRename *rename = renameOf(k.id);
        if (k.replaces.isEmpty()) {
            const QString nameThen =
                rename && rename->nameBefore ? QString::fromUtf8(rename->nameBefore) : k.name;
            entries.push_back({k.createdAt, by(k.createdBy, QString(auditaction::keyCreated), k.id,
                                               audit::keyCreated(nameThen, k.type))});
        } else {
            // A rotation makes the successor; the event is the previous key's, as POST .../rotate records it.
            const StoredKey &previous = *std::find_if(keys.begin(), keys.end(),
                                                      [&](const StoredKey &p) { return p.id == k.replaces; });
            entries.push_back({k.createdAt, by(k.createdBy, QString(auditaction::keyRotated), previous.id,
                                               audit::keyRotated(k.id, previous.expiresAt - k.createdAt,
                                                                 previous.expiresAt))});
        }
        if (rename) {
            const QJsonObject details =
                audit::keyRenamed(QString::fromUtf8(rename->nameBefore), k.name, !rename->nameBefore);
            entries.push_back(
                {k.createdAt + rename->afterCreation,
                 by(QLatin1String(rename->by), QString(auditaction::keyRenamed), k.id, details)});
        }
        if (k.revokedAt != 0)
            entries.push_back({k.revokedAt, by(k.revokedBy, QString(auditaction::keyRevoked), k.id,
                                               audit::keyRevoked(k.name))});
    }
    return entries;
}

audit::Event signInOf(const QString &userId, const Person &person, bool remember) {
    audit::Event event{person.partnerId, userId, person.name, QString(auditaction::sessionCreated), {}, {}};
    event.details.insert(QStringLiteral("remember"), remember);
    return event;
}

// Nobody changes anything without a session: whoever acts with none open (a session
// lasts 12 hours, 30 days when remembered) signs in a few minutes earlier.
void addSignIns(std::vector<Entry> &entries, const QHash<QString, Person> &people) {
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.at < b.at; });
    QHash<QString, qint64> sessionEnds;
    std::vector<Entry> added;
    for (const Entry &e : entries) {
        const QString &who = e.event.actorId;
        if (e.event.action == auditaction::sessionCreated) {
            const bool remembered = e.event.details.value(QLatin1String("remember")).toBool();
            sessionEnds.insert(who, e.at + (remembered ? 30 * day : 12 * hour));
            continue;
        }
        if (e.at < sessionEnds.value(who))
            continue;
        const qint64 at = e.at - static_cast<qint64>(3 + added.size() * 7 % 17) * minute;
        added.push_back({at, signInOf(who, people.value(who), false)});
        sessionEnds.insert(who, at + 12 * hour);
    }
    entries.insert(entries.end(), added.begin(), added.end());
}
} // namespace

bool seedDemoAudit(QSqlDatabase &db, qint64 now) {
    QHash<QString, Person> people;
    std::vector<StoredKey> keys;
    if (!loadPeople(db, &people) || !loadKeys(db, &keys))
        return false;
    std::vector<Entry> entries = keyEvents(keys, people);
    for (const DemoGrantChange &g : grantChanges) {
        const QString userId = QLatin1String(g.userId);
        const Person target = people.value(userId);
        const Person owner = people.value(QLatin1String(g.by));
        entries.push_back(
            {now + g.at,
             audit::Event{
                 owner.partnerId,
                 QLatin1String(g.by),
                 owner.name,
                 QString(auditaction::teamPermissionsChanged),
                 QString(),
                 {{QStringLiteral("user_id"), userId},
                  {QStringLiteral("user_name"), target.name},
                  {QStringLiteral("before"),
                   QJsonArray::fromStringList(QString::fromLatin1(g.before).split(QLatin1Char(',')))},
                  {QStringLiteral("after"), QJsonArray::fromStringList(target.granted.split(
                                                QLatin1Char(','), Qt::SkipEmptyParts))}}}});
    }
    for (const DemoSignIn &s : signIns) {
        const QString userId = QLatin1String(s.userId);
        entries.push_back({now + s.at, signInOf(userId, people.value(userId), s.remember)});
    }
    addSignIns(entries, people);
    // GET /v1/audit lists by change number: recording in time order makes that oldest first.
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.at < b.at; });
    for (const Entry &e : entries)
        if (!audit::record(db, e.event, e.at))
            return false;
    return true;
}

} // namespace knotie::gateway
