#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace knotie {

// The labels that tell the person something, one look for each kind.

// A warm, wrapped notice above a page's content or in a dialog: "offline since …",
// "copy this key now". Coloured through the palette, not a style sheet, so it costs
// nothing on the way to a page's first paint.
QLabel *makeNotice(QWidget *parent);

// A wrapped error beside a field or at the foot of a dialog, hidden until it has
// something to say.
QLabel *makeErrorLabel(const QString &objectName, QWidget *parent);

// Shows `text` in `label`, in the error colour when `error`; hides the label when empty.
void showStatus(QLabel *label, const QString &text, bool error);

} // namespace knotie
