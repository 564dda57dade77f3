#include "app/portal/instanceserver.h"

#include "app/singleinstance.h"

#include <QLocalServer>
#include <QLocalSocket>

namespace knotie {

InstanceServer::InstanceServer(QObject *parent)
    : QObject(parent)
    , m_server(new QLocalServer(this)) {
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            Q_EMIT activationRequested();
        }
    });
}

void InstanceServer::listen() {
    const QString path = singleInstanceSocketPath();
    if (!m_server->listen(path)) {
        // A portal that crashed leaves its socket file behind: take it over.
        QLocalServer::removeServer(path);
        m_server->listen(path);
    }
}

} // namespace knotie
