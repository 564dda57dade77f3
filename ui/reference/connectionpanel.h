#pragma once

#include "models/network/connectioncheck.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace knotie {

// The gateway address and "Check connection": which of the ways a connection fails this
// is (wrong address, unreachable, certificate, plain http, not a Knotie gateway), the
// address to use instead when the check found one, and the proxy the system settings
// choose for it.
class ConnectionPanel : public QWidget {
    Q_OBJECT
public:
    ConnectionPanel(QNetworkAccessManager *network, const QUrl &gateway, QWidget *parent = nullptr);

    void check();

Q_SIGNALS:
    void checked(const knotie::ConnectionCheck::Result &result);

private:
    void showResult(const ConnectionCheck::Result &result);

    ConnectionCheck *m_check;
    QLineEdit *m_address;
    QPushButton *m_run;
    QLabel *m_result;
    QLabel *m_proxy;
    QLabel *m_suggestion; // "Use http://…": the address the check found instead
};

} // namespace knotie
