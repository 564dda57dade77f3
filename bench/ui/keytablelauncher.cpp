// bench_keytable_child: starts bench_keytable's children as knotie-portal starts the portal
// (app/launcher.cpp). It links no Qt. For the page, it starts loading the font configuration on a
// thread; then it loads the children's module beside it, linked to the libraries of the portal's
// second stage. The floor, a bare Qt program, loads its fonts when it first needs them.
#include "app/stageloading.h"
#include "ui/style/fontloading.h"

#include <cstdio>
#include <cstring>
#include <string>

int main(int argc, char *argv[]) {
    if (argc > 1 && std::strcmp(argv[1], "page") == 0)
        knotie::startLoadingFonts();
    const std::string module = knotie::stages::programFolder() + "/keytablechildren.so";
    using Entry = int (*)(int, char **, void (*)());
    void *children = dlopen(module.c_str(), RTLD_LAZY);
    const auto entry = children ? reinterpret_cast<Entry>(dlsym(children, "bench_keytable_child")) : nullptr;
    if (!entry) {
        std::fprintf(stderr, "bench_keytable_child: %s\n", knotie::stages::loaderError().c_str());
        return 1;
    }
    return entry(argc, argv, knotie::finishLoadingFonts);
}
