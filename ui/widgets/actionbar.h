#pragma once

#include <QWidget>

class QAction;
class QHBoxLayout;
class QToolButton;

namespace knotie {

// A row of flat buttons, one per action, showing the action's text and following its
// state. Unlike QToolBar's buttons they are in the Tab order, so every action of a page
// can be reached from the keyboard in the order it is seen.
class ActionBar : public QWidget {
    Q_OBJECT
public:
    ActionBar(const QString &accessibleName, QWidget *parent);

    QToolButton *addButton(QAction *action);
    void addSeparator();
    // The buttons, left to right: for a page's Tab order.
    QList<QWidget *> buttons() const { return m_buttons; }

private:
    QHBoxLayout *m_layout;
    QList<QWidget *> m_buttons;
};

} // namespace knotie
