#include "ui/keys/keylistlabel.h"

#include <QCoreApplication>
#include <QListWidget>

namespace knotie {

QWidget *keyListLabel(const QList<ApiKey> &keys, QWidget *parent) {
    auto *list = new QListWidget(parent);
    list->setObjectName(QStringLiteral("keyList"));
    list->setAccessibleName(QCoreApplication::translate("KeyList", "Keys"));
    for (const ApiKey &k : keys)
        list->addItem(keyLabel(k));
    list->setFixedHeight(qMin(int(keys.size()), 8) * list->fontMetrics().lineSpacing() + 12);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    return list;
}

} // namespace knotie
