#include "ui/widgets/searchfield.h"

#include <QAction>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLineEdit>
#include <QPainter>
#include <QShortcut>

namespace knotie {

namespace {
QIcon clearIcon(const QLineEdit *field) {
    const qreal ratio = qApp->devicePixelRatio();
    const int side = 16;
    QPixmap pixmap(QSize(side, side) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(field->palette().color(QPalette::PlaceholderText));
    p.drawEllipse(QRectF(1, 1, side - 2, side - 2));
    p.setPen(QPen(field->palette().color(QPalette::Base), 1.6, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(5.5, 5.5), QPointF(side - 5.5, side - 5.5));
    p.drawLine(QPointF(side - 5.5, 5.5), QPointF(5.5, side - 5.5));
    return QIcon(pixmap);
}
} // namespace

void addClearButton(QLineEdit *field) {
    auto *clear = field->addAction(QIcon(), QLineEdit::TrailingPosition);
    clear->setObjectName(QStringLiteral("clearSearch"));
    clear->setText(QCoreApplication::translate("SearchField", "Clear"));
    clear->setVisible(false);
    QObject::connect(clear, &QAction::triggered, field, &QLineEdit::clear);
    QObject::connect(field, &QLineEdit::textChanged, clear, [field, clear](const QString &text) {
        if (clear->icon().isNull()) // drawn when first shown, not while the window opens
            clear->setIcon(clearIcon(field));
        clear->setVisible(!text.isEmpty());
    });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), field, field, &QLineEdit::clear);
    escape->setContext(Qt::WidgetShortcut);
}

} // namespace knotie
