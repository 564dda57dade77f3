#pragma once

#include "ui/pages/pagecontext.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QTableView;

namespace knotie {

class AuditFilterProxy;

// Settings → Audit Log: every event the gateway records (keys, permissions, roles,
// removals, sign-ins, failed sign-ins), newest first, filtered by person, action, key and
// days, and exported as CSV. It reads the Workspace's AuditModel, which the sync and its
// change wait on /v1/audit extend, so new events appear as they happen.
class AuditLogPage : public QWidget {
    Q_OBJECT
public:
    explicit AuditLogPage(const PageContext &context, QWidget *parent = nullptr);

    QSize sizeHint() const override { return {960, 680}; }
    QTableView *table() const { return m_table; }
    AuditFilterProxy *proxy() const { return m_proxy; }
    // Writes the events shown to `path` (off the GUI thread); `exported` says how it went.
    void exportTo(const QString &path);

    static QString actionTitle(const QString &action);

Q_SIGNALS:
    void exported(const QString &error);

private:
    void updateChoices();
    void applyFilters();
    void updateCount();

    PageContext m_context;
    AuditFilterProxy *m_proxy;
    QTableView *m_table;
    QComboBox *m_person;
    QComboBox *m_action;
    QComboBox *m_key;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_count;
};

} // namespace knotie
