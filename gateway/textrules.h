#pragma once

#include <QString>
#include <QStringView>

namespace knotie::gateway::textrules {

// Names and descriptions of keys (API.md, POST /v1/keys): stored trimmed of surrounding
// white space and measured after trimming in Unicode code points, not UTF-16 units, so
// an emoji counts once.
enum class Verdict { Ok, Empty, TooLong, ForbiddenCharacter };

// Control (Cc), format (Cf) and unpaired surrogate (Cs) characters are refused: they
// hide text, reorder it (bidirectional overrides) or break other programs' displays.
Verdict checkName(const QString &trimmed);
// Line feeds are allowed in descriptions (and only they, of the Cc characters); an
// empty description is no description.
Verdict checkDescription(const QString &trimmed);

qsizetype codePointCount(QStringView text);

inline constexpr qsizetype maximumNameLength = 64;
inline constexpr qsizetype maximumDescriptionLength = 500;

} // namespace knotie::gateway::textrules
