#include "tests/support/gatewayprocess.h"

#include "testconfig.h"
#include "tests/support/slowdown.h"
#include "tests/support/testdatabase.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

namespace knotie::test {

QJsonObject HttpReply::json() const {
    return QJsonDocument::fromJson(body).object();
}

QString HttpReply::errorCode() const {
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QByteArray HttpReply::header(const QByteArray &name) const {
    for (const auto &[n, v] : headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

GatewayProcess::GatewayProcess()
    : GatewayProcess(Options{}) {}

GatewayProcess::GatewayProcess(Options options)
    : m_options(std::move(options)) {}

GatewayProcess::~GatewayProcess() {
    stop();
}

QString GatewayProcess::dataDirectory() const {
    return m_options.dataDirectory.isEmpty() && m_tempDir ? m_tempDir->path() : m_options.dataDirectory;
}

QByteArray GatewayProcess::standardError() const {
    return const_cast<QProcess &>(m_process).readAllStandardError();
}

bool GatewayProcess::start() {
    return launch() && waitUntilListening();
}

bool GatewayProcess::launch() {
    if (m_options.dataDirectory.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        if (!m_tempDir->isValid())
            return false;
    }
    QStringList args{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"),
                     dataDirectory()};
    if (m_options.demo)
        args << QStringLiteral("--demo");
    if (m_options.testClock)
        args << QStringLiteral("--test-clock");
    QString database = m_options.database;
    if (database.isEmpty() && testsUsePostgres() &&
        (database = newPostgresDatabase(m_options.demo)).isEmpty())
        return false;
    if (!database.isEmpty())
        args << QStringLiteral("--database") << database;
    m_database = database;
    args << m_options.extraArguments;
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(QStringLiteral(KNOTIE_GATEWAY_BINARY), args);
    if (!m_process.waitForStarted(10000)) {
        qWarning("knotie-gateway did not start: %s", qPrintable(m_process.errorString()));
        return false;
    }
    return true;
}

bool GatewayProcess::waitUntilListening() {
    // Read until the one line that says where it listens (the contract's promise).
    QByteArray out;
    QDeadlineTimer deadline(static_cast<qint64>(m_options.startTimeoutMs) * sanitizerSlowdown());
    while (!out.contains('\n') && !deadline.hasExpired()) {
        if (!m_process.waitForReadyRead(static_cast<int>(qMax<qint64>(1, deadline.remainingTime()))))
            break;
        out += m_process.readAllStandardOutput();
    }
    const QByteArray line = out.left(out.indexOf('\n')).trimmed();
    if (!line.startsWith("listening on ")) {
        qWarning("knotie-gateway did not say where it listens: %s %s", line.constData(),
                 m_process.readAllStandardError().constData());
        return false;
    }
    m_baseUrl = QUrl(QString::fromLatin1(line.mid(13)));
    return m_baseUrl.isValid();
}

void GatewayProcess::stop() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        qFatal("knotie-gateway did not stop within 10 s of SIGTERM");
    }
    // A gateway asked to stop stops cleanly: exit code 0, and under the sanitizers no
    // report (LeakSanitizer's leaks at exit change the exit code; UBSan's reports do not).
    // Whatever test ran it fails here, wherever the gateway object is destroyed.
    const QByteArray log = m_process.readAllStandardError();
    const bool sanitizerReport = log.contains("Sanitizer") || log.contains("runtime error:");
    if (m_process.exitStatus() != QProcess::NormalExit || m_process.exitCode() != 0 || sanitizerReport)
        qFatal("knotie-gateway did not stop cleanly (exit code %d):\n%s", m_process.exitCode(),
               log.right(8000).constData());
}

HttpReply GatewayProcess::request(const QByteArray &method, const QString &pathAndQuery,
                                  const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers) const {
    QNetworkAccessManager nam;
    QNetworkRequest req(m_baseUrl.resolved(QUrl(pathAndQuery)));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    for (const auto &[name, value] : headers)
        req.setRawHeader(name, value);
    QNetworkReply *reply = nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    delete reply;
    return r;
}

HttpReply GatewayProcess::get(const QString &pathAndQuery,
                              const QList<QPair<QByteArray, QByteArray>> &headers) const {
    return request("GET", pathAndQuery, {}, headers);
}

HttpReply GatewayProcess::postJson(const QString &path, const QJsonObject &body,
                                   const QList<QPair<QByteArray, QByteArray>> &headers) const {
    return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

QByteArray GatewayProcess::signIn(const QString &email, const QString &password) const {
    // A loaded machine (or a sanitizer build) can fill the sign-in queue: 503 `busy` with
    // Retry-After (API.md v1.1). Do what a client should, a few times.
    for (int attempt = 0;; ++attempt) {
        const HttpReply r =
            postJson(QStringLiteral("/v1/sessions"),
                     {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
        if (r.status != 503 || attempt == 5)
            return r.json().value(QStringLiteral("token")).toString().toLatin1();
        QTest::qWait(1000 * qBound(1, r.header("Retry-After").toInt(), 5));
    }
}

QList<QPair<QByteArray, QByteArray>> GatewayProcess::bearer(const QByteArray &token) {
    return {{"Authorization", "Bearer " + token}};
}

bool GatewayProcess::advanceClock(qint64 seconds) const {
    return postJson(QStringLiteral("/_test/clock"), {{QStringLiteral("advance_seconds"), seconds}}).status ==
           200;
}

qint64 GatewayProcess::now() const {
    const HttpReply r = postJson(QStringLiteral("/_test/clock"), {{QStringLiteral("advance_seconds"), 0}});
    if (r.status != 200)
        return 0;
    return QDateTime::fromString(r.json().value(QStringLiteral("now")).toString(), Qt::ISODate)
        .toSecsSinceEpoch();
}

} // namespace knotie::test
