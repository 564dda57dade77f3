#include "ui/widgets/messages.h"

#include "ui/style/palette.h"

#include <QLabel>

namespace knotie {

QLabel *makeNotice(QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setAutoFillBackground(true);
    label->setMargin(6);
    QPalette palette = label->palette();
    palette.setColor(QPalette::Window, themeColor(ColorRole::NoticeBackground, palette));
    palette.setColor(QPalette::WindowText, themeColor(ColorRole::NoticeText, palette));
    label->setPalette(palette);
    return label;
}

QLabel *makeErrorLabel(const QString &objectName, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(colorStyle(ColorRole::ErrorText));
    label->hide();
    return label;
}

void showStatus(QLabel *label, const QString &text, bool error) {
    label->setText(text);
    label->setStyleSheet(error ? colorStyle(ColorRole::ErrorText) : QString());
    label->setVisible(!text.isEmpty());
}

} // namespace knotie
