#include "ui/keys/keycsv.h"

#include "models/items/keycolumns.h"

#include <QMetaObject>
#include <QPointer>
#include <QSaveFile>
#include <QThreadPool>

namespace knotie {

namespace {
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
    // The fields of keyColumns() that are exported, in its order. Column names are a file
    // format, not prose: they stay English for scripts reading them.
    QList<const KeyColumn *> fields;
    QStringList header;
    for (const KeyColumn &c : keyColumns())
        if (c.isExported()) {
            fields.append(&c);
            header.append(QString::fromLatin1(c.csvName));
        }
    appendRow(out, header);
    const KeyCellContext context{&customerNames, nullptr, 0};
    QStringList cells;
    for (const ApiKey &k : keys) {
        cells.clear();
        for (const KeyColumn *c : std::as_const(fields))
            cells.append(c->csv(k, context));
        appendRow(out, cells);
    }
    return out;
}

QByteArray csvTable(const QStringList &header, const QList<QStringList> &rows) {
    QByteArray out;
    appendRow(out, header);
    for (const QStringList &row : rows)
        appendRow(out, row);
    return out;
}

void writeFileInBackground(QByteArray bytes, const QString &path, QObject *context,
                           std::function<void(const QString &)> done) {
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([bytes = std::move(bytes), path, guard, done = std::move(done)] {
        QSaveFile file(path);
        QString error;
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) < 0 || !file.commit())
            error = file.errorString();
        if (guard)
            QMetaObject::invokeMethod(guard.data(), [done, error] { done(error); });
    });
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
