#pragma once

#include <QUrl>
#include <QWidget>

namespace knotie {

// API Reference → Key Expiry: what the gateway's Sunset header (RFC 8594) means, and how
// curl, Python and n8n show it, so a caller's own logs warn before its key stops working.
class SunsetPanel : public QWidget {
    Q_OBJECT
public:
    explicit SunsetPanel(const QUrl &baseUrl, QWidget *parent = nullptr);
};

} // namespace knotie
