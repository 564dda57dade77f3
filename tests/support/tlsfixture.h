#pragma once

#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace knotie::test {

// A self-signed certificate and its key (PEM) in `directory`, made with the openssl CLI
// for a TLS gateway nobody vouches for. Empty paths if openssl failed.
struct SelfSignedCertificate {
    QString certificate;
    QString key;

    QStringList gatewayArguments() const {
        return {QStringLiteral("--tls-cert"), certificate, QStringLiteral("--tls-key"), key};
    }
};

inline SelfSignedCertificate makeSelfSignedCertificate(const QString &directory, const QString &commonName) {
    const QString cert = QDir(directory).filePath(QStringLiteral("cert.pem"));
    const QString key = QDir(directory).filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName,
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit ||
        openssl.exitCode() != 0)
        return {};
    return {cert, key};
}

} // namespace knotie::test
