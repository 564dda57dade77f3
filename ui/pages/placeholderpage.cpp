#include "ui/pages/placeholderpage.h"

#include "ui/pages/pageheader.h"

#include <QLabel>
#include <QVBoxLayout>

namespace knotie {

PlaceholderPage::PlaceholderPage(const QString &title, const QString &description, QWidget *parent)
    : QWidget(parent) {
    auto *text = new QLabel(description, this);
    text->setWordWrap(true);
    text->setObjectName(QStringLiteral("pageDescription"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->addWidget(new PageHeader(title, this));
    layout->addWidget(text);
    layout->addStretch();
}

} // namespace knotie
