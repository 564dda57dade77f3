#include "ui/style/fontloading.h"

#include "models/threadplacement.h"

#include <fontconfig/fontconfig.h>

#include <thread>

namespace knotie {

namespace {
// Joined at exit too: a program may end (--help, or a stage that would not load) before it
// ever waits for the fonts.
struct FontLoader {
    std::thread thread;
    ~FontLoader() {
        if (thread.joinable())
            thread.join();
    }
};

std::thread &fontLoader() {
    static FontLoader loader;
    return loader.thread;
}
} // namespace

void startLoadingFonts() {
    // Fontconfig keeps the configuration it loads as the process's own: Qt's font database
    // finds it loaded when the first text needs it.
    if (!fontLoader().joinable())
        fontLoader() = std::thread([starter = currentProcessor()] {
            leaveCreatorsProcessor(starter);
            FcInit();
        });
}

void finishLoadingFonts() {
    if (fontLoader().joinable())
        fontLoader().join();
}

} // namespace knotie
