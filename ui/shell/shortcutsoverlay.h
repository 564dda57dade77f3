#pragma once

#include <QDialog>

namespace knotie {

// The keyboard shortcuts of a window, read from its own actions (so the list can never
// disagree with what the keys do), shown over it until a key or click closes it.
class ShortcutsOverlay : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsOverlay(QWidget *window);

    // "Ctrl+K" → "Go to Page or Key…", in menu order.
    static QList<QPair<QString, QString>> shortcutsOf(const QWidget *window);
};

} // namespace knotie
