#pragma once

#include <QCoreApplication>
#include <QString>

namespace knotie {

// The portal's name in the person's language, which the window system puts after each
// window's title; so no title names the portal itself. Here rather than in MainWindow, since
// the first stage (app/firststage.cpp) sets it before that class is loaded; its translation keeps
// the context it always had.
inline QString portalDisplayName() {
    return QCoreApplication::translate("knotie::MainWindow", "Knotie Partner Portal");
}

} // namespace knotie
