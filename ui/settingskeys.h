#pragma once

#include <QLatin1StringView>

// Every key the portal keeps in QSettings, in one place: a renamed key loses what people
// chose, so each is written once here and read by name everywhere. Only layout and
// choices live there; never a secret, a token or a password.
namespace knotie {
// (Two namespace lines: lupdate does not read `namespace a::b`.)
namespace settingskeys {

// The sign-in dialog's last answers (app/portalcontroller.cpp).
inline constexpr QLatin1StringView gateway{"session/gateway"};
inline constexpr QLatin1StringView email{"session/email"};
inline constexpr QLatin1StringView remember{"session/remember"};
// Preferences: the language chosen, empty for the system's.
inline constexpr QLatin1StringView language{"ui/language"};

inline constexpr QLatin1StringView mainWindowGeometry{"mainWindow/geometry"};
inline constexpr QLatin1StringView mainWindowPage{"mainWindow/page"}; // a pageSlug()
inline constexpr QLatin1StringView createKeyDialogGeometry{"createKeyDialog/geometry"};
inline constexpr QLatin1StringView customersHeader{"customers/header"};
inline constexpr QLatin1StringView customersSplitter{"customers/splitter"};
inline constexpr QLatin1StringView analyticsRange{"analytics/range"};
inline constexpr QLatin1StringView analyticsSplitter{"analytics/splitter"};
inline constexpr QLatin1StringView apiKeysHeader{"apiKeys/tableHeader"};
inline constexpr QLatin1StringView apiKeysShowRetired{"apiKeys/showRetired"};

} // namespace settingskeys
} // namespace knotie
