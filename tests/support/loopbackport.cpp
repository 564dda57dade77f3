#include "tests/support/loopbackport.h"

#include <QHostAddress>
#include <QTcpServer>

namespace knotie::test {

int freeLoopbackPort() {
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool startOnLoopbackPort(int &port, const std::function<bool()> &startOnPort) {
    if (port != 0)
        return startOnPort();
    for (int attempt = 0; attempt < 3; ++attempt) {
        port = freeLoopbackPort();
        if (startOnPort())
            return true;
    }
    return false;
}

} // namespace knotie::test
