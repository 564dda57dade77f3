#pragma once

#include "models/data/apikey.h"

#include <QHash>
#include <QVariant>

#include <span>

namespace knotie {

// What a key's cells are computed from besides the key: customer names, the 7-day usage
// per key, and "now" for relative times. Pointers, so making one per cell costs nothing.
struct KeyCellContext {
    const QHash<QString, QString> *customerNames = nullptr;
    const QHash<QString, QList<qint64>> *usage = nullptr;
    UnixTime now = 0;

    QString customerName(const QString &customerId) const;
    qint64 usageSum(const QString &keyId) const;
};

// A key's rate limit in words: "600 per minute", "10 per 30 seconds", "No limit" (in
// KeyTableModel's context). One wording for the table, tooltip, details and history.
QString rateLimitText(const std::optional<RateLimit> &limit);

// One field of a key as the portal shows and exports it. The one description of the key
// table's columns: the KeyTableModel (texts, header, sort values), the KeyFilterProxy
// (order), the KeyTableView (default widths) and the CSV export all read keyColumns().
// A field with no table column is exported only; one with no CSV name is shown only.
struct KeyColumn {
    // KeyTableModel::Column, or -1 for a field only the CSV has.
    int column = -1;
    // The header, translated in KeyTableModel's context.
    const char *title = nullptr;
    // The CSV column name (a file format: stays English), nullptr when not exported.
    const char *csvName = nullptr;
    // The default width in pixels; 0 for a relative time ("59 minutes ago" fits).
    int width = 0;
    QVariant (*display)(const ApiKey &key, const KeyCellContext &context) = nullptr;
    // The SortRole value; also the order unless `less` is given.
    QVariant (*sortValue)(const ApiKey &key, const KeyCellContext &context) = nullptr;
    bool (*less)(const ApiKey &a, const ApiKey &b, const KeyCellContext &context) = nullptr;
    QString (*csv)(const ApiKey &key, const KeyCellContext &context) = nullptr;

    constexpr bool isShown() const { return column >= 0; }
    constexpr bool isExported() const { return csvName != nullptr; }
    QString translatedTitle() const;
};

// Every field, in the CSV's order; the table's columns are those with `column` set, in
// KeyTableModel::Column's order (checked at compile time).
std::span<const KeyColumn> keyColumns();
// The field behind a table column.
const KeyColumn &keyColumn(int column);

} // namespace knotie
