#include "models/domain/keyfields.h"

namespace knotie::keyfields {

namespace {
// Cc (controls), Cf (format characters such as bidi overrides and zero-width joiners)
// and Cs (lone surrogates, which valid UTF-16 pairs never produce as code points).
bool isForbidden(char32_t codePoint, bool allowLineFeed) {
    if (allowLineFeed && codePoint == U'\n')
        return false;
    switch (QChar::category(codePoint)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
        return true;
    default:
        return false;
    }
}

std::optional<Problem> check(const QString &text, int maxLength, bool allowEmpty, bool allowLineFeed) {
    if (!allowEmpty && text.isEmpty())
        return Problem::Empty;
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i, ++count) {
        const QChar c = text.at(i);
        char32_t cp = c.unicode();
        // A lone surrogate stays itself (category Cs); toUcs4() would hide it as U+FFFD.
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            cp = QChar::surrogateToUcs4(c, text.at(++i));
        if (isForbidden(cp, allowLineFeed))
            return Problem::ForbiddenCharacter;
    }
    if (count > maxLength)
        return Problem::TooLong;
    return std::nullopt;
}
} // namespace

QString normalized(const QString &text) {
    return text.trimmed();
}

qsizetype codePointCount(const QString &text) {
    qsizetype count = text.size();
    for (qsizetype i = 0; i + 1 < text.size(); ++i)
        if (text.at(i).isHighSurrogate() && text.at(i + 1).isLowSurrogate())
            --count, ++i;
    return count;
}

std::optional<Problem> checkName(const QString &normalizedName) {
    return check(normalizedName, maxNameLength, false, false);
}

std::optional<Problem> checkDescription(const QString &normalizedDescription) {
    return check(normalizedDescription, maxDescriptionLength, true, true);
}

} // namespace knotie::keyfields
