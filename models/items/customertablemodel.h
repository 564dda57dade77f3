#pragma once

#include "models/data/apikey.h"

#include <QAbstractTableModel>
#include <QHash>

namespace knotie {

class CustomerModel;
class KeyStore;

// The Customers table: each customer with its number of working Customer keys and its
// requests in the last 7 days, beside the CustomerModel's name and creation time.
class CustomerTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Created, Keys, Requests, ColumnCount };
    Q_ENUM(Column)

    CustomerTableModel(CustomerModel *customers, KeyStore *keys, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Requests in the last 7 days; a customer without a figure shows a dash.
    void setRequests(const QString &customerId, qint64 requests);
    void setNow(UnixTime now);

private:
    void countKeys();

    CustomerModel *m_customers;
    KeyStore *m_keys;
    QHash<QString, int> m_keyCounts;
    QHash<QString, qint64> m_requests;
    UnixTime m_now;
};

} // namespace knotie
