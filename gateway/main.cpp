#include "gateway/demo.h"
#include "gateway/gateway.h"
#include "gateway/http/httpserver.h"
#include "gateway/http/serveroptions.h"
#include "gateway/usagespool.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <cstdio>
#include <thread>

using namespace knotie::gateway;

namespace {
QString logName = QStringLiteral("knotie-gateway"); // with the instance's name once known

int fail(const QString &message) {
    std::fprintf(stderr, "%s: %s\n", qPrintable(logName), qPrintable(message));
    return 1;
}

// Every log line names the instance (--instance, else the --data folder's instance id), so
// the logs of several instances gathered in one place tell them apart.
bool nameTheLogs(const QString &given, const QString &dataDirectory, QString *error) {
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    const QString name =
        given.isEmpty() ? UsageSpool::instanceId(Gateway::usageSpoolDirectory(dataDirectory), error) : given;
    if (name.isEmpty())
        return false;
    if (!allowed.match(name).hasMatch()) {
        *error = QStringLiteral("--instance wants 1 to 64 letters, digits, '.', '_' or '-'");
        return false;
    }
    logName = QStringLiteral("knotie-gateway[%1]").arg(name);
    qSetMessagePattern(logName + QStringLiteral(" %{if-category}%{category}: %{endif}%{message}"));
    return true;
}

// A core dump would hold whatever passwords and session tokens were in memory: the
// process is made non-dumpable (no core file, no ptrace or /proc/PID/mem by the same
// user) unless profiling asks otherwise.
bool forbidCoreDumps() {
    const rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
    return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
}

// The database holds password hashes, key hashes and the audit log: only the gateway's
// own user may read it. The umask covers every file SQLite makes later (-wal, -shm,
// journals); the chmods mend a folder and files made by an older version.
bool secureDataFolder(const QString &directory, QString *error) {
    umask(S_IRWXG | S_IRWXO);
    if (!QDir().mkpath(directory)) {
        *error = QStringLiteral("cannot create the data folder %1").arg(directory);
        return false;
    }
    if (chmod(QFile::encodeName(directory).constData(), S_IRWXU) != 0) {
        *error = QStringLiteral("cannot make the data folder %1 private").arg(directory);
        return false;
    }
    const QStringList files = QDir(directory).entryList({QStringLiteral("gateway.sqlite*")}, QDir::Files);
    for (const QString &file : files)
        chmod(QFile::encodeName(QDir(directory).filePath(file)).constData(), S_IRUSR | S_IWUSR);
    return true;
}
} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("knotie-gateway"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KNOTIE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The Knotie AI Pro reference API gateway."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listenOption(QStringLiteral("listen"),
                                          QStringLiteral("Address to listen on (port 0 picks a free one)."),
                                          QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8787"));
    const QCommandLineOption dataOption(
        QStringLiteral("data"),
        QStringLiteral(
            "This instance's own folder: the SQLite database (unless --database names another) and "
            "the usage spool."),
        QStringLiteral("DIR"));
    const QCommandLineOption databaseOption(
        QStringLiteral("database"),
        QStringLiteral("Where the data lives: `sqlite` (the file in --data, the default) or a PostgreSQL "
                       "database several gateways may share, postgresql://USER[:PASSWORD]@HOST:PORT/DBNAME "
                       "(libpq's URI; its password is never logged)."),
        QStringLiteral("URL"), QStringLiteral("sqlite"));
    const QCommandLineOption instanceOption(
        QStringLiteral("instance"),
        QStringLiteral("This instance's name in every log line (default: the id kept in --data)."),
        QStringLiteral("NAME"));
    const QCommandLineOption redisOption(
        QStringLiteral("redis"),
        QStringLiteral("Count rate limits in this Redis, shared by every gateway instance that names it "
                       "(redis://HOST:PORT). While it cannot be reached each instance counts on its own, "
                       "and /healthz says so. Without it each instance always counts on its own."),
        QStringLiteral("URL"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QStringLiteral("Seed the demo accounts on an empty database."));
    const QCommandLineOption demoPasswordOption(QStringLiteral("demo-password"),
                                                QStringLiteral("Password of every demo user."),
                                                QStringLiteral("PW"), QStringLiteral("knotie-demo"));
    const QCommandLineOption certOption(
        QStringLiteral("tls-cert"), QStringLiteral("PEM certificate: serve https."), QStringLiteral("FILE"));
    const QCommandLineOption keyOption(
        QStringLiteral("tls-key"), QStringLiteral("PEM private key for --tls-cert."), QStringLiteral("FILE"));
    const QCommandLineOption testClockOption(
        QStringLiteral("test-clock"),
        QStringLiteral("Tests only, loopback only: POST /_test/clock moves time forward."));
    const QCommandLineOption allowCoreDumpsOption(
        QStringLiteral("allow-core-dumps"),
        QStringLiteral("For profiling and debugging only: leave the process dumpable (core files and "
                       "debuggers may then see passwords in memory)."));
    const QCommandLineOption trustedProxyOption(
        QStringLiteral("trusted-proxy"),
        QStringLiteral("Connections from this address block (repeatable) start with a PROXY protocol v2 "
                       "header naming the client."),
        QStringLiteral("CIDR"));
    const QCommandLineOption servingThreadsOption(
        QStringLiteral("serving-threads"),
        QStringLiteral("Threads that read requests and write answers (default: one fewer than the "
                       "processors, at least one: a processor is left to the usage writer, the database "
                       "and password work, and the kernel's network work)."),
        QStringLiteral("N"));
    parser.addOptions({listenOption, dataOption, databaseOption, redisOption, instanceOption, demoOption,
                       demoPasswordOption, certOption, keyOption, testClockOption, allowCoreDumpsOption,
                       trustedProxyOption, servingThreadsOption});
    const HttpLimitOptions limitOptions;
    limitOptions.addTo(parser);
    parser.process(app);

    if (!parser.isSet(allowCoreDumpsOption) && !forbidCoreDumps())
        return fail(QStringLiteral("cannot turn core dumps off (use --allow-core-dumps to run anyway)"));
    QList<proxyprotocol::Cidr> trustedProxies;
    for (const QString &block : parser.values(trustedProxyOption)) {
        const auto cidr = proxyprotocol::parseCidr(block);
        if (!cidr)
            return fail(QStringLiteral("--trusted-proxy wants an address block such as 10.0.0.0/8, not '%1'")
                            .arg(block));
        trustedProxies.append(*cidr);
    }

    if (!parser.isSet(dataOption))
        return fail(QStringLiteral("--data DIR is required"));
    const int cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    int servingThreads = std::max(1, cores - 1);
    if (parser.isSet(servingThreadsOption)) {
        bool ok = false;
        servingThreads = parser.value(servingThreadsOption).toInt(&ok);
        if (!ok || servingThreads < 1 || servingThreads > 256)
            return fail(QStringLiteral("--serving-threads wants a number from 1 to 256, not '%1'")
                            .arg(parser.value(servingThreadsOption)));
    }
    const QString listen = parser.value(listenOption);
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
    if (colon <= 0 || !portOk || port > 65535)
        return fail(QStringLiteral("--listen wants HOST:PORT, for example 127.0.0.1:8787"));
    QString host = listen.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const bool loopback = host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
    if (parser.isSet(testClockOption) && !loopback)
        return fail(QStringLiteral("--test-clock is only allowed on a loopback address"));
    if (parser.isSet(certOption) != parser.isSet(keyOption))
        return fail(QStringLiteral("--tls-cert and --tls-key go together"));

    QString error;
    const std::optional<DatabaseLocation> database =
        DatabaseLocation::parse(parser.value(databaseOption), &error);
    if (!database)
        return fail(error);
    std::optional<RedisRateLimiter::Options> redis;
    if (parser.isSet(redisOption)) {
        redis = RedisRateLimiter::optionsFromUrl(parser.value(redisOption), &error);
        if (!redis)
            return fail(error);
    } else if (database->engine == DatabaseLocation::Engine::PostgreSQL) {
        std::fprintf(stderr, "knotie-gateway: no --redis: this instance counts rate limits on its own; "
                             "with several instances a key may get its limit from each\n");
    }
    HttpLimits limits;
    if (!limitOptions.read(parser, &limits, &error))
        return fail(error);

    if (!secureDataFolder(parser.value(dataOption), &error))
        return fail(error);
    if (!nameTheLogs(parser.value(instanceOption), parser.value(dataOption), &error))
        return fail(error);
    Store store(parser.value(dataOption), *database);
    if (!store.open(&error))
        return fail(error);
    Gateway gateway(store, Gateway::Options{parser.isSet(testClockOption), cores, redis});
    if (parser.isSet(demoOption) &&
        !seedDemo(store, parser.value(demoPasswordOption).toUtf8(), gateway.clock().nowSeconds(), &error))
        return fail(error);

    HttpServer server(
        [&gateway](HttpRequest request, Responder respond) {
            gateway.handle(std::move(request), std::move(respond));
        },
        limits);
    if (parser.isSet(certOption) &&
        !server.enableTls(parser.value(certOption), parser.value(keyOption), &error))
        return fail(QStringLiteral("cannot load the TLS certificate or key: %1").arg(error));
    const SignInBudget &checks = gateway.passwordChecks();
    qInfo("password checks take ~%lld ms here: %d at most wait, %d per client address, on %d threads",
          static_cast<long long>(
              std::chrono::duration_cast<std::chrono::milliseconds>(checks.checkCost()).count()),
          checks.capacity(), checks.perAddressCapacity(), checks.workers());
    server.setTrustedProxies(trustedProxies);
    if (!server.listen(host, static_cast<quint16>(port), &error))
        return fail(QStringLiteral("cannot listen on %1: %2").arg(listen, error));
    // Held answers (change waits) are given first, empty, so the server's drain writes them.
    server.setTerminationHandler([&server, &gateway] {
        gateway.endHeldAnswers();
        server.stop();
    });

    const bool ipv6 = host.contains(QLatin1Char(':'));
    std::printf("listening on %s://%s:%u\n", server.tlsEnabled() ? "https" : "http",
                qPrintable(ipv6 ? QLatin1Char('[') + host + QLatin1Char(']') : host), server.port());
    std::fflush(stdout);

    // Stopping goes in order: held answers end, the server stops accepting, writes the
    // answers under way and stops serving (run() returns once every serving thread has
    // left), then the gateway drops the queued password checks,
    // waits for the running ones and writes the usage still in memory; only then are
    // the server, the gateway and the store destroyed, in that order.
    server.run(servingThreads);
    gateway.stop();
    return 0;
}
