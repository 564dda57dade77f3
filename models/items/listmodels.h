#pragma once

#include "models/data/apikey.h"
#include "models/items/itemroles.h"
#include "models/items/rowtablemodel.h"

namespace knotie {

// Customers (GET /v1/customers), updated in place by each sync.
class CustomerModel : public RowTableModel<Customer> {
    Q_OBJECT
public:
    enum Column { Name, Created, ColumnCount };
    explicit CustomerModel(QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void setCustomers(const QList<knotie::Customer> &customers);
    const Customer &customerAt(int row) const { return rowAt(row); }
};

// The partner's team (GET /v1/team).
class TeamModel : public RowTableModel<TeamMember> {
    Q_OBJECT
public:
    enum Column { Name, Email, Role, Permissions, ColumnCount };
    explicit TeamModel(QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void setMembers(const QList<knotie::TeamMember> &members);
    const TeamMember &memberAt(int row) const { return rowAt(row); }
};

// The audit log, newest first: loaded from the cache, new events prepended by syncs.
class AuditModel : public RowTableModel<AuditEvent> {
    Q_OBJECT
public:
    enum Column { Time, Actor, Action, Key, ColumnCount };
    explicit AuditModel(QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void setEvents(const QList<knotie::AuditEvent> &newestFirst);
    void addEvents(const QList<knotie::AuditEvent> &oldestFirst);
    const AuditEvent &eventAt(int row) const { return rowAt(row); }
};

// One usage series (GET /v1/usage) as a table: a row per bucket, for charts and their
// accessible table view. A new range replaces the rows; a refresh of the same range
// updates them in place.
class UsageSeriesModel : public RowTableModel<UsageBucket> {
    Q_OBJECT
public:
    enum Column { Start, Requests, Ok, ClientErrors, ServerErrors, P95, ColumnCount };
    explicit UsageSeriesModel(QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void setSeries(const knotie::UsageSeries &series);
    const UsageSeries &series() const { return m_series; }

private:
    UsageSeries m_series;
};

} // namespace knotie
