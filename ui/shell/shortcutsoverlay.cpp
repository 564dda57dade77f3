#include "ui/shell/shortcutsoverlay.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace knotie {

namespace {
void collect(const QList<QAction *> &actions, QList<QPair<QString, QString>> &out) {
    for (QAction *action : actions) {
        if (action->menu()) {
            collect(action->menu()->actions(), out);
            continue;
        }
        if (action->shortcut().isEmpty() || !action->isVisible())
            continue;
        QString text = action->text();
        text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
        QStringList keys;
        for (const QKeySequence &sequence : action->shortcuts())
            keys << sequence.toString(QKeySequence::NativeText);
        out.append({keys.join(QStringLiteral(", ")), text});
    }
}
} // namespace

QList<QPair<QString, QString>> ShortcutsOverlay::shortcutsOf(const QWidget *window) {
    QList<QPair<QString, QString>> shortcuts;
    if (const auto *bar = window->findChild<QMenuBar *>())
        collect(bar->actions(), shortcuts);
    collect(window->actions(), shortcuts);
    return shortcuts;
}

ShortcutsOverlay::ShortcutsOverlay(QWidget *window)
    : QDialog(window) {
    setObjectName(QStringLiteral("shortcutsOverlay"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    setAttribute(Qt::WA_DeleteOnClose);
    const QList<QPair<QString, QString>> shortcuts = shortcutsOf(window);
    auto *table = new QTableWidget(int(shortcuts.size()), 2, this);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < shortcuts.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(shortcuts[row].first));
        table->setItem(row, 1, new QTableWidgetItem(shortcuts[row].second));
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    setMinimumSize(440, 460);
}

} // namespace knotie
