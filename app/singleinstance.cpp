#include "app/singleinstance.h"

#include <QCryptographicHash>
#include <QDir>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

namespace knotie {

QString singleInstanceSocketPath() {
    const QByteArray home = QCryptographicHash::hash(QDir::homePath().toUtf8(), QCryptographicHash::Sha256);
    return QDir::temp().filePath(QStringLiteral("knotie-portal-") +
                                 QString::fromLatin1(home.toHex().left(16)));
}

// A plain Unix socket rather than QLocalSocket, which is in Qt Network: the first stage
// asks before it shows anything, and loading Qt Network would delay its first window.
bool handOverToRunningInstance() {
    const QByteArray path = QFile::encodeName(singleInstanceSocketPath());
    sockaddr_un address{};
    if (path.size() >= qsizetype(sizeof address.sun_path))
        return false;
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    // A portal too busy to accept within half a second counts as not running, as before.
    const timeval wait{0, 500000};
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &wait, sizeof wait);
    bool handedOver = false;
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0) {
        static constexpr char request[] = "activate\n";
        handedOver = ::send(fd, request, sizeof request - 1, MSG_NOSIGNAL) == qsizetype(sizeof request - 1);
    }
    ::close(fd);
    return handedOver;
}

} // namespace knotie
