#include "models/items/auditfilterproxy.h"

#include "models/items/itemroles.h"
#include "models/items/listmodels.h"

namespace knotie {

AuditFilterProxy::AuditFilterProxy(AuditModel *events, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_events(events) {
    setSourceModel(events);
    setSortRole(SortRole);
    sort(AuditModel::Time, Qt::DescendingOrder);
}

void AuditFilterProxy::setActor(const QString &userId) {
    m_actor = userId;
    invalidateFilter();
}

void AuditFilterProxy::setAction(const QString &action) {
    m_action = action;
    invalidateFilter();
}

void AuditFilterProxy::setKey(const QString &keyId) {
    m_key = keyId;
    invalidateFilter();
}

void AuditFilterProxy::setRange(qint64 from, qint64 to) {
    m_from = from;
    m_to = to;
    invalidateFilter();
}

bool AuditFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    if (sourceParent.isValid())
        return false;
    const AuditEvent &e = m_events->eventAt(sourceRow);
    return (m_actor.isEmpty() || e.actor.id == m_actor) && (m_action.isEmpty() || e.action == m_action) &&
           (m_key.isEmpty() || e.keyId == m_key) && (!m_from || e.at >= m_from) && (!m_to || e.at < m_to);
}

} // namespace knotie
