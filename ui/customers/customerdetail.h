#pragma once

#include "models/data/apikey.h"
#include "ui/pages/pagecontext.h"

#include <QWidget>

class QLabel;
class QLineSeries;
class QPushButton;
class QTableView;
class QValueAxis;
class QDateTimeAxis;
class QChartView;

namespace knotie {

class KeyFilterProxy;

// One customer: its Customer keys in the key table's columns (settings.manage), its
// daily requests over the last 30 days (analytics.view) and, for settings.manage,
// "Create Customer key" with this customer already chosen.
class CustomerDetail : public QWidget {
    Q_OBJECT
public:
    CustomerDetail(const PageContext &context, QWidget *parent = nullptr);

    void setCustomer(const Customer &customer);
    QString customerId() const { return m_customer.id; }
    // Requests per day, oldest first; replaces the chart's points.
    void setUsage(const UsageSeries &series);
    void setOffline(bool offline);

private:
    void createKey();

    PageContext m_context;
    Customer m_customer;
    QLabel *m_title;
    QLabel *m_created;
    QPushButton *m_create = nullptr;
    KeyFilterProxy *m_keys = nullptr;
    QTableView *m_keyTable = nullptr;
    QChartView *m_chartView = nullptr;
    QLineSeries *m_usage = nullptr;
    QDateTimeAxis *m_dates = nullptr;
    QValueAxis *m_counts = nullptr;
};

} // namespace knotie
