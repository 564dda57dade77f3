#pragma once

class QLineEdit;

namespace knotie {

// Gives a search box a clear button (shown while there is text) and clears it with
// Escape. Unlike QLineEdit's own clear button, its icon is drawn here: the style's icon
// goes through Qt's icon theme loader, whose first use scans and loads every image
// format plugin, milliseconds on the way to a page's first paint.
void addClearButton(QLineEdit *field);

} // namespace knotie
