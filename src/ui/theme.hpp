// Fonts and colours of the interface. Sizes are CSS pixels at 100 % zoom.
#pragma once

struct ImFont;

namespace procure::ui {

inline constexpr float kBodyFontPixels = 17.0f;
inline constexpr float kSmallFontPixels = 15.0f;
inline constexpr float kHeadingFontPixels = 24.0f;

struct Fonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
    ImFont* small = nullptr;
};

enum class ThemeKind { light, dark };

// Colours the views use beyond ImGui's own style.
struct Palette {
    unsigned int text, muted, accent, surface, border;
    unsigned int phase[4];  // general, plan, source, manage
};

void apply_theme(ThemeKind kind);
const Palette& palette();

}  // namespace procure::ui
