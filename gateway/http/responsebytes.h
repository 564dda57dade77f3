#pragma once

#include "gateway/http/httpmessage.h"

#include <string>

namespace knotie::gateway {

// How an answer goes out on the connection its request came on.
struct ResponseFraming {
    unsigned version = 11; // the request's HTTP minor version (10 or 11)
    bool keepAlive = false;
    bool headOnly = false; // a HEAD request: the headers a GET would get, no body
};

// Writes the answer's status line, headers and body into `out` (cleared first, its
// capacity kept): one buffer, one send. Written by hand rather than through Beast's
// serializer, which spent more per answer assembling its buffer sequence than the
// whole route did (issue 18's gateway profile).
void appendResponseBytes(const HttpResponse &response, const ResponseFraming &framing, std::string &out);

} // namespace knotie::gateway
