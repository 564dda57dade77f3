#pragma once

#include <QByteArray>
#include <QLoggingCategory>

namespace knotie {

Q_DECLARE_LOGGING_CATEGORY(lcNetwork)
Q_DECLARE_LOGGING_CATEGORY(lcSession)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcCache)
Q_DECLARE_LOGGING_CATEGORY(lcSync)

// The one redaction for anything that may carry a secret on its way to a log: header
// values of Authorization and X-API-Key (any letter case), and in bodies every Knotie
// secret (`kn_..`), session token (`kns_..`) and the values of "password", "secret" and
// "token" fields.
QByteArray redactHeader(const QByteArray &name, const QByteArray &value);
QByteArray redactBody(const QByteArray &body);

} // namespace knotie
