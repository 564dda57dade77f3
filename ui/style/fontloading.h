#pragma once

namespace knotie {

// Reads the system's font configuration on a thread of its own while the program loads Qt and
// connects to the window system. Fontconfig parses every configuration file first (4 ms on a
// Debian desktop, a sixth of the time to the first window), and the first text drawn would wait
// for it. Call first thing in main(), before the QApplication; the portal's launcher calls it
// before Qt is even loaded (app/launcher.cpp). No Qt here, for that reason.
void startLoadingFonts();

// Waits for startLoadingFonts() to finish, if it was called: after the QApplication and before
// the first widget, since two threads loading the configuration at once would each do all of it.
void finishLoadingFonts();

} // namespace knotie
