#include "ui/widgets/choicegroup.h"

#include <QAbstractButton>
#include <QButtonGroup>

namespace knotie {

void tabToCheckedChoice(QButtonGroup *group) {
    const auto update = [group] {
        for (QAbstractButton *button : group->buttons())
            button->setFocusPolicy(button->isChecked() || !group->checkedButton() ? Qt::StrongFocus
                                                                                  : Qt::ClickFocus);
    };
    QObject::connect(group, &QButtonGroup::buttonToggled, group, update);
    update();
}

} // namespace knotie
