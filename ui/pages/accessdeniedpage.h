#pragma once

#include <QWidget>

namespace knotie {

// What a person sees who reached a screen they may not use (a stale shortcut, a window
// left open while the owner took a permission away): why, and whom to ask. Never a raw error.
class AccessDeniedPage : public QWidget {
    Q_OBJECT
public:
    AccessDeniedPage(const QString &title, const QString &message, QWidget *parent = nullptr);
};

} // namespace knotie
