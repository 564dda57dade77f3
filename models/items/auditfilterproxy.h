#pragma once

#include <QSortFilterProxyModel>

namespace knotie {

class AuditModel;

// The audit log's filters: who acted, what they did, which key, and from which day to which
// (local days, both included). Reads the events straight from the AuditModel. Newest first.
class AuditFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit AuditFilterProxy(AuditModel *events, QObject *parent = nullptr);

    void setActor(const QString &userId);  // empty: anyone
    void setAction(const QString &action); // empty: any
    void setKey(const QString &keyId);     // empty: any
    // Unix times, [from, to): 0 for no bound.
    void setRange(qint64 from, qint64 to);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    AuditModel *m_events;
    QString m_actor;
    QString m_action;
    QString m_key;
    qint64 m_from = 0;
    qint64 m_to = 0;
};

} // namespace knotie
