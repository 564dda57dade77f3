#include "ui/keys/keycsv.h"

#include <QDateTime>
#include <QMetaObject>
#include <QPointer>
#include <QSaveFile>
#include <QThreadPool>

namespace knotie {

namespace {
QString time(UnixTime t) {
    return t ? QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate) : QString();
}

void appendCell(QByteArray &out, const QString &value) {
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@\t\r").contains(v.front()))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char('"')) || v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('\n')) ||
        v.contains(QLatin1Char('\r'))) {
        v.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        v = QLatin1Char('"') + v + QLatin1Char('"');
    }
    out += v.toUtf8();
}

void appendRow(QByteArray &out, const QStringList &cells) {
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i)
            out += ',';
        appendCell(out, cells[i]);
    }
    out += "\r\n";
}
} // namespace

QByteArray keysCsv(const QList<ApiKey> &keys, const QHash<QString, QString> &customerNames) {
    QByteArray out;
    // Column names are a file format, not prose: they stay English for scripts reading them.
    appendRow(out, {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("description"),
                    QStringLiteral("type"), QStringLiteral("customer"), QStringLiteral("key"),
                    QStringLiteral("status"), QStringLiteral("created_at"), QStringLiteral("created_by"),
                    QStringLiteral("last_used_at"), QStringLiteral("expires_at"),
                    QStringLiteral("revoked_at"), QStringLiteral("replaced_by"), QStringLiteral("replaces")});
    for (const ApiKey &k : keys)
        appendRow(out, {k.id, k.name, k.description, keyTypeWireName(k.type),
                        k.customerId.isEmpty() ? QString() : customerNames.value(k.customerId, k.customerId),
                        k.maskedSecret(), keyStatusWireName(k.status), time(k.createdAt), k.createdBy.name,
                        time(k.lastUsedAt), time(k.expiresAt), time(k.revokedAt), k.replacedBy, k.replaces});
    return out;
}

void exportKeysCsv(QList<ApiKey> keys, QHash<QString, QString> customerNames, const QString &path,
                   QObject *context, std::function<void(const QString &)> done) {
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start(
        [keys = std::move(keys), names = std::move(customerNames), path, guard, done = std::move(done)] {
            QSaveFile file(path);
            QString error;
            if (!file.open(QIODevice::WriteOnly) || file.write(keysCsv(keys, names)) < 0 || !file.commit())
                error = file.errorString();
            if (guard)
                QMetaObject::invokeMethod(guard.data(), [done, error] { done(error); });
        });
}

} // namespace knotie
