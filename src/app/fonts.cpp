#include "fonts.hpp"

#include <cstring>

#include <imgui.h>
#include <imgui_impl_opengl3.h>

namespace procure::app {
namespace {

// The blocks that may hold the characters the build keeps in the subset font (tools/font-characters.py);
// ImGui skips the ones the subset does not have.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x007E, 0x00A0, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF,
    0x2000, 0x206F, 0x20AC, 0x20AC, 0x2190, 0x2193, 0,
};

ImFont* add_face(const std::vector<std::uint8_t>& data, float pixels, float ratio) {
    ImGuiIO& io = ImGui::GetIO();
    if (data.empty()) {
        ImFontConfig config;
        config.SizePixels = pixels * ratio;
        return io.Fonts->AddFontDefault(&config);
    }
    // ImGui frees the buffer it is given, so it gets its own copy.
    void* copy = IM_ALLOC(data.size());
    std::memcpy(copy, data.data(), data.size());
    ImFontConfig config;
    config.OversampleH = 1;  // rasterised at the real pixel size already
    config.PixelSnapH = true;
    return io.Fonts->AddFontFromMemoryTTF(copy, static_cast<int>(data.size()), pixels * ratio, &config, kGlyphRanges);
}

}  // namespace

void FontAtlas::set_face(int face, const std::uint8_t* data, std::size_t size) {
    if (face < 0 || face > 1) return;
    faces_[face].assign(data, data + size);
    dirty_ = true;
}

bool FontAtlas::update(float pixel_ratio, float text_scale) {
    if (!dirty_ && pixel_ratio == built_ratio_ && text_scale == built_scale_) return false;
    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    io.Fonts->Clear();
    fonts_.body = add_face(faces_[regular], ui::kBodyFontPixels * text_scale, pixel_ratio);
    fonts_.bold = add_face(faces_[bold], ui::kBodyFontPixels * text_scale, pixel_ratio);
    fonts_.heading = add_face(faces_[bold], ui::kHeadingFontPixels * text_scale, pixel_ratio);
    fonts_.small = add_face(faces_[regular], ui::kSmallFontPixels * text_scale, pixel_ratio);
    io.Fonts->Build();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    // Glyphs are rasterised at physical pixels; ImGui lays out in CSS pixels.
    io.FontGlobalScale = 1.0f / pixel_ratio;
    io.FontDefault = fonts_.body;
    built_ratio_ = pixel_ratio;
    built_scale_ = text_scale;
    dirty_ = false;
    return true;
}

}  // namespace procure::app
