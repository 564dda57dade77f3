#pragma once

#include "models/data/apikey.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QPixmap>
#include <QStyledItemDelegate>

#include <memory>

namespace knotie {

class KeyTableModel;

// What the status column says of a key: "Expiring in 5 hours", "Expires soon (in 3 days)",
// with the colour it is drawn in. Rotated keys say which key replaced them.
struct KeyStatusText {
    QString text;
    QColor colour;
};
KeyStatusText keyStatusText(const ApiKey &key, const KeyTableModel &model, UnixTime now);

// Draws the key table's type badges, status with time left and 7-day usage sparklines;
// every other column is drawn as text. Reads the keys straight from the KeyTableModel
// under whatever proxies the view shows.
class KeyTableDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    KeyTableDelegate(const KeyTableModel *keys, QObject *parent = nullptr);
    ~KeyTableDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The status in full as the tooltip: "Expiring in 5 hours, replaced by …" rarely fits.
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

private:
    int sourceRow(const QModelIndex &index) const;
    void paintBadge(QPainter *painter, const QRect &rect, KeyType type) const;
    static QPixmap badgePixmap(KeyType type, const QSize &size, qreal dpr, const QFont &cellFont);
    void paintKeyMark(QPainter *painter, const QRect &rect, const QColor &colour) const;
    void paintSparkline(QPainter *painter, const QRect &rect, const QList<qint64> &series,
                        const QColor &colour) const;

    const KeyTableModel *m_keys;
    class ShapedTexts;
    std::unique_ptr<ShapedTexts> m_cellTexts; // in the view's font
    // The badges drawn, by type and size, for the palette, pixel ratio and font they were drawn in.
    mutable QHash<quint64, QPixmap> m_badges;
    mutable qint64 m_badgePalette = 0;
    mutable qreal m_badgeRatio = 0;
    mutable QFont m_badgeFont;
};

} // namespace knotie
