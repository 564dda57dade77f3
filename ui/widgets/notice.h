#pragma once

class QLabel;
class QWidget;

namespace knotie {

// A warm, wrapped notice above a page's content or in a dialog: "offline since …",
// "copy this key now". Coloured through the palette, not a style sheet, so it costs
// nothing on the way to a page's first paint.
QLabel *makeNotice(QWidget *parent);

} // namespace knotie
