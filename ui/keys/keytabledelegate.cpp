#include "ui/keys/keytabledelegate.h"

#include "models/items/keytablemodel.h"
#include "ui/keys/keytypetext.h"
#include "ui/style/palette.h"

#include <QAbstractItemView>
#include <QAbstractProxyModel>
#include <QApplication>
#include <QDateTime>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>
#include <QToolTip>
#include <QtMath>

#include <utility>

namespace knotie {

namespace {
constexpr qint64 expiresSoonSeconds = 7 * 86400;

// One line of a cell's text, shaped once. Qt's item text path shapes each cell three times
// (to size it, to elide it and to draw it), and the table's frames are mostly cell text.
class CellText {
public:
    CellText(const QString &text, const QFont &font, QPaintDevice *device)
        : m_layout(text, font, device) {
        m_layout.setCacheEnabled(true); // keeps the shaped glyphs for draw()
        m_layout.beginLayout();
        m_line = m_layout.createLine();
        m_layout.endLayout();
    }

    qreal width() const { return m_line.isValid() ? m_line.naturalTextWidth() : 0; }

    // Draws with the painter's pen; text wider than rect is elided.
    void draw(QPainter *painter, const QRect &rect, Qt::Alignment alignment) const {
        if (width() <= rect.width())
            return drawAsLaidOut(painter, rect, alignment);
        const QFontMetrics metrics(m_layout.font(), painter->device());
        const QString elided = metrics.elidedText(m_layout.text(), Qt::ElideRight, rect.width());
        CellText(elided, m_layout.font(), painter->device()).drawAsLaidOut(painter, rect, alignment);
    }

private:
    void drawAsLaidOut(QPainter *painter, const QRect &rect, Qt::Alignment alignment) const {
        if (!m_line.isValid())
            return;
        const QSize size(qCeil(width()), qCeil(m_line.height()));
        m_line.draw(painter,
                    QStyle::alignedRect(painter->layoutDirection(), alignment, size, rect).topLeft());
    }

    QTextLayout m_layout;
    QTextLine m_line;
};
} // namespace

KeyStatusText keyStatusText(const ApiKey &key, const KeyTableModel &model, UnixTime now) {
    switch (key.status) {
    case KeyStatus::Revoked:
        return {revokedText(key, now), themeColor(ColorRole::KeyRetired)};
    case KeyStatus::Expired:
        return {keyStatusDisplayName(key.status), themeColor(ColorRole::KeyRetired)};
    case KeyStatus::Expiring: {
        const int successor = key.replacedBy.isEmpty() ? -1 : model.rowOf(key.replacedBy);
        const QString when = relativeTime(key.expiresAt, now);
        if (successor >= 0)
            return {KeyTableDelegate::tr("Expiring %1, replaced by %2")
                        .arg(when, keyLabel(model.keyAt(successor))),
                    themeColor(ColorRole::KeyExpiring)};
        return {KeyTableDelegate::tr("Expiring %1").arg(when), themeColor(ColorRole::KeyExpiring)};
    }
    case KeyStatus::Active:
        if (key.expiresAt && key.expiresAt - now < expiresSoonSeconds)
            return {KeyTableDelegate::tr("Expires soon (%1)").arg(relativeTime(key.expiresAt, now)),
                    themeColor(ColorRole::KeyExpiresSoon)};
        return {keyStatusDisplayName(key.status), themeColor(ColorRole::KeyActive)};
    }
    return {};
}

KeyTableDelegate::KeyTableDelegate(const KeyTableModel *keys, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_keys(keys) {}

int KeyTableDelegate::sourceRow(const QModelIndex &index) const {
    QModelIndex source = index;
    while (source.isValid() && source.model() != m_keys) {
        const auto *proxy = qobject_cast<const QAbstractProxyModel *>(source.model());
        if (!proxy)
            return -1;
        source = proxy->mapToSource(source);
    }
    return source.isValid() ? source.row() : -1;
}

void KeyTableDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const {
    // The background, selection and focus as the style draws them; the text is drawn here.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString cellText = std::exchange(opt.text, QString());
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled)  ? QPalette::Disabled
                                       : !(opt.state & QStyle::State_Active) ? QPalette::Inactive
                                                                             : QPalette::Normal;
    const QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(text);
    const int column = index.column();
    if (column != KeyTableModel::Type && column != KeyTableModel::Status && column != KeyTableModel::Usage) {
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        QRect textRect = opt.rect.adjusted(margin, 0, -margin, 0);
        // A small key at the end of the Key cell: its secret is in the system keychain.
        if (column == KeyTableModel::Key && index.data(SavedSecretRole).toBool()) {
            const int side = qMin(14, textRect.height() - 4);
            const QRect mark(textRect.right() - side, textRect.center().y() - side / 2, side, side);
            paintKeyMark(painter, mark, text);
            textRect.setRight(mark.left() - 4);
        }
        CellText(cellText, opt.font, painter->device()).draw(painter, textRect, opt.displayAlignment);
    } else if (const int row = sourceRow(index); row >= 0) {
        const ApiKey &key = m_keys->keyAt(row);
        const QRect rect = opt.rect.adjusted(6, 3, -6, -3);
        painter->setRenderHint(QPainter::Antialiasing);
        if (column == KeyTableModel::Type) {
            paintBadge(painter, rect, key);
        } else if (column == KeyTableModel::Status) {
            const KeyStatusText status = keyStatusText(key, *m_keys, QDateTime::currentSecsSinceEpoch());
            const int dot = 8;
            painter->setPen(Qt::NoPen);
            painter->setBrush(status.colour);
            painter->drawEllipse(QRect(rect.left(), rect.center().y() - dot / 2, dot, dot));
            painter->setPen(text);
            CellText(status.text, opt.font, painter->device())
                .draw(painter, rect.adjusted(dot + 6, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft);
        } else {
            paintSparkline(painter, rect, m_keys->sparkline(row),
                           selected ? text : opt.palette.color(group, QPalette::Highlight));
        }
    }
    painter->restore();
}

void KeyTableDelegate::paintKeyMark(QPainter *painter, const QRect &rect, const QColor &colour) const {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(colour, 1.4));
    painter->setBrush(Qt::NoBrush);
    const qreal r = rect.height() * 0.28;
    const QPointF bow(rect.left() + r + 1, rect.center().y() + 0.5);
    painter->drawEllipse(bow, r, r);
    const qreal y = bow.y();
    painter->drawLine(QPointF(bow.x() + r, y), QPointF(rect.right(), y));
    painter->drawLine(QPointF(rect.right() - 1, y), QPointF(rect.right() - 1, y + r));
    painter->drawLine(QPointF(rect.right() - 4, y), QPointF(rect.right() - 4, y + r * 0.8));
    painter->restore();
}

void KeyTableDelegate::paintBadge(QPainter *painter, const QRect &rect, const ApiKey &key) const {
    const KeyTypeText type = keyTypeText(key.type);
    QFont font = painter->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.9);
    painter->setFont(font);
    const CellText title(type.title, font, painter->device());
    const int width = qMin(rect.width(), qCeil(title.width()) + 14);
    const int height = qMin(rect.height(), QFontMetrics(font, painter->device()).height() + 4);
    const QRect badge(rect.left(), rect.center().y() - height / 2, width, height);
    painter->setPen(Qt::NoPen);
    painter->setBrush(type.badge);
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setPen(Qt::white);
    title.draw(painter, badge.adjusted(4, 0, -4, 0), Qt::AlignCenter);
}

void KeyTableDelegate::paintSparkline(QPainter *painter, const QRect &rect, const QList<qint64> &series,
                                      const QColor &colour) const {
    if (series.isEmpty())
        return;
    const qint64 peak = qMax<qint64>(1, *std::max_element(series.begin(), series.end()));
    const int n = int(series.size());
    QPainterPath path;
    for (int i = 0; i < n; ++i) {
        const qreal x = rect.left() + (n == 1 ? rect.width() / 2.0 : rect.width() * qreal(i) / (n - 1));
        const qreal y = rect.bottom() - rect.height() * qreal(series[i]) / qreal(peak);
        if (i == 0)
            path.moveTo(x, y);
        else
            path.lineTo(x, y);
    }
    painter->setPen(QPen(colour, 1.5));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);
}

bool KeyTableDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                 const QStyleOptionViewItem &option, const QModelIndex &index) {
    if (event->type() == QEvent::ToolTip && index.column() == KeyTableModel::Status) {
        if (const int row = sourceRow(index); row >= 0) {
            const ApiKey &key = m_keys->keyAt(row);
            QToolTip::showText(event->globalPos(),
                               keyStatusText(key, *m_keys, QDateTime::currentSecsSinceEpoch()).text,
                               view->viewport(), option.rect);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

QSize KeyTableDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == KeyTableModel::Usage)
        size.setWidth(qMax(size.width(), 90));
    return size;
}

} // namespace knotie
