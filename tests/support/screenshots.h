#pragma once

#include <QDir>
#include <QPixmap>
#include <QWidget>

namespace knotie::test {

// Widget tests double as the screenshot generator: with KNOTIE_SCREENSHOT_DIR set
// (docs/screenshots/generate.sh sets it), they save what they rendered there.
// Returns false if the widget rendered nothing.
inline bool grabForDocs(QWidget *widget, const QString &name) {
    widget->adjustSize();
    const QPixmap pixmap = widget->grab();
    if (pixmap.isNull() || pixmap.width() < 50 || pixmap.height() < 50)
        return false;
    const QString dir = qEnvironmentVariable("KNOTIE_SCREENSHOT_DIR");
    return dir.isEmpty() || pixmap.save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace knotie::test
