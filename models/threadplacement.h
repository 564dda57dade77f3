#pragma once

// Where a thread the portal starts first runs. No Qt: the portal's launcher starts its font
// thread before Qt is loaded.
#ifdef __linux__
#include <sched.h>
#endif

namespace knotie {

// The processor the calling thread runs on, or -1 where that is not known.
inline int currentProcessor() {
#ifdef __linux__
    return sched_getcpu();
#else
    return -1;
#endif
}

// Called first thing in a thread the GUI thread started while it has work of its own, with the
// processor the GUI thread was on when it started it (currentProcessor()). Linux may queue a new
// thread on its creator's processor while another one is idle; the newcomer then preempts its
// creator, and the GUI thread stood still for 2 to 5 ms, in half of all starts, until the
// scheduler's next balancing moved one of them (docs/architecture.md, "Threads at start"). This
// moves the calling thread to another processor at once, then lets it run anywhere again.
// Returns the processor it ran on while it was kept off the creator's, or -1 when it did not
// move: it was elsewhere already, or there is no other processor to go to.
inline int leaveCreatorsProcessor(int creatorProcessor) {
#ifdef __linux__
    if (creatorProcessor < 0 || sched_getcpu() != creatorProcessor)
        return -1;
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0)
        return -1;
    cpu_set_t others = allowed;
    CPU_CLR(creatorProcessor, &others);
    if (CPU_COUNT(&others) == 0 || sched_setaffinity(0, sizeof others, &others) != 0)
        return -1;
    const int elsewhere = sched_getcpu(); // the kernel moves the thread before returning
    sched_setaffinity(0, sizeof allowed, &allowed);
    return elsewhere;
#else
    (void)creatorProcessor;
    return -1;
#endif
}

} // namespace knotie
