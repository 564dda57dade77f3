#include "ui/style/fontloading.h"

#include <fontconfig/fontconfig.h>

#include <thread>

namespace knotie {

namespace {
std::thread &fontLoader() {
    static std::thread loader;
    return loader;
}
} // namespace

void startLoadingFonts() {
    // Fontconfig keeps the configuration it loads as the process's own: Qt's font database
    // finds it loaded when the first text needs it.
    if (!fontLoader().joinable())
        fontLoader() = std::thread([] { FcInit(); });
}

void finishLoadingFonts() {
    if (fontLoader().joinable())
        fontLoader().join();
}

} // namespace knotie
