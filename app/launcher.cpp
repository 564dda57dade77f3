// knotie-portal, the program people start: it links neither Qt nor anything but fontconfig. It
// starts loading the font configuration on a thread, then loads the first stage (Qt Widgets and
// the sign-in dialog, app/stages.h) while the fonts load, on another processor
// (models/threadplacement.h). The two still slow each other a little through the address space's
// lock, but the fonts are ready sooner than when read after Qt is loaded (docs/architecture.md,
// "Cold start").
#include "app/stageloading.h"
#include "app/stages.h"
#include "ui/style/fontloading.h"

#include <cstdio>
#include <string>

int main(int argc, char *argv[]) {
    using namespace knotie::stages;
    knotie::startLoadingFonts();
    const std::string folder = programFolder();
    const std::string file = std::string(firstStageName) + ".so";
    std::string errors;
    // Installed: in the library folder; built: beside this program.
    for (const std::string &stages : {folder + "/" KNOTIE_MODULE_DIR, folder}) {
        // Global: the second stage uses the sign-in dialog from here, the one copy in the process.
        if (void *stage = dlopen((stages + "/" + file).c_str(), RTLD_LAZY | RTLD_GLOBAL)) {
            if (const auto run = reinterpret_cast<RunPortalFunction>(dlsym(stage, runPortalSymbol)))
                return run(argc, argv, stages.c_str(), knotie::finishLoadingFonts);
            errors = loaderError();
            break;
        }
        errors += (errors.empty() ? "" : "; ") + loaderError();
    }
    std::fprintf(stderr,
                 "knotie-portal: part of the portal is missing or damaged (%s). Install the Knotie "
                 "Partner Portal again.\n",
                 errors.c_str());
    return 1;
}
