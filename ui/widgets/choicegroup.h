#pragma once

class QButtonGroup;

namespace knotie {

// Makes Tab reach a group of exclusive choices at the chosen one, as on other desktops,
// rather than at the first (where Space would change the choice by accident); the
// arrow keys still move between the choices. Call once the group has its buttons.
void tabToCheckedChoice(QButtonGroup *group);

} // namespace knotie
