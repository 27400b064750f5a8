// The TTF fonts the page hands over (Noto Sans, subset at build time), rasterised by ImGui at the
// screen's device pixel ratio so text stays crisp on high-DPI screens and under browser zoom.
#pragma once

#include <cstdint>
#include <vector>

#include "ui/theme.hpp"

namespace procure::app {

class FontAtlas {
public:
    enum Face { regular = 0, bold = 1 };

    void set_face(int face, const std::uint8_t* data, std::size_t size);
    // Rebuilds the atlas when the pixel ratio, the text scale or the font data changed; true if it did.
    // `text_scale` is the reader's default font size over the usual 16 px (browser settings).
    bool update(float pixel_ratio, float text_scale);
    const ui::Fonts& fonts() const { return fonts_; }

private:
    std::vector<std::uint8_t> faces_[2];
    float built_ratio_ = 0.0f;
    float built_scale_ = 0.0f;
    bool dirty_ = true;
    ui::Fonts fonts_;
};

}  // namespace procure::app
