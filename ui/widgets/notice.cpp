#include "notice.h"

#include <QLabel>

namespace knotie {

QLabel *makeNotice(QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setAutoFillBackground(true);
    label->setMargin(6);
    QPalette palette = label->palette();
    palette.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xe5));
    palette.setColor(QPalette::WindowText, QColor(0x5c, 0x44, 0x00));
    label->setPalette(palette);
    return label;
}

} // namespace knotie
