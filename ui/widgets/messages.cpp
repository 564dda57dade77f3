#include "ui/widgets/messages.h"

#include <QLabel>

namespace knotie {

namespace {
const QString errorStyle = QStringLiteral("color: #b3261e;");
}

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

QLabel *makeErrorLabel(const QString &objectName, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(errorStyle);
    label->hide();
    return label;
}

void showStatus(QLabel *label, const QString &text, bool error) {
    label->setText(text);
    label->setStyleSheet(error ? errorStyle : QString());
    label->setVisible(!text.isEmpty());
}

} // namespace knotie
