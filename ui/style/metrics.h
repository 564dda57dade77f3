#pragma once

#include <QMargins>

namespace knotie {

// The outer margins of every page (left, top, right, bottom). Pages that end in a bar of
// buttons sit closer to the window's bottom edge.
inline constexpr QMargins pageMargins{24, 20, 24, 20};
inline constexpr QMargins pageMarginsAboveButtons{24, 20, 24, 12};

} // namespace knotie
