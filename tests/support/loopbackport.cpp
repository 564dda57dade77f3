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

} // namespace knotie::test
