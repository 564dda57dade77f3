#pragma once

#include <QtGlobal>

namespace knotie::test {

// How many times slower this test build runs than a plain one. The asan preset's tests run
// with ASAN_OPTIONS set and their code instrumented (several times slower), so waits for a
// gateway to start and the generous bounds a test checks for a contract's promise grow by
// this factor there; in the plain build they stay as written.
inline bool underSanitizers() {
    return qEnvironmentVariableIsSet("ASAN_OPTIONS");
}

inline int sanitizerSlowdown() {
    return underSanitizers() ? 4 : 1;
}

} // namespace knotie::test
