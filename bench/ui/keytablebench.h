#pragma once

// What bench_keytable and its children (keytablechildren.cpp) agree on.
#include <chrono>

namespace knotie::bench {

inline constexpr int keytableKeyCount = 100000;

// The machine's steady clock, which the parent and its children share: a child reports the
// moment its frame was painted, so that the parent can time from before the child started.
inline long long steadyNanoseconds() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace knotie::bench
