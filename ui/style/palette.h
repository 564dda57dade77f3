#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace knotie {

// Every colour the portal draws with beyond the style's own, by what it means. One table
// (palette.cpp) holds the portal's tone for a light window and a lighter one for a dark
// window; the neutral greys follow the QPalette in dark mode. Pages never write a colour
// literal: they ask for a role.
enum class ColorRole {
    SecondaryText,    // a quieter second line (the create dialog's "use it for")
    ErrorText,        // errors, and the destructive button's text
    WarningText,      // a warning that is not an error (no expiry)
    NoticeBackground, // the banner that says offline / from cache
    NoticeText,
    KeyActive,       // status column: working keys
    KeyExpiresSoon,  // an active key whose expiry is near
    KeyExpiring,     // rotated, in its grace period
    KeyRetired,      // revoked or expired
    KeyTypeReadOnly, // the type badges
    KeyTypeWebhook,
    KeyTypeCustomer,
    KeyTypePartner,
    ChartOk, // the usage chart's bands and lines
    ChartClientErrors,
    ChartServerErrors,
    ChartLatency,
    ChartCurrent,  // this period's line (the Overview's last 24 hours)
    ChartPrevious, // the period before, for comparison
};

// The colour of `role` against `palette`; without one, the application's.
QColor themeColor(ColorRole role, const QPalette &palette);
QColor themeColor(ColorRole role);
// "color: #rrggbb;", for a style sheet or a rich-text span.
QString colorStyle(ColorRole role);

} // namespace knotie
