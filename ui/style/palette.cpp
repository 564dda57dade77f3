#include "ui/style/palette.h"

#include <QGuiApplication>

namespace knotie {

namespace {
struct Tones {
    QRgb light;
    QRgb dark;        // ignored when fromPalette is set
    bool fromPalette; // dark mode: the palette's placeholder text colour
};

Tones tones(ColorRole role) {
    switch (role) {
    case ColorRole::SecondaryText:
        return {0x5f6368, 0, true};
    case ColorRole::ErrorText:
        return {0xb3261e, 0xf2b8b5, false};
    case ColorRole::WarningText:
        return {0x8a5300, 0xffb95c, false};
    case ColorRole::NoticeBackground:
        return {0xfff4e5, 0x4a3a14, false};
    case ColorRole::NoticeText:
        return {0x5c4400, 0xffe2a8, false};
    case ColorRole::KeyActive:
        return {0x2e7d32, 0x81c784, false};
    case ColorRole::KeyExpiresSoon:
        return {0xf57c00, 0xffcc80, false};
    case ColorRole::KeyExpiring:
        return {0xe65100, 0xffb74d, false};
    case ColorRole::KeyRetired:
        return {0x9e9e9e, 0, true};
    case ColorRole::KeyTypeReadOnly:
        return {0x2e7d32, 0x81c784, false};
    case ColorRole::KeyTypeWebhook:
        return {0x6a1b9a, 0xce93d8, false};
    case ColorRole::KeyTypeCustomer:
        return {0x0277bd, 0x4fc3f7, false};
    case ColorRole::KeyTypePartner:
        return {0xc62828, 0xef9a9a, false};
    case ColorRole::ChartOk:
        return {0x3b8e5a, 0x3b8e5a, false};
    case ColorRole::ChartClientErrors:
        return {0xe0a12b, 0xe0a12b, false};
    case ColorRole::ChartServerErrors:
        return {0xc63d3d, 0xc63d3d, false};
    case ColorRole::ChartLatency:
        return {0x2d5ba8, 0x7ea6e0, false};
    case ColorRole::ChartCurrent:
        return {0x2563eb, 0x60a5fa, false};
    case ColorRole::ChartPrevious:
        return {0x9aa5b1, 0, true};
    }
    return {0, 0, true};
}

bool isDark(const QPalette &palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}
} // namespace

QColor themeColor(ColorRole role, const QPalette &palette) {
    const Tones t = tones(role);
    if (!isDark(palette))
        return QColor(t.light);
    return t.fromPalette ? palette.color(QPalette::PlaceholderText) : QColor(t.dark);
}

QColor themeColor(ColorRole role) {
    return themeColor(role, QGuiApplication::palette());
}

QString colorStyle(ColorRole role) {
    return QStringLiteral("color: %1;").arg(themeColor(role).name());
}

} // namespace knotie
