#pragma once

#include "ui/pages/pagecontext.h"

#include <QWidget>

#include <memory>

namespace knotie {

struct UsageRange;
struct UsageSeries;

// The partner's customers (customers.view or settings.manage): a table to search and
// sort, and the chosen customer's detail beside it. Offline it shows the cache, says so,
// and disables what needs the gateway.
class CustomersPage : public QWidget {
    Q_OBJECT
public:
    CustomersPage(const PageContext &context, QWidget *parent = nullptr);
    ~CustomersPage() override;

    // Days of the detail chart (lastDays()); the table's column sums the last 7 of them.
    static constexpr int usageDays = 30;
    static constexpr int tableDays = 7;

private:
    void applyPermissions();
    void fetchUsage();
    void onUsage(const QString &customerId, const UsageRange &range, const UsageSeries &series);
    void showSelected();
    void updateOffline();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace knotie
