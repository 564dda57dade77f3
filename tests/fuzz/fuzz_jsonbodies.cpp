// libFuzzer target: JSON bodies through the gateway's own parsing and field checks, on
// the routes that take a body, in a real Gateway over a real SQLite store (no sockets).
// The first byte picks the route; the rest is the body. A finding is a crash, a
// sanitizer report or a 5xx answer.

#include "gateway/demo.h"
#include "gateway/gateway.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>

using namespace knotie::gateway;

namespace {

struct Target {
    const char *method;
    const char *path;
    bool apiKey; // Platform API (X-API-Key) rather than the Portal API (session)
};

// Routes that read a JSON body and answer without waiting for a password hash.
constexpr Target targets[] = {
    {"POST", "/v1/keys", false},
    {"PATCH", "/v1/keys/key_make_2", false},
    {"POST", "/v1/keys/key_onboarding/rotate", false},
    {"POST", "/v1/keys/check", false},
    {"PATCH", "/v1/team/usr_priya", false},
    {"POST", "/api/v1/customers", true},
    {"PATCH", "/api/v1/customers/cus_northwind", true},
    {"POST", "/api/v1/customers/cus_northwind/automations/weekly-report/runs", true},
    {"POST", "/mcp", true},
};

// The database lives in memory-backed /dev/shm when there is one: every write is
// synchronous=FULL, and an fsync per input on a shared disk would leave the fuzzer
// measuring the disk rather than the parsing.
QString scratchFolder() {
    const QString shm = QStringLiteral("/dev/shm");
    return QFileInfo(shm).isWritable() ? shm + QStringLiteral("/fuzz_jsonbodies-XXXXXX")
                                       : QDir::tempPath() + QStringLiteral("/fuzz_jsonbodies-XXXXXX");
}

// The demo's people, customers and keys, without its 90 days of usage history: no route
// fuzzed here reads usage except the MCP get_usage tool, for which an empty history is
// as good an input, and scanning months of rollups made each input take a second.
bool seedCheaply(Store &store, qint64 now, QString *error) {
    if (!seedDemo(store, "fuzz-password", now, error))
        return false;
    return store.write([](QSqlDatabase &db) {
        QSqlQuery q(db);
        return q.exec(QStringLiteral("DELETE FROM usage_routes")) &&
               q.exec(QStringLiteral("DELETE FROM usage_hours")) &&
               q.exec(QStringLiteral("DELETE FROM usage_partner_hours"));
    });
}

struct World {
    std::unique_ptr<QCoreApplication> app;
    QTemporaryDir dir{scratchFolder()};
    std::unique_ptr<Store> store;
    std::unique_ptr<Gateway> gateway;
    QByteArray sessionToken;
    QByteArray apiKey;
};

// Runs one request to its answer (some handlers answer from another thread).
HttpResponse exchange(Gateway &gateway, HttpRequest request) {
    struct Answer {
        std::mutex mutex;
        std::condition_variable done;
        std::optional<HttpResponse> response;
    };
    auto answer = std::make_shared<Answer>();
    gateway.handle(std::move(request), [answer](HttpResponse response) {
        const std::lock_guard lock(answer->mutex);
        answer->response = std::move(response);
        answer->done.notify_all();
    });
    std::unique_lock lock(answer->mutex);
    answer->done.wait(lock, [&] { return answer->response.has_value(); });
    return *answer->response;
}

HttpRequest makeRequest(const char *method, const char *path, const QByteArray &body, const World &world,
                        bool apiKey) {
    HttpRequest request;
    request.method = method;
    request.target = path;
    request.path = QString::fromLatin1(path);
    request.body = body;
    request.peerAddress = QStringLiteral("127.0.0.1");
    request.headers.append({QByteArray("content-type"), QByteArray("application/json")});
    if (apiKey)
        request.headers.append({QByteArray("x-api-key"), world.apiKey});
    else
        request.headers.append({QByteArray("authorization"), "Bearer " + world.sessionToken});
    return request;
}

World &world() {
    static World *w = [] {
        auto *created = new World;
        static int argc = 1;
        static char name[] = "fuzz_jsonbodies";
        static char *argv[] = {name, nullptr};
        created->app = std::make_unique<QCoreApplication>(argc, argv);
        created->store = std::make_unique<Store>(created->dir.path());
        QString error;
        if (!created->store->open(&error))
            std::abort();
        created->gateway = std::make_unique<Gateway>(*created->store, Gateway::Options{});
        if (!seedCheaply(*created->store, created->gateway->clock().nowSeconds(), &error))
            std::abort();
        const HttpResponse session = exchange(
            *created->gateway,
            makeRequest("POST", "/v1/sessions", R"({"email":"owner@demo.test","password":"fuzz-password"})",
                        *created, false));
        created->sessionToken = QJsonDocument::fromJson(session.body)
                                    .object()
                                    .value(QStringLiteral("token"))
                                    .toString()
                                    .toLatin1();
        const HttpResponse key = exchange(
            *created->gateway,
            makeRequest("POST", "/v1/keys", R"({"name":"Fuzzing","type":"partner"})", *created, false));
        created->apiKey =
            QJsonDocument::fromJson(key.body).object().value(QStringLiteral("secret")).toString().toLatin1();
        if (created->sessionToken.isEmpty() || created->apiKey.isEmpty()) {
            std::fprintf(stderr, "fuzz_jsonbodies: cannot sign in or make a key: %s %s\n",
                         session.body.constData(), key.body.constData());
            std::abort();
        }
        // The usage writer thread stops before exit tears down Qt's SQL drivers under it.
        std::atexit([] { world().gateway->stop(); });
        return created;
    }();
    return *w;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size < 1)
        return 0;
    World &w = world();
    const Target &target = targets[data[0] % std::size(targets)];
    const QByteArray body(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    const HttpResponse response =
        exchange(*w.gateway, makeRequest(target.method, target.path, body, w, target.apiKey));
    if (response.status >= 500) {
        std::fprintf(stderr, "%s %s answered %d: %s\n", target.method, target.path, response.status,
                     response.body.constData());
        std::abort();
    }
    return 0;
}
