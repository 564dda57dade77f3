#include "gateway/demo.h"
#include "gateway/gateway.h"
#include "gateway/http/httpserver.h"
#include "gateway/http/serveroptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

#include <cstdio>
#include <thread>

using namespace knotie::gateway;

namespace {
int fail(const QString &message) {
    std::fprintf(stderr, "knotie-gateway: %s\n", qPrintable(message));
    return 1;
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
        QStringLiteral("data"), QStringLiteral("Folder of the SQLite database."), QStringLiteral("DIR"));
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
    parser.addOptions(
        {listenOption, dataOption, demoOption, demoPasswordOption, certOption, keyOption, testClockOption});
    const HttpLimitOptions limitOptions;
    limitOptions.addTo(parser);
    parser.process(app);

    if (!parser.isSet(dataOption))
        return fail(QStringLiteral("--data DIR is required"));
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
    HttpLimits limits;
    if (!limitOptions.read(parser, &limits, &error))
        return fail(error);

    Store store(parser.value(dataOption));
    if (!store.open(&error))
        return fail(error);
    Gateway gateway(store, Gateway::Options{parser.isSet(testClockOption)});
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
    if (!server.listen(host, static_cast<quint16>(port), &error))
        return fail(QStringLiteral("cannot listen on %1: %2").arg(listen, error));
    server.setTerminationHandler([&server] { server.stop(); });

    const bool ipv6 = host.contains(QLatin1Char(':'));
    std::printf("listening on %s://%s:%u\n", server.tlsEnabled() ? "https" : "http",
                qPrintable(ipv6 ? QLatin1Char('[') + host + QLatin1Char(']') : host), server.port());
    std::fflush(stdout);

    server.run(static_cast<int>(std::max(2U, std::thread::hardware_concurrency())));
    // Usage recorded up to the last answer is written before the process ends.
    gateway.stop();
    return 0;
}
