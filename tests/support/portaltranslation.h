#pragma once

#include <QCoreApplication>
#include <QTranslator>

namespace knotie::test {

// Widget tests read the portal's English texts with their plural forms ("30 seconds"),
// as the portal shows them, so they install the same translation the portal loads.
inline bool installPortalTranslation(const QString &language = QStringLiteral("en")) {
    auto *translator = new QTranslator(QCoreApplication::instance());
    return translator->load(QStringLiteral(":/i18n/knotie_") + language + QStringLiteral(".qm")) &&
           QCoreApplication::installTranslator(translator);
}

} // namespace knotie::test
