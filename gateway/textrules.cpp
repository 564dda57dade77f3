#include "textrules.h"

namespace knotie::gateway::textrules {

namespace {
// Calls `visit` with each code point; an unpaired surrogate is passed as itself, so its
// category is Cs (QString::toUcs4 would turn it into U+FFFD and hide it).
template <typename Visit> void forEachCodePoint(QStringView text, Visit visit) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            visit(QChar::surrogateToUcs4(c, text.at(i + 1)));
            ++i;
        } else {
            visit(char32_t(c.unicode()));
        }
    }
}

bool hasForbiddenCharacter(QStringView text, bool lineFeedAllowed) {
    bool forbidden = false;
    forEachCodePoint(text, [&](char32_t c) {
        if (lineFeedAllowed && c == U'\n')
            return;
        const QChar::Category category = QChar::category(c);
        forbidden = forbidden || category == QChar::Other_Control || category == QChar::Other_Format ||
                    category == QChar::Other_Surrogate;
    });
    return forbidden;
}
} // namespace

qsizetype codePointCount(QStringView text) {
    qsizetype count = 0;
    forEachCodePoint(text, [&count](char32_t) { ++count; });
    return count;
}

Verdict checkName(const QString &trimmed) {
    if (trimmed.isEmpty())
        return Verdict::Empty;
    if (codePointCount(trimmed) > maximumNameLength)
        return Verdict::TooLong;
    return hasForbiddenCharacter(trimmed, false) ? Verdict::ForbiddenCharacter : Verdict::Ok;
}

Verdict checkDescription(const QString &trimmed) {
    if (codePointCount(trimmed) > maximumDescriptionLength)
        return Verdict::TooLong;
    return hasForbiddenCharacter(trimmed, true) ? Verdict::ForbiddenCharacter : Verdict::Ok;
}

} // namespace knotie::gateway::textrules
