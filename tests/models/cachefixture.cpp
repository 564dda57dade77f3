// knotie-cache-fixture VERSION OUT.sqlite: writes a cache file of schema VERSION with a
// few known rows, for tests/fixtures/. When a migration is added, run it once for the
// new version, commit the file, and keep every older one: tst_cache migrates each.
#include "models/cache/cache.h"

#include <QCoreApplication>
#include <QFile>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

using namespace knotie;

namespace {
// The rows each schema version can hold, in that version's own columns.
const QMap<int, QStringList> &fixtureRows() {
    static const QMap<int, QStringList> rows = [] {
        QMap<int, QStringList> r{
            {1,
             {
                 QStringLiteral("INSERT INTO keys VALUES ('key_fixture','N8N Production','From the fixture',"
                                "'customer','cus_fixture','kn_ck_','Ab3d','active',1764000000,'usr_owner',"
                                "'Maya Lindqvist',1764100000,NULL,NULL,NULL,NULL,NULL,NULL,100,60)"),
                 QStringLiteral("INSERT INTO customers VALUES ('cus_fixture','Acme',1763000000)"),
                 QStringLiteral(
                     "INSERT INTO team VALUES ('usr_owner','owner@demo.test','Maya Lindqvist','owner',"
                     "'settings.manage analytics.view customers.view team.manage')"),
                 QStringLiteral("INSERT INTO audit_events VALUES ('evt_fixture',1764000000,'usr_owner',"
                                "'Maya Lindqvist','key.created','key_fixture','{}')"),
                 QStringLiteral("INSERT INTO usage_buckets VALUES ('all','day',1764028800,10,8,1,1,120)"),
                 QStringLiteral("INSERT INTO sync_state VALUES ('keys','fixture-cursor',1764100000)"),
             }},
        };
        r.insert(2, r[1]); // 2 added an index only
        // 3: buckets say whether they are final; detail answers are kept.
        QStringList v3 = r[2];
        v3.replaceInStrings(QStringLiteral("'all','day',1764028800,10,8,1,1,120)"),
                            QStringLiteral("'all','day',1764028800,10,8,1,1,120,1)"));
        v3.append(QStringLiteral("INSERT INTO usage_answers VALUES ('keys:day:86400',1764028800,1764115200,"
                                 "1764120000,'{\"endpoints\":[],\"keys\":[{\"key_id\":\"key_fixture\","
                                 "\"requests\":10,\"errors\":2}]}')"));
        r.insert(3, v3);
        // 4: a key names its custodian when it is not its creator.
        QStringList v4 = r[3];
        v4.replaceInStrings(
            QStringLiteral("NULL,NULL,NULL,NULL,NULL,NULL,100,60)"),
            QStringLiteral("NULL,NULL,NULL,NULL,NULL,NULL,100,60,'usr_jonas','Jonas Becker')"));
        r.insert(4, v4);
        return r;
    }();
    return rows;
}
} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int version = args.value(1).toInt();
    if (args.size() != 3 || !fixtureRows().contains(version)) {
        std::fprintf(stderr, "usage: knotie-cache-fixture VERSION OUT.sqlite (known versions: 1..%d)\n",
                     Cache::schemaVersion());
        return 2;
    }
    QFile::remove(args[2]);
    Cache cache(args[2]);
    if (cache.open(version).status != Cache::OpenStatus::Ok)
        return 1;
    const bool ok = cache.write([&](QSqlDatabase &db) {
        for (const QString &sql : fixtureRows()[version]) {
            QSqlQuery q(db);
            if (!q.exec(sql)) {
                std::fprintf(stderr, "%s\n", qPrintable(q.lastError().text()));
                return false;
            }
        }
        return true;
    });
    return ok ? 0 : 1;
}
