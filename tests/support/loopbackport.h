#pragma once

namespace knotie::test {

// A loopback TCP port nobody listened on a moment ago, for servers that must be told
// their port (PostgreSQL, Redis) rather than pick one. Another program may take it in
// between, so callers retry once with a new one when their server cannot listen.
int freeLoopbackPort();

} // namespace knotie::test
