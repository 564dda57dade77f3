#pragma once

#include "models/data/apikey.h"

#include <QHash>
#include <QStringList>

#include <functional>

class QObject;

namespace knotie {

// The key table as CSV (RFC 4180, UTF-8): what the table shows, never a secret (the
// keys hold none). Cells that a spreadsheet would run as a formula are quoted with a
// leading apostrophe.
QByteArray keysCsv(const QList<knotie::ApiKey> &keys, const QHash<QString, QString> &customerNames);

// Writes the CSV to `path` on a pool thread, so the GUI never waits on the disk, then
// calls `done` on `context`'s thread with an error message, empty on success.
void exportKeysCsv(QList<knotie::ApiKey> keys, QHash<QString, QString> customerNames, const QString &path,
                   QObject *context, std::function<void(const QString &error)> done);

// Any table as CSV, by the same rules (the audit log's export).
QByteArray csvTable(const QStringList &header, const QList<QStringList> &rows);
// Writes `bytes` to `path` on a pool thread, then calls `done` on `context`'s thread with an
// error message, empty on success.
void writeFileInBackground(QByteArray bytes, const QString &path, QObject *context,
                           std::function<void(const QString &error)> done);

} // namespace knotie
