#include "ui/keys/keyhistorydialog.h"

#include "models/domain/auditactions.h"
#include "models/items/listmodels.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace knotie {

namespace {
// The events of the given keys, with their actions in words.
class KeyEventsProxy : public QSortFilterProxyModel {
public:
    KeyEventsProxy(QSet<QString> keyIds, QObject *parent)
        : QSortFilterProxyModel(parent)
        , m_keyIds(std::move(keyIds)) {}

    QVariant data(const QModelIndex &index, int role) const override {
        if (role == Qt::DisplayRole && index.column() == AuditModel::Action)
            return KeyHistoryDialog::actionText(QSortFilterProxyModel::data(index, role).toString());
        return QSortFilterProxyModel::data(index, role);
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override {
        return m_keyIds.contains(
            sourceModel()->index(row, AuditModel::Key, parent).data(Qt::DisplayRole).toString());
    }

private:
    QSet<QString> m_keyIds;
};
} // namespace

QString KeyHistoryDialog::actionText(const QString &action) {
    if (action == auditaction::keyCreated)
        return tr("Created");
    if (action == auditaction::keyRenamed)
        return tr("Renamed or described");
    if (action == auditaction::keyRotated)
        return tr("Rotated");
    if (action == auditaction::keyRevoked)
        return tr("Revoked");
    return action;
}

KeyHistoryDialog::KeyHistoryDialog(AuditModel *audit, const QString &keyName, const QSet<QString> &keyIds,
                                   QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("keyHistoryDialog"));
    setWindowTitle(tr("History of %1").arg(keyName));
    auto *proxy = new KeyEventsProxy(keyIds, this);
    proxy->setSourceModel(audit);
    auto *view = new QTableView(this);
    view->setObjectName(QStringLiteral("keyHistory"));
    view->setAccessibleName(tr("Key history"));
    view->setModel(proxy);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->resizeColumnsToContents();
    auto *empty = new QLabel(tr("No events for this key have been synced yet."), this);
    empty->setObjectName(QStringLiteral("keyHistoryEmpty"));
    empty->setVisible(proxy->rowCount() == 0);
    connect(proxy, &QAbstractItemModel::rowsInserted, empty, [empty] { empty->hide(); });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(empty);
    layout->addWidget(view, 1);
    layout->addWidget(buttons);
    resize(620, 360);
}

} // namespace knotie
