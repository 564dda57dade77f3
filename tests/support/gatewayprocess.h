#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace knotie::test {

struct HttpReply {
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QJsonObject json() const;
    QString errorCode() const;
    QByteArray header(const QByteArray &name) const;
};

// A real knotie-gateway process on a free loopback port with a fresh data folder,
// stopped (SIGTERM) when this object goes away. Started with --demo and --test-clock
// unless told otherwise.
class GatewayProcess {
public:
    struct Options {
        bool demo = true;
        bool testClock = true;
        QStringList extraArguments;
        QString dataDirectory; // empty: a fresh temporary folder
        // --database; empty: SQLite, or a new PostgreSQL database when the tests run on it
        // (tests/support/testdatabase.h).
        QString database = {};
        int startTimeoutMs = 20000; // until it says where it listens
    };

    GatewayProcess();
    explicit GatewayProcess(Options options);
    ~GatewayProcess();

    // Starts and waits for the "listening on" line; false (and a QWARN) on failure.
    bool start();
    // The same in two halves, for starting several gateways at once.
    bool launch();
    bool waitUntilListening();
    void stop();

    QUrl baseUrl() const { return m_baseUrl; }
    QString dataDirectory() const;
    // The --database it was given (empty: its SQLite file in the data folder).
    const QString &database() const { return m_database; }
    QByteArray standardError() const;
    QProcess &process() { return m_process; }

    // Small blocking helpers for tests of the gateway itself. Portal tests use the
    // portal's own client instead.
    HttpReply request(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                      const QList<QPair<QByteArray, QByteArray>> &headers = {}) const;
    HttpReply get(const QString &pathAndQuery,
                  const QList<QPair<QByteArray, QByteArray>> &headers = {}) const;
    HttpReply postJson(const QString &path, const QJsonObject &body,
                       const QList<QPair<QByteArray, QByteArray>> &headers = {}) const;
    // Signs a demo user in and returns the session token (empty on failure).
    QByteArray signIn(const QString &email, const QString &password = QStringLiteral("knotie-demo")) const;
    static QList<QPair<QByteArray, QByteArray>> bearer(const QByteArray &token);
    bool advanceClock(qint64 seconds) const;
    // The gateway's clock (seconds since the epoch), which advanceClock moves; 0 when the
    // gateway runs without --test-clock. Tests compute expected buckets from it, never from
    // this machine's clock.
    qint64 now() const;

private:
    Options m_options;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QProcess m_process;
    QUrl m_baseUrl;
    QString m_database;
};

} // namespace knotie::test
