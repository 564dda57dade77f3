#pragma once

#include "ui/pages/pagecontext.h"

#include <QWidget>

class QTabWidget;

namespace knotie {

class ConnectionPanel;
class EndpointBrowser;
class KeyTestPanel;

// API Reference (everyone signed in): the Platform API with copy/paste examples filled
// with this gateway's address, "Test a key" for people with settings access (others are
// told whom to ask), and the connection check.
class ApiReferencePage : public QWidget {
    Q_OBJECT
public:
    ApiReferencePage(const PageContext &context, QWidget *parent = nullptr);

    EndpointBrowser *endpoints() const { return m_endpoints; }
    KeyTestPanel *keyTest() const { return m_keyTest; } // null without settings access
    ConnectionPanel *connection() const { return m_connection; }
    void showTab(int index);

    enum Tab { EndpointsTab, TestKeyTab, ConnectionTab, SunsetTab };

private:
    void refreshValues();
    void updateKeyTestTab();

    PageContext m_context;
    QTabWidget *m_tabs;
    EndpointBrowser *m_endpoints;
    KeyTestPanel *m_keyTest = nullptr;
    ConnectionPanel *m_connection;
};

} // namespace knotie
