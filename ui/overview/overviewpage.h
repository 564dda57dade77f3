#pragma once

#include "ui/pages/pagecontext.h"

#include <QWidget>

#include <memory>

namespace knotie {

struct UsageRange;
struct UsageSeries;

// The first screen after sign-in, for everyone. What it shows follows the person's
// permissions and changes with them: the account at a glance; with settings.manage
// the key health (each count opens the key table filtered to those keys) and the last
// key actions; with analytics.view the last 24 hours' traffic against the 24 before;
// with neither, what the person can do and whom to ask for more.
class OverviewPage : public QWidget {
    Q_OBJECT
public:
    OverviewPage(const PageContext &context, QWidget *parent = nullptr);
    ~OverviewPage() override;

    static constexpr int recentActions = 5;

private:
    void rebuild();
    void updateAccount();
    void updateKeyHealth();
    void updateActivity();
    void fetchTraffic();
    void showTraffic(const UsageRange &range, const UsageSeries &series, bool fromCache);
    QWidget *makeKeyHealth(QWidget *parent);
    QWidget *makeActivity(QWidget *parent);
    QWidget *makeTraffic(QWidget *parent);
    QWidget *makeWelcome(QWidget *parent);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace knotie
