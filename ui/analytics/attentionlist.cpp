#include "ui/analytics/attentionlist.h"

#include "models/keys/keystore.h"
#include "models/workspace/workspace.h"
#include "ui/keys/keyactions.h"
#include "ui/pages/navigator.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace knotie {

namespace {
constexpr int KeyIdRole = Qt::UserRole + 1;
enum Column { KeyColumn, WhyColumn, ActionsColumn };

// A tree view sizes a wrapped cell for no particular width, so a long reason was cut to
// its first line: this sizes the reason for its column's current width.
class WrappedReasonDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        const auto *view = qobject_cast<const QTreeView *>(option.widget);
        if (index.column() != WhyColumn || !view)
            return size;
        const int margin = 2 * (view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1);
        const int width = qMax(80, view->columnWidth(WhyColumn) - margin);
        const QRect text = option.fontMetrics.boundingRect(QRect(0, 0, width, 1 << 20), Qt::TextWordWrap,
                                                           index.data().toString());
        size.setHeight(qMax(size.height(), text.height() + 4));
        return size;
    }
};
} // namespace

AttentionList::AttentionList(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_table(new QTreeWidget(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    m_table->setObjectName(QStringLiteral("attention"));
    m_table->setAccessibleName(tr("Keys that deserve attention"));
    m_table->setHeaderLabels({tr("Key"), tr("Why"), tr("Actions")});
    m_table->setRootIsDecorated(false);
    m_table->setAlternatingRowColors(true);
    // Rows grow with their reasons: every word of the advice is on screen.
    m_table->setWordWrap(true);
    m_table->setUniformRowHeights(false);
    m_table->setTextElideMode(Qt::ElideNone);
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(KeyColumn, QHeaderView::ResizeToContents);
    m_table->header()->setSectionResizeMode(WhyColumn, QHeaderView::Stretch);
    m_table->header()->setSectionResizeMode(ActionsColumn, QHeaderView::ResizeToContents);
    m_table->setItemDelegateForColumn(WhyColumn, new WrappedReasonDelegate(m_table));
    // Room for a few wrapped reasons, however small the window.
    m_table->setMinimumHeight(m_table->fontMetrics().height() * 9);
    // A wider or narrower reason column changes how many lines each reason needs.
    connect(m_table->header(), &QHeaderView::sectionResized, this, [this](int section) {
        if (section == WhyColumn)
            QTimer::singleShot(0, m_table, [table = m_table] { table->doItemsLayout(); });
    });
    m_table->setToolTip(tr("Double-click or press Enter to show the key's usage"));
    connect(m_table, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString id = item ? item->data(KeyColumn, KeyIdRole).toString() : QString();
        if (!id.isEmpty())
            Q_EMIT keyActivated(id);
    });
}

void AttentionList::clear() {
    m_table->clear();
}

void AttentionList::showNote(const QString &note, const QString &more) {
    m_table->clear();
    auto *item = new QTreeWidgetItem(m_table, {note});
    item->setToolTip(KeyColumn, more.isEmpty() ? note : note + QLatin1Char(' ') + more);
    m_table->setFirstColumnSpanned(0, QModelIndex(), true);
}

bool AttentionList::showsNote() const {
    return m_table->topLevelItemCount() == 1 && m_table->isFirstColumnSpanned(0, {});
}

int AttentionList::entryCount() const {
    return showsNote() ? 0 : m_table->topLevelItemCount();
}

void AttentionList::addEntry(const KeyAttention &entry, const QString &label, const QString &labelTip) {
    if (showsNote())
        m_table->clear();
    const QString why = AttentionText::reasons(entry.reasons);
    auto *item = new QTreeWidgetItem(m_table, {label, why});
    item->setData(KeyColumn, KeyIdRole, entry.keyId);
    item->setToolTip(KeyColumn, labelTip.isEmpty() ? label : labelTip);
    item->setToolTip(WhyColumn, why);
    if (QWidget *actions = actionsFor(entry))
        m_table->setItemWidget(item, ActionsColumn, actions);
}

QWidget *AttentionList::actionsFor(const KeyAttention &entry) {
    Navigator *navigator = m_context.navigator;
    const ApiKey *found = m_context.workspace->keyStore()->find(entry.keyId);
    if (!navigator || !found)
        return nullptr;
    const ApiKey key = *found;
    auto *box = new QWidget(m_table);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(2, 1, 2, 1);
    const auto add = [&](const QString &name, const QString &text, const QString &accessible, auto run) {
        auto *button = new QPushButton(text, box);
        button->setObjectName(name);
        button->setAccessibleName(accessible.arg(keyLabel(key)));
        connect(button, &QPushButton::clicked, this, run);
        row->addWidget(button);
    };
    const QString id = key.id;
    if (entry.has(AttentionReason::OnlyReads))
        add(QStringLiteral("createReadOnly"), tr("Create Read-Only Key…"),
            tr("Create a Read-Only key for %1"), [navigator, key] {
                navigator->createKey(KeyType::ReadOnly, AttentionText::readOnlyName(key.name),
                                     key.customerId);
            });
    if (KeyActions::mayRotate(key))
        add(QStringLiteral("rotate"), tr("Rotate…"), tr("Rotate %1"),
            [navigator, id] { navigator->runKeyCommand(QStringLiteral("rotateKey"), id); });
    if (KeyActions::mayRevoke(key))
        add(QStringLiteral("revoke"), tr("Revoke…"), tr("Revoke %1"),
            [navigator, id] { navigator->runKeyCommand(QStringLiteral("revokeKey"), id); });
    return box;
}

} // namespace knotie
