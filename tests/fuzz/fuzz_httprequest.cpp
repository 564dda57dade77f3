// libFuzzer target: the bytes a connection receives, cut into reads as a network would,
// through RequestReader, the gateway's one parser of requests. Small limits make every
// limit reachable; a finding is a crash, a sanitizer report, a buffer over its bound or
// budget that is never given back.

#include "gateway/http/requestreader.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

using namespace knotie::gateway;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size < 2)
        return 0;
    HttpLimits limits;
    limits.maxBodyBytes = 4096;
    limits.maxHeaderBytes = 1024;
    limits.maxFramingBytes = 2048;
    limits.bodyBudgetBytes = 256u << (data[1] % 8); // 256 B .. 32 KiB: busy is reachable
    // The first byte says how many bytes each read brings: 1..64, or all at once.
    const std::size_t readSize = data[0] == 0xff ? size : (data[0] % 64) + 1;
    const auto *bytes = reinterpret_cast<const char *>(data + 2);
    const std::size_t length = size - 2;

    BodyBudget budget(limits.bodyBudgetBytes);
    {
        RequestReader reader(limits, budget);
        std::size_t at = 0;
        bool refused = false;
        while (!refused) {
            const std::size_t n = std::min(readSize, length - at);
            auto step = n > 0 ? reader.receive(bytes + at, n) : reader.endOfStream();
            at += n;
            // Every request the bytes hold, as a connection answers them one after another.
            while (step == RequestReader::Step::Ready) {
                ReadRequest read = reader.takeRequest();
                if (static_cast<std::size_t>(read.request.body.size()) > limits.maxBodyBytes ||
                    read.reservation.bytes() > limits.maxBodyBytes)
                    std::abort();
                step = reader.resume();
            }
            refused = step == RequestReader::Step::Refused;
            // Held: the body, the unparsed input (framing and one read) and their growth slack.
            if (reader.heldBytes() > 2 * (limits.maxBodyBytes + limits.maxFramingBytes + readSize) + 64)
                std::abort();
            if (n == 0)
                break;
        }
        if (refused && (reader.refusal().status < 400 || reader.refusal().status > 599))
            std::abort();
    }
    if (budget.inUse() != 0)
        std::abort();
    return 0;
}
