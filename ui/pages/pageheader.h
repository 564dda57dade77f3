#pragma once

#include <QLabel>

namespace knotie {

// The large title every page starts with.
class PageHeader : public QLabel {
    Q_OBJECT
public:
    explicit PageHeader(const QString &title, QWidget *parent = nullptr);
};

} // namespace knotie
