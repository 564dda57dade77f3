#pragma once

#include <QWidget>

namespace knotie {

// A page that is not built yet: its title and one sentence of what it will hold, so
// the navigation is complete from the first day.
class PlaceholderPage : public QWidget {
    Q_OBJECT
public:
    PlaceholderPage(const QString &title, const QString &description, QWidget *parent = nullptr);
};

} // namespace knotie
