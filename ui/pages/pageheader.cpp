#include "ui/pages/pageheader.h"

namespace knotie {

PageHeader::PageHeader(const QString &title, QWidget *parent)
    : QLabel(title, parent) {
    setObjectName(QStringLiteral("pageTitle"));
    setAccessibleName(title);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    setFont(f);
}

} // namespace knotie
