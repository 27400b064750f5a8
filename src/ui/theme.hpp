// Fonts and colours of the interface. Sizes are CSS pixels at 100 % zoom.
#pragma once

#include <string>
#include <vector>

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
    unsigned int text, muted, accent, surface, border, highlight, danger;
    unsigned int phase[4];   // general, plan, source, manage
    unsigned int status[4];  // not started, in tender, verified, not applicable
};

void apply_theme(ThemeKind kind);

// Every pairing of text colour and background colour the views draw, with translucent backgrounds
// (badges, search highlights) already composited onto what lies beneath, as 0xRRGGBB. The browser
// test computes the WCAG contrast ratio of each, in both themes.
struct ColourPair {
    std::string name;
    unsigned int text, background;
};
std::vector<ColourPair> text_colour_pairs();
ThemeKind current_theme();
const Palette& palette();

// The fonts of the current atlas, set by the app whenever it rebuilds them.
void set_fonts(const Fonts& fonts);
const Fonts& fonts();

}  // namespace procure::ui
