#pragma once

#include "models/data/apikey.h"

#include <QDialog>
#include <QSet>

class QLabel;
class QSortFilterProxyModel;

namespace knotie {

class AuditModel;

// The audit events of some keys (newest first, actions in words, a limit change with its
// old and new values), over the synced AuditModel: the History dialog's and Key details' view.
class KeyHistoryView : public QWidget {
    Q_OBJECT
public:
    KeyHistoryView(AuditModel *audit, const QSet<QString> &keyIds, QWidget *parent = nullptr);
    void setKeyIds(const QSet<QString> &keyIds);

private:
    void updateEmpty();

    QSortFilterProxyModel *m_proxy;
    QLabel *m_empty;
};

// A key's history from the audit log (created, renamed, rotated, revoked: by whom and
// when), with the keys it replaced or was replaced by, newest first. Reads the synced
// AuditModel, so it shows offline too.
class KeyHistoryDialog : public QDialog {
    Q_OBJECT
public:
    KeyHistoryDialog(AuditModel *audit, const QString &keyName, const QSet<QString> &keyIds,
                     QWidget *parent = nullptr);

    // "Created", "Rotated", …: the words for API.md's audit actions.
    static QString actionText(const QString &action);
    // The action in words, and for a limit change what it was and became.
    static QString eventText(const AuditEvent &event);
};

} // namespace knotie
