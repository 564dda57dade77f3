#include "models/logging.h"

#include <QRegularExpression>

namespace knotie {

Q_LOGGING_CATEGORY(lcNetwork, "knotie.network", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "knotie.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "knotie.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCache, "knotie.cache", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "knotie.sync", QtInfoMsg)

QByteArray redactHeader(const QByteArray &name, const QByteArray &value) {
    const QByteArray lower = name.toLower();
    if (lower == "authorization" || lower == "x-api-key" || lower == "cookie" || lower == "set-cookie")
        return QByteArrayLiteral("[redacted]");
    return value;
}

QByteArray redactBody(const QByteArray &body) {
    static const QRegularExpression secrets(QStringLiteral(R"(kns?_[A-Za-z0-9_-]{8,})"));
    static const QRegularExpression fields(
        QStringLiteral(R"re("(password|secret|token|current|new)"\s*:\s*"(?:[^"\\]|\\.)*")re"),
        QRegularExpression::CaseInsensitiveOption);
    QString text = QString::fromUtf8(body);
    text.replace(fields, QStringLiteral("\"\\1\":\"[redacted]\""));
    text.replace(secrets, QStringLiteral("[redacted]"));
    return text.toUtf8();
}

} // namespace knotie
