#pragma once

#include <functional>

namespace knotie::test {

// A loopback TCP port nobody listened on a moment ago, for servers that must be told
// their port (PostgreSQL, Redis) rather than pick one. Another program may take it in
// between, so callers retry once with a new one when their server cannot listen.
int freeLoopbackPort();

// Starts a server on `port` if it has one (a restart keeps its port), else on a free
// loopback port, trying three, since another program may take one between the probe and
// the server's bind. `port` keeps the one last tried.
bool startOnLoopbackPort(int &port, const std::function<bool()> &startOnPort);

} // namespace knotie::test
