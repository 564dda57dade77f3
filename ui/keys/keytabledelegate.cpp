#include "ui/keys/keytabledelegate.h"

#include "models/items/keytablemodel.h"
#include "ui/keys/keytypetext.h"
#include "ui/style/palette.h"

#include <QAbstractItemView>
#include <QAbstractProxyModel>
#include <QApplication>
#include <QCache>
#include <QDateTime>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>
#include <QToolTip>
#include <QtMath>

#include <memory>
#include <utility>

namespace knotie {

namespace {
constexpr qint64 expiresSoonSeconds = 7 * 86400;

// One line of a cell's text, shaped once. Qt's item text path shapes each cell three times
// (to size it, to elide it and to draw it), and the table's frames are mostly cell text.
class CellText {
public:
    CellText(const QString &text, const QFont &font, const QPaintDevice *device)
        : m_layout(text, font, device) {
        m_layout.setCacheEnabled(true); // keeps the shaped glyphs for draw()
        m_layout.beginLayout();
        m_line = m_layout.createLine();
        m_layout.endLayout();
    }

    qreal width() const { return m_line.isValid() ? m_line.naturalTextWidth() : 0; }

    // This text, or when wider than width, the text elided at the right to fit it. The last
    // elision is kept: a column keeps its width from frame to frame.
    const CellText &fittedTo(int width) const {
        if (this->width() <= width)
            return *this;
        if (!m_elided || m_elidedWidth != width) {
            // The layout's font is already resolved for the device it was shaped for.
            const QFont &font = m_layout.font();
            m_elided = std::make_unique<CellText>(
                QFontMetrics(font).elidedText(m_layout.text(), Qt::ElideRight, width), font, nullptr);
            m_elidedWidth = width;
        }
        return *m_elided;
    }

    void draw(QPainter *painter, const QRect &rect, Qt::Alignment alignment) const {
        if (!m_line.isValid())
            return;
        const QSize size(qCeil(width()), qCeil(m_line.height()));
        m_line.draw(painter,
                    QStyle::alignedRect(painter->layoutDirection(), alignment, size, rect).topLeft());
    }

private:
    QTextLayout m_layout;
    QTextLine m_line;
    mutable std::unique_ptr<CellText> m_elided;
    mutable int m_elidedWidth = -1;
};
} // namespace

// The texts of the cells drawn lately, shaped in one font: a table repaints the same few
// hundred texts as it scrolls, selects and refreshes, and shaping is most of a cell's cost.
class KeyTableDelegate::ShapedTexts {
public:
    const CellText &shaped(const QString &text, const QFont &font, const QPaintDevice *device) {
        const int dpi = device ? device->logicalDpiY() : 0;
        if (font != m_font || dpi != m_dpi) {
            m_texts.clear();
            m_font = font;
            m_dpi = dpi;
        }
        if (const CellText *known = m_texts.object(text))
            return *known;
        auto *shaped = new CellText(text, font, device);
        m_texts.insert(text, shaped);
        return *shaped;
    }

private:
    QFont m_font;
    int m_dpi = 0;
    // Several screenfuls of cells; a few hundred KiB.
    QCache<QString, CellText> m_texts{1500};
};

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
    , m_keys(keys)
    , m_cellTexts(std::make_unique<ShapedTexts>()) {}

KeyTableDelegate::~KeyTableDelegate() = default;

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
    // The style's whole item (CE_ItemViewItem) first works out where a check box, an icon
    // and the text would go, a third of a plain cell's cost: only a cell with a focus frame
    // or an icon needs that; any other is its background.
    if ((opt.state & QStyle::State_HasFocus) ||
        (opt.features & (QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDecoration)))
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    else
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

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
        m_cellTexts->shaped(cellText, opt.font, painter->device())
            .fittedTo(textRect.width())
            .draw(painter, textRect, opt.displayAlignment);
    } else if (const int row = sourceRow(index); row >= 0) {
        const ApiKey &key = m_keys->keyAt(row);
        const QRect rect = opt.rect.adjusted(6, 3, -6, -3);
        painter->setRenderHint(QPainter::Antialiasing);
        if (column == KeyTableModel::Type) {
            paintBadge(painter, rect, key.type);
        } else if (column == KeyTableModel::Status) {
            const KeyStatusText status = keyStatusText(key, *m_keys, QDateTime::currentSecsSinceEpoch());
            const int dot = 8;
            painter->setPen(Qt::NoPen);
            painter->setBrush(status.colour);
            painter->drawEllipse(QRect(rect.left(), rect.center().y() - dot / 2, dot, dot));
            painter->setPen(text);
            const QRect textRect = rect.adjusted(dot + 6, 0, 0, 0);
            m_cellTexts->shaped(status.text, opt.font, painter->device())
                .fittedTo(textRect.width())
                .draw(painter, textRect, Qt::AlignVCenter | Qt::AlignLeft);
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

// A badge is drawn once for its type, size and the palette, and copied from then on: its
// antialiased pill and bold text were a third of the cost of a row.
void KeyTableDelegate::paintBadge(QPainter *painter, const QRect &rect, KeyType type) const {
    const qreal dpr = painter->device()->devicePixelRatioF();
    const qint64 palette = QGuiApplication::palette().cacheKey();
    const QFont &font = painter->font();
    // Column widths change as people drag them: only the latest few sizes are kept.
    if (palette != m_badgePalette || dpr != m_badgeRatio || font != m_badgeFont || m_badges.size() > 64) {
        m_badges.clear();
        m_badgePalette = palette;
        m_badgeRatio = dpr;
        m_badgeFont = font;
    }
    const quint64 key = quint64(type) << 48 | quint64(quint16(rect.width())) << 16 | quint16(rect.height());
    auto badge = m_badges.constFind(key);
    if (badge == m_badges.cend())
        badge = m_badges.insert(key, badgePixmap(type, rect.size(), dpr, font));
    painter->drawPixmap(rect.topLeft(), *badge);
}

QPixmap KeyTableDelegate::badgePixmap(KeyType type, const QSize &size, qreal dpr, const QFont &cellFont) {
    QPixmap pixmap(size * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const KeyTypeText text = keyTypeText(type);
    // The table's own bold weight: its font is loaded for the header already, where a size
    // of its own would be one more font to load before the first frame.
    QFont font = cellFont;
    font.setBold(true);
    painter.setFont(font);
    const CellText title(text.title, font, &pixmap);
    const QRect rect(QPoint(0, 0), size);
    const int width = qMin(rect.width(), qCeil(title.width()) + 14);
    const int height = qMin(rect.height(), QFontMetrics(font, &pixmap).height() + 4);
    const QRect pill(rect.left(), rect.center().y() - height / 2, width, height);
    painter.setPen(Qt::NoPen);
    painter.setBrush(text.badge);
    painter.drawRoundedRect(pill, height / 2.0, height / 2.0);
    painter.setPen(Qt::white);
    const QRect titleRect = pill.adjusted(4, 0, -4, 0);
    title.fittedTo(titleRect.width()).draw(&painter, titleRect, Qt::AlignCenter);
    return pixmap;
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
