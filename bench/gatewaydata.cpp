// Prepares a gateway data folder for the benchmarks: one partner, its owner (password
// "bench-password"), eight partner keys, and REQUESTS Platform API requests spread over
// the last 90 days, recorded through the gateway's own UsageRecorder (the path every
// request takes). The first key's secret goes to SECRET_FILE (mode 0600) for wrk. With a
// DATABASE (a --database URI), the data goes there instead of DIR's SQLite file.
#include "gateway/accounts.h"
#include "gateway/apikeys.h"
#include "gateway/passwords.h"
#include "gateway/store.h"
#include "gateway/usage.h"

#include "models/domain/keyformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QSqlQuery>

#include <cstdio>
#include <random>

using namespace knotie;
using namespace knotie::gateway;

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    if (argc != 4 && argc != 5) {
        std::fprintf(stderr, "usage: bench_gatewaydata DIR REQUESTS SECRET_FILE [DATABASE]\n");
        return 2;
    }
    const QString directory = QString::fromLocal8Bit(argv[1]);
    const qint64 requests = QByteArray(argv[2]).toLongLong();
    QString error;
    const auto location =
        DatabaseLocation::parse(argc == 5 ? QString::fromLocal8Bit(argv[4]) : QString(), &error);
    if (!location) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    Store store(directory, *location);
    if (!store.open(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QStringList keyIds;
    QByteArray firstSecret;
    const QByteArray passwordHash = passwords::hash("bench-password");
    const bool seeded = store.write([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        bool ok = q.exec(QStringLiteral("INSERT INTO partners (id, name, credit_balance, created_at)"
                                        " VALUES ('ptr_bench', 'Bench Agency', 100000, %1)")
                             .arg(now - 400 * 86400));
        QSqlQuery user =
            prepare(db, QStringLiteral("INSERT INTO users (id, partner_id, email, email_key, name, role,"
                                       " password_hash, created_at) VALUES ('usr_bench', 'ptr_bench',"
                                       " ?, ?, 'Bench Owner', 'owner', ?, ?)"));
        user.addBindValue(QStringLiteral("bench@bench.test"));
        user.addBindValue(accounts::emailKey(QStringLiteral("bench@bench.test")));
        user.addBindValue(QString::fromLatin1(passwordHash));
        user.addBindValue(now - 400 * 86400);
        ok = ok && exec(user);
        QSqlQuery key =
            prepare(db, QStringLiteral("INSERT INTO api_keys (id, partner_id, name, type, prefix, last4,"
                                       " secret_hash, created_at, created_by, change_seq)"
                                       " VALUES (?, 'ptr_bench', ?, 'partner', ?, ?, ?, ?, 'usr_bench', ?)"));
        for (int i = 0; i < 8 && ok; ++i) {
            const QByteArray secret = keyformat::generate(KeyType::Partner);
            if (i == 0)
                firstSecret = secret;
            keyIds << QStringLiteral("key_bench_%1").arg(i);
            key.addBindValue(keyIds.last());
            key.addBindValue(QStringLiteral("Bench key %1").arg(i));
            key.addBindValue(QString::fromLatin1(secret.first(keyformat::prefixLength)));
            key.addBindValue(QString::fromLatin1(secret.last(4)));
            key.addBindValue(apikeys::secretHash(secret));
            key.addBindValue(now - 100 * 86400);
            key.addBindValue(i + 1);
            ok = exec(key);
        }
        return ok;
    });
    if (!seeded) {
        std::fprintf(stderr, "could not seed %s\n", qPrintable(directory));
        return 1;
    }
    QFile secretFile(QString::fromLocal8Bit(argv[3]));
    if (!secretFile.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !secretFile.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        secretFile.write(firstSecret) < 0) {
        std::fprintf(stderr, "cannot write the secret file\n");
        return 1;
    }
    secretFile.close();

    const QList<QPair<QByteArray, QString>> routes{
        {"GET", QStringLiteral("/api/v1/customers")},
        {"GET", QStringLiteral("/api/v1/customers/{id}")},
        {"POST", QStringLiteral("/api/v1/customers/{id}/automations/{name}/runs")},
        {"GET", QStringLiteral("/api/v1/analytics")},
        {"POST", QStringLiteral("/api/v1/webhooks/{source}")},
        {"GET", QStringLiteral("/api/v1/whoami")},
    };
    std::mt19937_64 random(42);
    std::lognormal_distribution<double> latency(std::log(30000.0), 0.6); // microseconds, median 30 ms
    std::uniform_int_distribution<int> percent(0, 99);
    const qint64 span = 90 * 86400;
    const qint64 start = now - now % 3600 - span;
    UsageRecorder recorder(store, QString());
    for (qint64 i = 0; i < requests; ++i) {
        const int p = percent(random);
        const auto &[method, route] = routes.at(i % routes.size());
        const int status = p < 95 ? 200 : p < 99 ? 404 : 500;
        recorder.record({.partnerId = QStringLiteral("ptr_bench"),
                         .keyId = keyIds.at(static_cast<qsizetype>((i / 7) % keyIds.size())),
                         .at = start + i * span / requests,
                         .method = method,
                         .route = route,
                         .status = status,
                         .latencyMicros = static_cast<qint64>(latency(random)),
                         .errorCode = status == 404   ? QStringLiteral("not_found")
                                      : status == 500 ? QStringLiteral("internal")
                                                      : QString()});
        if (i % 250000 == 249999 && !recorder.flush())
            return 1;
    }
    recorder.stop();
    std::printf("recorded %lld requests over 90 days in %s\n", static_cast<long long>(requests),
                qPrintable(directory));
    return 0;
}
