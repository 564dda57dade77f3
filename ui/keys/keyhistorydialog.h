#pragma once

#include <QDialog>
#include <QSet>

namespace knotie {

class AuditModel;

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
};

} // namespace knotie
