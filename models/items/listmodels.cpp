#include "models/items/listmodels.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace knotie {

namespace {
QString dateTimeText(UnixTime t) {
    return t ? QLocale().toString(QDateTime::fromSecsSinceEpoch(t), QLocale::ShortFormat) : QString();
}
} // namespace

// Customers

CustomerModel::CustomerModel(QObject *parent)
    : RowTableModel([](const Customer &c) { return c.id; }, ColumnCount, parent) {}

QVariant CustomerModel::data(const QModelIndex &index, int role) const {
    if (!validIndex(index))
        return {};
    const Customer &c = rowAt(index.row());
    if (role == IdRole)
        return c.id;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    if (index.column() == Name)
        return c.name;
    return role == SortRole ? QVariant(c.createdAt) : QVariant(dateTimeText(c.createdAt));
}

QVariant CustomerModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Name ? tr("Customer") : tr("Created");
}

void CustomerModel::setCustomers(const QList<Customer> &customers) {
    if (rows().isEmpty())
        resetRows(customers);
    else
        upsertRows(customers);
}

// Team

TeamModel::TeamModel(QObject *parent)
    : RowTableModel([](const TeamMember &m) { return m.id; }, ColumnCount, parent) {}

QVariant TeamModel::data(const QModelIndex &index, int role) const {
    if (!validIndex(index))
        return {};
    const TeamMember &m = rowAt(index.row());
    if (role == IdRole)
        return m.id;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return m.name;
    case Email:
        return m.email;
    case Role:
        if (m.role == QLatin1String("owner"))
            return tr("Owner");
        if (m.role == QLatin1String("admin"))
            return tr("Admin");
        return tr("Member");
    case Permissions:
        return m.permissions.join(QStringLiteral(", "));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TeamModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Email:
        return tr("Email");
    case Role:
        return tr("Role");
    case Permissions:
        return tr("Permissions");
    case ColumnCount:
        break;
    }
    return {};
}

void TeamModel::setMembers(const QList<TeamMember> &members) {
    // Someone removed from the team (API.md v1.1) leaves the list: a reset, as rare as it is
    // small. Otherwise rows change in place.
    QSet<QString> incoming;
    for (const TeamMember &m : members)
        incoming.insert(m.id);
    const bool someoneLeft = std::any_of(rows().cbegin(), rows().cend(), [&incoming](const TeamMember &m) {
        return !incoming.contains(m.id);
    });
    if (rows().isEmpty() || someoneLeft)
        resetRows(members);
    else
        upsertRows(members);
}

// Audit

AuditModel::AuditModel(QObject *parent)
    : RowTableModel([](const AuditEvent &e) { return e.id; }, ColumnCount, parent) {}

QVariant AuditModel::data(const QModelIndex &index, int role) const {
    if (!validIndex(index))
        return {};
    const AuditEvent &e = rowAt(index.row());
    if (role == IdRole)
        return e.id;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (Column(index.column())) {
    case Time:
        return role == SortRole ? QVariant(e.at) : QVariant(dateTimeText(e.at));
    case Actor:
        return e.actor.name;
    case Action:
        return e.action;
    case Key:
        return e.keyId;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Actor:
        return tr("Who");
    case Action:
        return tr("What");
    case Key:
        return tr("Key");
    case ColumnCount:
        break;
    }
    return {};
}

void AuditModel::setEvents(const QList<AuditEvent> &newestFirst) {
    resetRows(newestFirst);
}

void AuditModel::addEvents(const QList<AuditEvent> &oldestFirst) {
    prependRows(oldestFirst);
}

// Usage series

UsageSeriesModel::UsageSeriesModel(QObject *parent)
    : RowTableModel([](const UsageBucket &b) { return QString::number(b.start); }, ColumnCount, parent) {}

QVariant UsageSeriesModel::data(const QModelIndex &index, int role) const {
    if (!validIndex(index))
        return {};
    const UsageBucket &b = rowAt(index.row());
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    const auto number = [sort](qint64 n) {
        return sort ? QVariant(n) : QVariant(QLocale().toString(n));
    };
    switch (Column(index.column())) {
    case Start:
        return sort ? QVariant(b.start) : QVariant(dateTimeText(b.start));
    case Requests:
        return number(b.requests);
    case Ok:
        return number(b.ok);
    case ClientErrors:
        return number(b.clientErrors);
    case ServerErrors:
        return number(b.serverErrors);
    case P95:
        if (!b.p95Ms)
            return {};
        return sort ? QVariant(*b.p95Ms) : QVariant(tr("%1 ms").arg(*b.p95Ms));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant UsageSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Start:
        return tr("Time");
    case Requests:
        return tr("Requests");
    case Ok:
        return tr("Succeeded");
    case ClientErrors:
        return tr("Client errors");
    case ServerErrors:
        return tr("Server errors");
    case P95:
        return tr("95th percentile");
    case ColumnCount:
        break;
    }
    return {};
}

void UsageSeriesModel::setSeries(const UsageSeries &series) {
    const bool sameRange = series.bucket == m_series.bucket &&
                           series.buckets.size() == m_series.buckets.size() && !series.buckets.isEmpty() &&
                           series.buckets.first().start == m_series.buckets.first().start;
    m_series = series;
    if (sameRange)
        upsertRows(series.buckets);
    else
        resetRows(series.buckets);
}

} // namespace knotie
