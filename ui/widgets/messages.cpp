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

namespace {
// The error colour goes in the label's palette: a style sheet would put the label, and with it
// the first window it is in, through Qt's style sheet style (the sign-in dialog is the portal's
// first window).
void showAsError(QLabel *label, bool error) {
    if (!error) {
        label->setPalette(QPalette()); // the parent's again
        return;
    }
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, themeColor(ColorRole::ErrorText, palette));
    label->setPalette(palette);
}
} // namespace

QLabel *makeErrorLabel(const QString &objectName, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    showAsError(label, true);
    label->hide();
    return label;
}

void showStatus(QLabel *label, const QString &text, bool error) {
    label->setText(text);
    showAsError(label, error);
    label->setVisible(!text.isEmpty());
}

} // namespace knotie
