#include "models/items/keycolumns.h"

#include "models/items/keytablemodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <array>
#include <limits>

namespace knotie {

namespace {
using Column = KeyTableModel::Column;

QString isoTime(UnixTime t) {
    return t ? QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate) : QString();
}
bool textLess(const QString &x, const QString &y) {
    return x.compare(y, Qt::CaseInsensitive) < 0;
}
QString shownCustomer(const ApiKey &k, const KeyCellContext &c) {
    if (k.customerId.isEmpty())
        return {};
    return c.customerNames ? c.customerNames->value(k.customerId, k.customerId) : k.customerId;
}

// How much a limit allows, comparable across windows; no limit sorts as the most.
double rateLimitPerHour(const ApiKey &k) {
    return k.rateLimit ? double(k.rateLimit->requests) * 3600.0 / k.rateLimit->perSeconds
                       : std::numeric_limits<double>::infinity();
}

// clang-format off
constexpr std::array<KeyColumn, 17> columns{{
    {-1, nullptr, "id", 0, nullptr, nullptr, nullptr,
     [](const ApiKey &k, const KeyCellContext &) { return k.id; }},
    {Column::Name, QT_TRANSLATE_NOOP("knotie::KeyTableModel", "Name"), "name", 190,
     [](const ApiKey &k, const KeyCellContext &) { return QVariant(k.name); },
     [](const ApiKey &k, const KeyCellContext &) { return QVariant(k.name); },
     [](const ApiKey &a, const ApiKey &b, const KeyCellContext &) { return textLess(a.name, b.name); },
     [](const ApiKey &k, const KeyCellContext &) { return k.name; }},
    {-1, nullptr, "description", 0, nullptr, nullptr, nullptr,
     [](const ApiKey &k, const KeyCellContext &) { return k.description; }},
    {Column::Type, QT_TRANSLATE_NOOP("knotie::KeyTableModel", "Type"), "type", 95,
     [](const ApiKey &k, const KeyCellContext &) { return QVariant(keyTypeDisplayName(k.type)); },
     [](const ApiKey &k, const KeyCellContext &) { return QVariant(int(k.type)); },
     [](const ApiKey &a, const ApiKey &b, const KeyCellContext &) { return a.type < b.type; },
     [](const ApiKey &k, const KeyCellContext &) { return keyTypeWireName(k.type); }},
    {Column::Customer, QT_TRANSLATE_NOOP("knotie::KeyTableModel", "Customer"), "customer", 140,
     [](const ApiKey &k, const KeyCellContext &c) { return QVariant(shownCustomer(k, c)); },
     [](const ApiKey &k, const KeyCellContext &c) { return QVariant(shownCustomer(k, c)); },
     [](const ApiKey &a, const ApiKey &b, const KeyCellContext &c) {
         return textLess(c.customerName(a.customerId), c.customerName(b.customerId));
     },
     shownCustomer},
    {Column::Key, QT_TRANSLATE_NOOP("knotie::KeyTableModel", "Key"), "key", 105,
     [](const ApiKey &k, const KeyCellContext &) { return QVariant(k.maskedSecret()); },
     [](const ApiKey &k, const KeyCellContext &) { return QVariant(k.maskedSecret()); },
     [](const ApiKey &a, const ApiKey &b, const KeyCellContext &) {
         return textLess(a.maskedSecret(), b.maskedSecret());
     },
     [](const ApiKey &k, const KeyCellContext &) { return k.maskedSecret(); }},
    {Column::Status, QT_TRANSLATE_NOOP("knotie::KeyTableModel", "Status"), "status", 190,
     [](const ApiKey &k, const KeyCellContext &) { return QVariant(keyStatusDisplayName(k.status)); },
     [](const ApiKey &k, const KeyCellContext &) { return QVariant(int(k.status)); },
     [](const ApiKey &a, const ApiKey &b, const KeyCellContext &) { return a.status < b.status; },
     [](const ApiKey &k, const KeyCellContext &) { return keyStatusWireName(k.status); }},
    {Column::Created, QT_TRANSLATE_NOOP("knotie::KeyTableModel", "Created"), "created_at", 0,
     [](const ApiKey &k, const KeyCellContext &c) { return QVariant(elapsedTime(k.createdAt, c.now)); },
     [](const ApiKey &k, const KeyCellContext &) { return QVariant(k.createdAt); },
     [](const ApiKey &a, const ApiKey &b, const KeyCellContext &) { return a.createdAt < b.createdAt; },
     [](const ApiKey &k, const KeyCellContext &) { return isoTime(k.createdAt); }},
    {Column::CreatedBy, QT_TRANSLATE_NOOP("knotie::KeyTableModel", "Created by"), "created_by", 120,
     [](const ApiKey &k, const KeyCellContext &) { return QVariant(k.createdBy.name); },
     [](const ApiKey &k, const KeyCellContext &) { return QVariant(k.createdBy.name); },
     [](const ApiKey &a, const ApiKey &b, const KeyCellContext &) {
         return textLess(a.createdBy.name, b.createdBy.name);
     },
     [](const ApiKey &k, const KeyCellContext &) { return k.createdBy.name; }},
    {Column::LastUsed, QT_TRANSLATE_NOOP("knotie::KeyTableModel", "Last used"), "last_used_at", 0,
     [](const ApiKey &k, const KeyCellContext &c) {
         return QVariant(k.lastUsedAt ? elapsedTime(k.lastUsedAt, c.now) : KeyTableModel::tr("Never"));
     },
     [](const ApiKey &k, const KeyCellContext &) { return QVariant(k.lastUsedAt); },
     [](const ApiKey &a, const ApiKey &b, const KeyCellContext &) { return a.lastUsedAt < b.lastUsedAt; },
     [](const ApiKey &k, const KeyCellContext &) { return isoTime(k.lastUsedAt); }},
    {Column::Expires, QT_TRANSLATE_NOOP("knotie::KeyTableModel", "Expires"), "expires_at", 0,
     [](const ApiKey &k, const KeyCellContext &c) {
         // A revoked key's old expiry no longer means anything: the Status column says when it ended.
         if (k.status == KeyStatus::Revoked)
             return QVariant(QStringLiteral("—"));
         return QVariant(k.expiresAt ? relativeTime(k.expiresAt, c.now) : KeyTableModel::tr("Never"));
     },
     [](const ApiKey &k, const KeyCellContext &) { return QVariant(k.expiresAt); },
     [](const ApiKey &a, const ApiKey &b, const KeyCellContext &) { return a.expiresAt < b.expiresAt; },
     [](const ApiKey &k, const KeyCellContext &) { return isoTime(k.expiresAt); }},
    {-1, nullptr, "revoked_at", 0, nullptr, nullptr, nullptr,
     [](const ApiKey &k, const KeyCellContext &) { return isoTime(k.revokedAt); }},
    {-1, nullptr, "replaced_by", 0, nullptr, nullptr, nullptr,
     [](const ApiKey &k, const KeyCellContext &) { return k.replacedBy; }},
    {-1, nullptr, "replaces", 0, nullptr, nullptr, nullptr,
     [](const ApiKey &k, const KeyCellContext &) { return k.replaces; }},
    {Column::Usage, QT_TRANSLATE_NOOP("knotie::KeyTableModel", "Usage"), nullptr, 90,
     [](const ApiKey &k, const KeyCellContext &c) { return QVariant(QLocale().toString(c.usageSum(k.id))); },
     [](const ApiKey &k, const KeyCellContext &c) { return QVariant(c.usageSum(k.id)); },
     [](const ApiKey &a, const ApiKey &b, const KeyCellContext &c) {
         return c.usageSum(a.id) < c.usageSum(b.id);
     },
     nullptr},
    {Column::RateLimit, QT_TRANSLATE_NOOP("knotie::KeyTableModel", "Rate limit"), "rate_limit_requests", 130,
     [](const ApiKey &k, const KeyCellContext &) { return QVariant(rateLimitText(k.rateLimit)); },
     [](const ApiKey &k, const KeyCellContext &) { return QVariant(rateLimitPerHour(k)); },
     [](const ApiKey &a, const ApiKey &b, const KeyCellContext &) {
         return rateLimitPerHour(a) < rateLimitPerHour(b);
     },
     [](const ApiKey &k, const KeyCellContext &) {
         return k.rateLimit ? QString::number(k.rateLimit->requests) : QString();
     }},
    {-1, nullptr, "rate_limit_per_seconds", 0, nullptr, nullptr, nullptr,
     [](const ApiKey &k, const KeyCellContext &) {
         return k.rateLimit ? QString::number(k.rateLimit->perSeconds) : QString();
     }},
}};
// clang-format on

// The table's order is the enum's: a field added to one and not the other stops the build.
constexpr bool shownInEnumOrder() {
    int next = 0;
    for (const KeyColumn &c : columns)
        if (c.isShown() && c.column != next++)
            return false;
    return next == KeyTableModel::ColumnCount;
}
static_assert(shownInEnumOrder());

// The table's columns, by KeyTableModel::Column.
const std::array<const KeyColumn *, KeyTableModel::ColumnCount> &shownColumns() {
    static const auto shown = [] {
        std::array<const KeyColumn *, KeyTableModel::ColumnCount> out{};
        for (const KeyColumn &c : columns)
            if (c.isShown())
                out[c.column] = &c;
        return out;
    }();
    return shown;
}
} // namespace

QString KeyCellContext::customerName(const QString &customerId) const {
    return customerNames ? customerNames->value(customerId) : QString();
}

qint64 KeyCellContext::usageSum(const QString &keyId) const {
    qint64 sum = 0;
    if (usage)
        if (const auto it = usage->constFind(keyId); it != usage->constEnd())
            for (qint64 n : *it)
                sum += n;
    return sum;
}

QString rateLimitText(const std::optional<RateLimit> &limit) {
    if (!limit)
        return KeyTableModel::tr("No limit");
    const QString n = QLocale().toString(limit->requests);
    switch (limit->perSeconds) {
    case 1:
        return KeyTableModel::tr("%1 per second").arg(n);
    case 60:
        return KeyTableModel::tr("%1 per minute").arg(n);
    case 3600:
        return KeyTableModel::tr("%1 per hour").arg(n);
    case 86400:
        return KeyTableModel::tr("%1 per day").arg(n);
    default:
        return KeyTableModel::tr("%1 per %n second(s)", nullptr, limit->perSeconds).arg(n);
    }
}

QString KeyColumn::translatedTitle() const {
    return QCoreApplication::translate("knotie::KeyTableModel", title);
}

std::span<const KeyColumn> keyColumns() {
    return columns;
}

const KeyColumn &keyColumn(int column) {
    return *shownColumns().at(column);
}

} // namespace knotie
