#include "gateway/demo.h"

#include "gateway/accounts.h"
#include "gateway/demoaudit.h"
#include "gateway/demokeys.h"
#include "gateway/passwords.h"

#include <QDeadlineTimer>
#include <QSqlQuery>

#include <future>
#include <vector>

namespace knotie::gateway {

namespace {
struct DemoUser {
    const char *id;
    const char *partnerId;
    const char *email;
    const char *name;
    const char *role;
    const char *granted;
};

constexpr DemoUser demoUsers[] = {
    {"usr_maya", "ptr_demo", "owner@demo.test", "Maya Lindqvist", "owner", ""},
    {"usr_jonas", "ptr_demo", "admin@demo.test", "Jonas Becker", "admin", ""},
    {"usr_priya", "ptr_demo", "member@demo.test", "Priya Raman", "member", "analytics.view,customers.view"},
    {"usr_sam", "ptr_other", "other@demo.test", "Sam Okafor", "owner", ""},
};

struct DemoCustomer {
    const char *id;
    const char *partnerId;
    const char *name;
    int ageDays;
};

constexpr DemoCustomer demoCustomers[] = {
    {"cus_brightside", "ptr_demo", "Brightside Dental", 210},
    {"cus_northwind", "ptr_demo", "Northwind Logistics", 180},
    {"cus_harborpine", "ptr_demo", "Harbor & Pine Realty", 150},
    {"cus_sunrise", "ptr_demo", "Sunrise Yoga Studio", 120},
    {"cus_copperleaf", "ptr_demo", "Copperleaf Law Group", 95},
    {"cus_atlas", "ptr_demo", "Atlas Home Services", 40},
    {"cus_lakeside", "ptr_other", "Lakeside Bakery", 60},
};
} // namespace

namespace {
bool hasPartners(const QSqlDatabase &db) {
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM partners")) && q.next() && q.value(0).toInt() > 0;
}
} // namespace

bool seedDemo(Store &store, const QByteArray &password, qint64 now, QString *error) {
    if (hasPartners(store.connection()))
        return true;
    // Each hash takes ~0.2 s; computing them side by side, while the keys and their history
    // are seeded, keeps start-up short.
    std::vector<std::future<QByteArray>> hashes;
    for (std::size_t i = 0; i < std::size(demoUsers); ++i)
        hashes.push_back(std::async(std::launch::async, [password] { return passwords::hash(password); }));

    const auto seed = [&](QSqlDatabase &db) {
        // Asked again under the write lock: instances started at once on one PostgreSQL
        // database all found it empty above; the first to get here seeds, the others
        // find its partners and leave them be.
        if (hasPartners(db))
            return true;
        QSqlQuery partner =
            prepare(db, QStringLiteral("INSERT INTO partners (id, name, credit_balance, created_at)"
                                       " VALUES (?, ?, ?, ?)"));
        for (const auto &[id, name] :
             {std::pair{"ptr_demo", "Demo Agency"}, std::pair{"ptr_other", "Other Agency"}}) {
            partner.addBindValue(QLatin1String(id));
            partner.addBindValue(QLatin1String(name));
            partner.addBindValue(100000);
            partner.addBindValue(now - 400 * 86400);
            if (!exec(partner))
                return false;
        }
        QSqlQuery user =
            prepare(db, QStringLiteral("INSERT INTO users (id, partner_id, email, email_key, name, role,"
                                       " granted, password_hash, created_at)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (std::size_t i = 0; i < std::size(demoUsers); ++i) {
            const DemoUser &u = demoUsers[i];
            user.addBindValue(QLatin1String(u.id));
            user.addBindValue(QLatin1String(u.partnerId));
            user.addBindValue(QLatin1String(u.email));
            user.addBindValue(accounts::emailKey(QLatin1String(u.email)));
            user.addBindValue(QString::fromUtf8(u.name));
            user.addBindValue(QLatin1String(u.role));
            user.addBindValue(QLatin1String(u.granted));
            user.addBindValue(QStringLiteral("")); // set below, once computed: the transaction hides the gap
            user.addBindValue(now - 365 * 86400);
            if (!exec(user))
                return false;
        }
        QSqlQuery customer = prepare(
            db,
            QStringLiteral("INSERT INTO customers (id, partner_id, name, created_at) VALUES (?, ?, ?, ?)"));
        for (const DemoCustomer &c : demoCustomers) {
            customer.addBindValue(QLatin1String(c.id));
            customer.addBindValue(QLatin1String(c.partnerId));
            customer.addBindValue(QString::fromUtf8(c.name));
            customer.addBindValue(now - c.ageDays * 86400);
            if (!exec(customer))
                return false;
        }
        if (!seedDemoKeys(db, now) || !seedDemoAudit(db, now))
            return false;
        QSqlQuery setHash = prepare(db, QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"));
        for (std::size_t i = 0; i < std::size(demoUsers); ++i) {
            setHash.addBindValue(QString::fromLatin1(hashes[i].get()));
            setHash.addBindValue(QLatin1String(demoUsers[i].id));
            if (!exec(setHash))
                return false;
        }
        return true;
    };
    // An instance seeding the same database holds the write lock for as long as seeding
    // takes (tens of seconds on PostgreSQL): wait for it rather than give up.
    QDeadlineTimer patience(std::chrono::minutes(10));
    Store::WriteResult seeded = store.write(seed);
    while (seeded.busy() && !patience.hasExpired())
        seeded = store.write(seed);
    const bool ok = seeded;
    if (!ok && error)
        *error = QStringLiteral("could not seed the demo accounts");
    return ok;
}

} // namespace knotie::gateway
