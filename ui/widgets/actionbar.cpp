#include "ui/widgets/actionbar.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QToolButton>

namespace knotie {

ActionBar::ActionBar(const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this)) {
    setAccessibleName(accessibleName);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(2);
    m_layout->addStretch();
}

QToolButton *ActionBar::addButton(QAction *action) {
    auto *button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::TabFocus);
    m_layout->insertWidget(m_layout->count() - 1, button); // before the stretch
    m_buttons.append(button);
    return button;
}

void ActionBar::addSeparator() {
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    m_layout->insertWidget(m_layout->count() - 1, line);
}

} // namespace knotie
