// knotie-portal, the program people start: it links neither Qt nor anything but fontconfig. It
// starts loading the font configuration on a thread, then loads the first stage (Qt Widgets and
// the sign-in dialog, app/stages.h): the dynamic loader's work for Qt takes one core while the
// fonts load on the other, where the X server would otherwise wait for them.
#include "app/stages.h"
#include "ui/style/fontloading.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <string>

namespace {
// The dynamic loader's words for the last failure.
std::string loaderError() {
    const char *error = dlerror();
    return error ? error : "unknown error";
}

std::string programFolder() {
    char path[PATH_MAX];
    const ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
    if (length <= 0)
        return ".";
    const std::string program(path, size_t(length));
    return program.substr(0, program.rfind('/'));
}
} // namespace

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
