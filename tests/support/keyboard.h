#pragma once

#include <QAccessible>
#include <QApplication>
#include <QTest>
#include <QWidget>

namespace knotie::test {

// What a screen reader announces for a control: the name set on it, or else what
// assistive technology reads (a button's text).
inline QString spokenName(QWidget *widget) {
    QString name = widget->accessibleName();
    if (name.isEmpty())
        if (QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget))
            name = accessible->text(QAccessible::Name);
    return name;
}

// Presses Tab from `first` until the focus comes back to it, and returns every control
// it reached in order. `window` must be shown and active.
inline QList<QWidget *> tabChain(QWidget *first, int limit = 80) {
    QList<QWidget *> chain;
    first->setFocus(Qt::TabFocusReason);
    QWidget *widget = QApplication::focusWidget();
    while (widget && chain.size() < limit && !chain.contains(widget)) {
        chain.append(widget);
        QTest::keyClick(widget, Qt::Key_Tab);
        widget = QApplication::focusWidget();
    }
    return chain;
}

// Fails unless Tab visits the window's controls as they are read: top to bottom, and
// left to right within a row, each with a name. Returns the names, for the log.
inline QStringList verifyTabOrderReadsLikeTheWindow(QWidget *window, QWidget *first) {
    QStringList names;
    const QList<QWidget *> chain = tabChain(first);
    QPoint previous(-1, -1);
    for (QWidget *w : chain) {
        const QString name = spokenName(w);
        if (name.isEmpty()) {
            QTest::qFail(
                qPrintable(QStringLiteral("%1 \"%2\" has no name")
                               .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())),
                __FILE__, __LINE__);
            return names;
        }
        const QPoint at = w->mapTo(window, QPoint(0, 0));
        // Same row: within a few pixels of the one before (labels and fields differ in height).
        const bool sameRow = qAbs(at.y() - previous.y()) <= 6;
        if (!names.isEmpty() && !(sameRow ? at.x() > previous.x() : at.y() > previous.y())) {
            QTest::qFail(
                qPrintable(
                    QStringLiteral("Tab goes from \"%1\" back up or left to \"%2\"").arg(names.last(), name)),
                __FILE__, __LINE__);
            return names;
        }
        names.append(name);
        previous = at;
    }
    return names;
}

} // namespace knotie::test
