#pragma once

#include "models/network/callerjobs.h"

#include <QPointer>
#include <QTreeWidget>

namespace knotie {

class UsageOperation;
class UsageService;

// The Analytics page's Errors tab: error answers by status and code for the page's range
// and filters (GET /v1/usage/errors), each code in plain words. Loads through the
// UsageService, so the GUI thread never waits; a newer load replaces an older one.
class ErrorCodesTab : public QTreeWidget {
    Q_OBJECT
public:
    enum Column { Status, Code, Requests, Meaning };

    explicit ErrorCodesTab(QWidget *parent = nullptr);
    void load(UsageService *usage, const UsageQuery &query);

Q_SIGNALS:
    void loaded();

private:
    void showNote(const QString &note);

    QPointer<UsageOperation> m_operation;
};

} // namespace knotie
