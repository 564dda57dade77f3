#pragma once

// What a launcher without Qt needs to load a stage beside it: knotie-portal (app/launcher.cpp)
// and the key table benchmark's launcher (bench/ui/keytablelauncher.cpp), which starts its
// children the same way. No Qt here: Qt is not loaded yet.
#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <string>

namespace knotie::stages {

// The dynamic loader's words for the last failure.
inline std::string loaderError() {
    const char *error = dlerror();
    return error ? error : "unknown error";
}

// The folder of the running program, without a trailing slash.
inline std::string programFolder() {
    char path[PATH_MAX];
    const ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
    if (length <= 0)
        return ".";
    const std::string program(path, size_t(length));
    return program.substr(0, program.rfind('/'));
}

} // namespace knotie::stages
