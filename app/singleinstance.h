#pragma once

#include <QObject>

class QLocalServer;

namespace knotie {

// One portal per person on a computer: a second start hands over to the first (which
// comes to the front) and quits, so two windows never sync the same cache at once.
class SingleInstance : public QObject {
    Q_OBJECT
public:
    explicit SingleInstance(QObject *parent = nullptr);

    // True if another portal already runs and was asked to come to the front.
    bool handOverToRunningInstance();
    // Starts listening for later starts.
    void listen();

Q_SIGNALS:
    void activationRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace knotie
