#include "ui/pages/accessdeniedpage.h"

#include "ui/pages/pageheader.h"
#include "ui/style/metrics.h"

#include <QLabel>
#include <QVBoxLayout>

namespace knotie {

AccessDeniedPage::AccessDeniedPage(const QString &title, const QString &message, QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("accessDenied"));
    auto *text = new QLabel(message, this);
    text->setObjectName(QStringLiteral("accessDeniedMessage"));
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(pageMargins);
    layout->addWidget(new PageHeader(title, this));
    layout->addWidget(text);
    layout->addStretch();
}

} // namespace knotie
