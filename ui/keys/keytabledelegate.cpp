#include "keytabledelegate.h"

#include "items/keytablemodel.h"
#include "keytypetext.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

namespace knotie {

namespace {
constexpr qint64 expiresSoonSeconds = 7 * 86400;
}

KeyStatusText keyStatusText(const ApiKey &key, const KeyTableModel &model, UnixTime now) {
    switch (key.status) {
    case KeyStatus::Revoked:
        return {keyStatusDisplayName(key.status), QColor(0x9e, 0x9e, 0x9e)};
    case KeyStatus::Expired:
        return {keyStatusDisplayName(key.status), QColor(0x9e, 0x9e, 0x9e)};
    case KeyStatus::Expiring: {
        const int successor = key.replacedBy.isEmpty() ? -1 : model.rowOf(key.replacedBy);
        const QString when = relativeTime(key.expiresAt, now);
        if (successor >= 0)
            return {
                KeyTableDelegate::tr("Expiring %1, replaced by “%2”").arg(when, model.keyAt(successor).name),
                QColor(0xe6, 0x51, 0x00)};
        return {KeyTableDelegate::tr("Expiring %1").arg(when), QColor(0xe6, 0x51, 0x00)};
    }
    case KeyStatus::Active:
        if (key.expiresAt && key.expiresAt - now < expiresSoonSeconds)
            return {KeyTableDelegate::tr("Expires soon (%1)").arg(relativeTime(key.expiresAt, now)),
                    QColor(0xf5, 0x7c, 0x00)};
        return {keyStatusDisplayName(key.status), QColor(0x2e, 0x7d, 0x32)};
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
    const int column = index.column();
    if (column != KeyTableModel::Type && column != KeyTableModel::Status && column != KeyTableModel::Usage)
        return QStyledItemDelegate::paint(painter, option, index);
    const int row = sourceRow(index);
    if (row < 0)
        return;
    // The background, selection and focus as the style draws them, without text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const ApiKey &key = m_keys->keyAt(row);
    const QRect rect = option.rect.adjusted(6, 3, -6, -3);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    if (column == KeyTableModel::Type) {
        paintBadge(painter, rect, key);
    } else if (column == KeyTableModel::Status) {
        const KeyStatusText status = keyStatusText(key, *m_keys, QDateTime::currentSecsSinceEpoch());
        const int dot = 8;
        painter->setPen(Qt::NoPen);
        painter->setBrush(status.colour);
        painter->drawEllipse(QRect(rect.left(), rect.center().y() - dot / 2, dot, dot));
        painter->setPen(text);
        const QRect textRect = rect.adjusted(dot + 6, 0, 0, 0);
        painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                          option.fontMetrics.elidedText(status.text, Qt::ElideRight, textRect.width()));
    } else {
        paintSparkline(painter, rect, m_keys->sparkline(row),
                       selected ? text : option.palette.color(QPalette::Highlight));
    }
    painter->restore();
}

void KeyTableDelegate::paintBadge(QPainter *painter, const QRect &rect, const ApiKey &key) const {
    const KeyTypeText type = keyTypeText(key.type);
    QFont font = painter->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.9);
    painter->setFont(font);
    const QFontMetrics metrics(font);
    const int width = qMin(rect.width(), metrics.horizontalAdvance(type.title) + 14);
    const int height = qMin(rect.height(), metrics.height() + 4);
    const QRect badge(rect.left(), rect.center().y() - height / 2, width, height);
    painter->setPen(Qt::NoPen);
    painter->setBrush(type.badge);
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, metrics.elidedText(type.title, Qt::ElideRight, width - 8));
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

QSize KeyTableDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == KeyTableModel::Usage)
        size.setWidth(qMax(size.width(), 90));
    return size;
}

} // namespace knotie
