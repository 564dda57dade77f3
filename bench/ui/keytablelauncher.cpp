// bench_keytable_child: starts bench_keytable's children as knotie-portal starts the portal
// (app/launcher.cpp). It links no Qt. For the page, it starts loading the font configuration on a
// thread; then it loads the children's module beside it, linked to the libraries of the portal's
// second stage. The floor, a bare Qt program, loads its fonts when it first needs them.
#include "ui/style/fontloading.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstring>
#include <string>

int main(int argc, char *argv[]) {
    if (argc > 1 && std::strcmp(argv[1], "page") == 0)
        knotie::startLoadingFonts();
    char path[PATH_MAX];
    const ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
    const std::string program = length > 0 ? std::string(path, size_t(length)) : std::string("./");
    const std::string module = program.substr(0, program.rfind('/') + 1) + "keytablechildren.so";
    using Entry = int (*)(int, char **, void (*)());
    void *children = dlopen(module.c_str(), RTLD_LAZY);
    const auto entry = children ? reinterpret_cast<Entry>(dlsym(children, "bench_keytable_child")) : nullptr;
    if (!entry) {
        const char *error = dlerror();
        std::fprintf(stderr, "bench_keytable_child: %s\n", error ? error : module.c_str());
        return 1;
    }
    return entry(argc, argv, knotie::finishLoadingFonts);
}
