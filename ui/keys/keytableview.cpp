#include "ui/keys/keytableview.h"

#include "models/items/keycolumns.h"
#include "models/items/keyfilterproxy.h"
#include "models/items/keytablemodel.h"
#include "ui/keys/keytabledelegate.h"
#include "ui/settingskeys.h"

#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QStyle>

namespace knotie {

KeyTableView::KeyTableView(KeyTableModel *model, KeyFilterProxy *proxy, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
    , m_proxy(proxy) {
    setObjectName(QStringLiteral("keyTable"));
    setAccessibleName(tr("API keys"));
    setItemDelegate(new KeyTableDelegate(model, this));
    setModel(proxy);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    // Rows are told apart by their alternating colours and columns by the header: grid lines
    // would add nothing to read by, and were a tenth of the cost of each frame.
    setAlternatingRowColors(true);
    setShowGrid(false);
    setSortingEnabled(true);
    setContextMenuPolicy(Qt::CustomContextMenu);
    verticalHeader()->hide();
    // Fixed row heights: the view never measures 100,000 rows.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    QHeaderView *header = horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    // Times as wide as the longest usual one ("59 minutes ago", in the person's language).
    const int time = fontMetrics().horizontalAdvance(relativeTime(1, 1 + 59 * 60)) + 16;
    for (int c = 0; c < KeyTableModel::ColumnCount; ++c)
        header->resizeSection(c, keyColumn(c).width ? keyColumn(c).width : time);
    m_restored = header->restoreState(QSettings().value(settingskeys::apiKeysHeader).toByteArray());
    if (!m_restored) {
        // What a person checks first comes first: is it working, is it used.
        header->moveSection(header->visualIndex(KeyTableModel::Usage), KeyTableModel::Status + 1);
        header->moveSection(header->visualIndex(KeyTableModel::LastUsed), KeyTableModel::Status + 2);
        sortByColumn(KeyTableModel::Created, Qt::DescendingOrder);
        // An optional column: most people never set a rate limit.
        header->setSectionHidden(KeyTableModel::RateLimit, true);
    }
    connect(header, &QHeaderView::customContextMenuRequested, this, &KeyTableView::showColumnMenu);
}

void KeyTableView::showColumnMenu(const QPoint &at) {
    QHeaderView *header = horizontalHeader();
    QMenu menu(this);
    menu.setTitle(tr("Columns"));
    for (int c = 0; c < KeyTableModel::ColumnCount; ++c) {
        QAction *a = menu.addAction(keyColumn(c).translatedTitle());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        // The name says which key a row is: it always stays.
        a->setEnabled(c != KeyTableModel::Name);
        connect(a, &QAction::toggled, header, [header, c](bool on) { header->setSectionHidden(c, !on); });
    }
    menu.exec(header->mapToGlobal(at));
}

QList<ApiKey> KeyTableView::selectedKeys() const {
    QList<ApiKey> keys;
    for (const QModelIndex &index : selectionModel()->selectedRows()) {
        const int row = m_proxy->mapToSource(index).row();
        if (row >= 0)
            keys.append(m_model->keyAt(row));
    }
    return keys;
}

void KeyTableView::selectKeys(const QStringList &wanted) {
    const QStringList keyIds = wanted; // `wanted` may be m_pendingSelection itself
    m_pendingSelection.clear();
    for (const QString &id : keyIds)
        if (m_model->rowOf(id) < 0)
            m_pendingSelection = keyIds;
    QItemSelection selection;
    QModelIndex first;
    for (const QString &id : keyIds) {
        const QModelIndex index = m_model->indexFromKey(id, m_proxy);
        if (!index.isValid())
            continue;
        if (!first.isValid())
            first = index;
        selection.select(index, index.siblingAtColumn(KeyTableModel::ColumnCount - 1));
    }
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (first.isValid()) {
        selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        scrollTo(first);
    }
}

void KeyTableView::selectPendingKeys() {
    if (!m_pendingSelection.isEmpty())
        selectKeys(m_pendingSelection);
}

void KeyTableView::fitColumnsTo(int available) {
    QHeaderView *header = horizontalHeader();
    // Room is kept for the scroll bar a long list needs.
    available -= 2 * frameWidth() + style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    int excess = header->length() - available;
    // Each gives a little before the next gives more: a name or a customer is still told
    // apart at 160 and 120 pixels; the status in full is its tooltip.
    const QList<std::pair<int, int>> steps{{KeyTableModel::Name, 160},      {KeyTableModel::Customer, 120},
                                           {KeyTableModel::CreatedBy, 110}, {KeyTableModel::Status, 110},
                                           {KeyTableModel::Name, 140},      {KeyTableModel::Customer, 100}};
    QHash<int, int> widths;
    for (const auto &[column, narrowest] : steps) {
        const int width = widths.value(column, header->sectionSize(column));
        const int given = qMax(0, qMin(excess, width - narrowest));
        widths.insert(column, width - given);
        excess -= given;
    }
    // If they cannot all fit, they keep their widths: scrolling sideways is needed anyway,
    // and the columns in view stay readable.
    if (excess > 0)
        return;
    for (auto it = widths.cbegin(); it != widths.cend(); ++it)
        header->resizeSection(it.key(), it.value());
}

void KeyTableView::saveLayout() const {
    QSettings().setValue(settingskeys::apiKeysHeader, horizontalHeader()->saveState());
}

} // namespace knotie
