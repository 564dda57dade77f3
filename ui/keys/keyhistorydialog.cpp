#include "ui/keys/keyhistorydialog.h"

#include "models/domain/auditactions.h"
#include "models/domain/rfc3339.h"
#include "models/items/keycolumns.h"
#include "models/items/listmodels.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

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

    void setKeyIds(QSet<QString> keyIds) {
        m_keyIds = std::move(keyIds);
        invalidateFilter();
    }

    QVariant data(const QModelIndex &index, int role) const override {
        if ((role == Qt::DisplayRole || role == Qt::ToolTipRole) && index.column() == AuditModel::Action) {
            const auto *audit = static_cast<const AuditModel *>(sourceModel());
            return KeyHistoryDialog::eventText(audit->eventAt(mapToSource(index).row()));
        }
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
    if (action == auditaction::keyLimitsChanged)
        return tr("Limits changed");
    if (action == auditaction::keyCustodyChanged)
        return tr("Handed to another person");
    return action;
}

namespace {
QString limitValueText(const QJsonValue &value) {
    if (!value.isObject())
        return rateLimitText(std::nullopt);
    const QJsonObject o = value.toObject();
    return rateLimitText(RateLimit{o.value(QStringLiteral("requests")).toInt(),
                                   o.value(QStringLiteral("per_seconds")).toInt()});
}

QString expiryValueText(const QJsonValue &value) {
    const auto at = value.isString() ? fromRfc3339(value.toString()) : std::nullopt;
    return at ? QLocale().toString(QDateTime::fromSecsSinceEpoch(*at), QLocale::ShortFormat)
              : KeyHistoryDialog::tr("never");
}
} // namespace

QString KeyHistoryDialog::eventText(const AuditEvent &event) {
    const QString action = actionText(event.action);
    if (event.action != auditaction::keyLimitsChanged)
        return action;
    const QJsonObject details = QJsonDocument::fromJson(event.details.toUtf8()).object();
    QStringList changes;
    const QJsonObject rate = details.value(QStringLiteral("rate_limit")).toObject();
    if (!rate.isEmpty())
        changes.append(tr("rate limit %1 → %2")
                           .arg(limitValueText(rate.value(QStringLiteral("old"))),
                                limitValueText(rate.value(QStringLiteral("new")))));
    const QJsonObject expiry = details.value(QStringLiteral("expires_at")).toObject();
    if (!expiry.isEmpty())
        changes.append(tr("expiry %1 → %2")
                           .arg(expiryValueText(expiry.value(QStringLiteral("old"))),
                                expiryValueText(expiry.value(QStringLiteral("new")))));
    return changes.isEmpty() ? action : tr("%1: %2").arg(action, changes.join(QStringLiteral("; ")));
}

KeyHistoryView::KeyHistoryView(AuditModel *audit, const QSet<QString> &keyIds, QWidget *parent)
    : QWidget(parent) {
    auto *proxy = new KeyEventsProxy(keyIds, this);
    m_proxy = proxy;
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
    m_empty = new QLabel(tr("No events for this key have been synced yet."), this);
    m_empty->setObjectName(QStringLiteral("keyHistoryEmpty"));
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(proxy, signal, this, &KeyHistoryView::updateEmpty);
    connect(proxy, &QAbstractItemModel::modelReset, this, &KeyHistoryView::updateEmpty);
    connect(proxy, &QAbstractItemModel::layoutChanged, this, &KeyHistoryView::updateEmpty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);
    layout->addWidget(view, 1);
    updateEmpty();
}

void KeyHistoryView::setKeyIds(const QSet<QString> &keyIds) {
    static_cast<KeyEventsProxy *>(m_proxy)->setKeyIds(keyIds);
    updateEmpty();
}

void KeyHistoryView::updateEmpty() {
    m_empty->setVisible(m_proxy->rowCount() == 0);
}

KeyHistoryDialog::KeyHistoryDialog(AuditModel *audit, const QString &keyName, const QSet<QString> &keyIds,
                                   QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("keyHistoryDialog"));
    setWindowTitle(tr("History of %1").arg(keyName));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new KeyHistoryView(audit, keyIds, this), 1);
    layout->addWidget(buttons);
    resize(620, 360);
}

} // namespace knotie
