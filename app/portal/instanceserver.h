#pragma once

#include <QObject>

class QLocalServer;

namespace knotie {

// The running portal's side of app/singleinstance.h: listens at its socket path and reports
// each later start, which has then quit.
class InstanceServer : public QObject {
    Q_OBJECT
public:
    explicit InstanceServer(QObject *parent = nullptr);
    void listen();

Q_SIGNALS:
    void activationRequested();

private:
    QLocalServer *m_server = nullptr;
};

} // namespace knotie
