#include "ui/widgets/messageline.h"

#include "ui/style/palette.h"

namespace knotie {

MessageLine::MessageLine(const QString &objectName, QWidget *parent)
    : QLabel(parent) {
    setObjectName(objectName);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
}

void MessageLine::showMessage(const QString &text, bool error) {
    m_message = text;
    setStyleSheet(error ? colorStyle(ColorRole::ErrorText) : QString());
    setToolTip(text);
    setAccessibleDescription(text);
    elide();
}

QSize MessageLine::sizeHint() const {
    return {0, fontMetrics().height() + 2 * margin()};
}

QSize MessageLine::minimumSizeHint() const {
    return sizeHint();
}

void MessageLine::resizeEvent(QResizeEvent *event) {
    QLabel::resizeEvent(event);
    elide();
}

void MessageLine::elide() {
    QString oneLine = m_message;
    oneLine.replace(QLatin1Char('\n'), QLatin1Char(' '));
    setText(fontMetrics().elidedText(oneLine, Qt::ElideRight, qMax(0, contentsRect().width())));
}

} // namespace knotie
