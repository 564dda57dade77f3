#pragma once

#include <QString>

#include <optional>

namespace knotie::keyfields {

// The rules API.md sets for a key's name and description, in one place: the gateway
// enforces them and the portal checks them before sending, so a person sees the same
// verdict in the dialog as from the server.
inline constexpr int maxNameLength = 64;         // Unicode code points, after trimming
inline constexpr int maxDescriptionLength = 500; // Unicode code points, after trimming

enum class Problem { Empty, TooLong, ForbiddenCharacter };

// Trims surrounding white space, as the gateway stores names and descriptions.
QString normalized(const QString &text);
qsizetype codePointCount(const QString &text);

// On the normalized text: empty, over 64 code points, or a character of category Cc, Cf or Cs.
std::optional<Problem> checkName(const QString &normalizedName);
// On the normalized text: over 500 code points, or Cc/Cf/Cs other than line feed.
std::optional<Problem> checkDescription(const QString &normalizedDescription);

} // namespace knotie::keyfields
