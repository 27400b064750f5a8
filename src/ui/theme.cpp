#include "theme.hpp"

#include <imgui.h>

namespace procure::ui {
namespace {

Palette g_palette{};
Fonts g_fonts{};
ThemeKind g_kind = ThemeKind::light;

ImVec4 rgb(unsigned int hex, float alpha = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f, static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                  static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}

unsigned int packed(unsigned int hex) { return ImGui::ColorConvertFloat4ToU32(rgb(hex)); }

unsigned int hex_of(const ImVec4& c) {
    auto channel = [](float v) { return static_cast<unsigned int>(v * 255.0f + 0.5f) & 0xFF; };
    return channel(c.x) << 16 | channel(c.y) << 8 | channel(c.z);
}

// `top` drawn with its alpha over the opaque `below`.
ImVec4 over(const ImVec4& top, const ImVec4& below) {
    const float a = top.w;
    return ImVec4(top.x * a + below.x * (1 - a), top.y * a + below.y * (1 - a), top.z * a + below.z * (1 - a), 1.0f);
}

}  // namespace

void apply_theme(ThemeKind kind) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(20, 16);
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 14;
    style.FrameRounding = 6;
    style.ChildRounding = 8;
    style.PopupRounding = 6;
    style.GrabRounding = 6;
    style.TabRounding = 6;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.FrameBorderSize = 1;  // inputs and checkboxes need a visible edge

    g_kind = kind;
    const bool light = kind == ThemeKind::light;
    const unsigned int bg = light ? 0xF6F7F9 : 0x14181F;
    const unsigned int surface = light ? 0xFFFFFF : 0x1D232C;
    const unsigned int text = light ? 0x1B2330 : 0xE6E9EE;
    const unsigned int muted = light ? 0x4B5668 : 0xA9B2C0;
    const unsigned int accent = light ? 0x1F5FAE : 0x7FB0F0;
    const unsigned int border = light ? 0xD5DAE1 : 0x333C48;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = rgb(text);
    c[ImGuiCol_TextDisabled] = rgb(muted);
    c[ImGuiCol_WindowBg] = rgb(bg);
    c[ImGuiCol_ChildBg] = rgb(surface);
    c[ImGuiCol_PopupBg] = rgb(surface);
    c[ImGuiCol_Border] = rgb(border);
    c[ImGuiCol_FrameBg] = rgb(light ? 0xEDF0F4 : 0x262D38);
    c[ImGuiCol_FrameBgHovered] = rgb(light ? 0xE2E7EE : 0x2F3846);
    c[ImGuiCol_FrameBgActive] = rgb(light ? 0xD7DEE8 : 0x384354);
    c[ImGuiCol_Button] = rgb(light ? 0xE6ECF5 : 0x263447);
    c[ImGuiCol_ButtonHovered] = rgb(light ? 0xD3DFF0 : 0x2F4260);
    c[ImGuiCol_ButtonActive] = rgb(light ? 0xBFD1EA : 0x30436A);
    c[ImGuiCol_Header] = rgb(light ? 0xE6ECF5 : 0x263447);
    c[ImGuiCol_HeaderHovered] = rgb(light ? 0xD9E4F3 : 0x2C3D57);
    c[ImGuiCol_HeaderActive] = rgb(light ? 0xC9D8EE : 0x344A6B);
    c[ImGuiCol_CheckMark] = rgb(accent);
    c[ImGuiCol_SliderGrab] = rgb(accent);
    c[ImGuiCol_ScrollbarBg] = rgb(bg);
    c[ImGuiCol_ScrollbarGrab] = rgb(light ? 0xC3CAD4 : 0x3A4452);
    c[ImGuiCol_Separator] = rgb(border);
    c[ImGuiCol_TableHeaderBg] = rgb(light ? 0xEDF0F4 : 0x232A34);
    c[ImGuiCol_TableBorderStrong] = rgb(border);
    c[ImGuiCol_TableBorderLight] = rgb(border);
    c[ImGuiCol_TableRowBgAlt] = rgb(light ? 0xF8F9FB : 0x1A2029);
    c[ImGuiCol_NavHighlight] = rgb(accent);
    c[ImGuiCol_TextSelectedBg] = rgb(accent, 0.30f);

    g_palette.text = packed(text);
    g_palette.muted = packed(muted);
    g_palette.accent = packed(accent);
    g_palette.surface = packed(surface);
    g_palette.border = packed(border);
    const unsigned int phases_light[4] = {0x5A4FCF, 0x1B66A5, 0x0C6E53, 0x9C4E0B};  // 4.5:1 on their badge tint
    const unsigned int phases_dark[4] = {0xB3ABFF, 0x86BDF0, 0x6FD3B0, 0xF2A86B};
    for (int i = 0; i < 4; ++i) g_palette.phase[i] = packed(light ? phases_light[i] : phases_dark[i]);
    const unsigned int status_light[4] = {0x5B6475, 0x8F5400, 0x187034, 0x6B5B95};
    const unsigned int status_dark[4] = {0xA9B2C0, 0xF0B45A, 0x6FD08C, 0xB8A9E6};
    for (int i = 0; i < 4; ++i) g_palette.status[i] = packed(light ? status_light[i] : status_dark[i]);
    g_palette.highlight = ImGui::ColorConvertFloat4ToU32(rgb(light ? 0xFFE066 : 0x8A6D00, light ? 0.75f : 0.85f));
    g_palette.danger = packed(light ? 0xB3261E : 0xFF8A80);
}

std::vector<ColourPair> text_colour_pairs() {
    const ImVec4* c = ImGui::GetStyle().Colors;
    auto f = [](unsigned int packed_colour) { return ImGui::ColorConvertU32ToFloat4(packed_colour); };
    const ImVec4 text = c[ImGuiCol_Text], muted = c[ImGuiCol_TextDisabled];
    const ImVec4 surface = f(g_palette.surface), bg = c[ImGuiCol_WindowBg];
    std::vector<ColourPair> pairs;
    auto add = [&](std::string name, const ImVec4& fg, const ImVec4& back) { pairs.push_back({std::move(name), hex_of(fg), hex_of(back)}); };
    for (auto [name, back] : {std::pair{"window", bg}, {"pane", surface}, {"field", c[ImGuiCol_FrameBg]}, {"button", c[ImGuiCol_Button]},
                              {"button hovered", c[ImGuiCol_ButtonHovered]}, {"button pressed", c[ImGuiCol_ButtonActive]},
                              {"selected row", c[ImGuiCol_Header]}, {"table header", c[ImGuiCol_TableHeaderBg]},
                              {"table row", over(c[ImGuiCol_TableRowBgAlt], surface)}}) {
        add(std::string("text on ") + name, text, back);
        add(std::string("muted text on ") + name, muted, back);
    }
    add("link on pane", c[ImGuiCol_CheckMark], surface);
    add("warning text on pane", f(g_palette.danger), surface);
    add("warning text on window", f(g_palette.danger), bg);
    add("text on search highlight", text, over(f(g_palette.highlight), surface));
    add("text on notice", text, over(f(g_palette.highlight), bg));
    static const char* phases[4] = {"general", "plan", "source", "manage"};
    static const char* statuses[4] = {"not started", "in tender", "verified", "not applicable"};
    for (int i = 0; i < 4; ++i) {
        // badge(): the colour as text on a 14 % tint of itself (widgets.cpp)
        const ImVec4 phase = f(g_palette.phase[i]), status = f(g_palette.status[i]);
        add(std::string("phase badge ") + phases[i], phase, over(ImVec4(phase.x, phase.y, phase.z, 0.14f), surface));
        add(std::string("phase text on window ") + phases[i], phase, bg);
        add(std::string("phase text on pane ") + phases[i], phase, surface);  // matrix rows, guide headings
        add(std::string("status badge ") + statuses[i], status, over(ImVec4(status.x, status.y, status.z, 0.14f), surface));
        add(std::string("chosen status button ") + statuses[i], surface, status);  // detail_view.cpp
    }
    return pairs;
}

const Palette& palette() { return g_palette; }
ThemeKind current_theme() { return g_kind; }
void set_fonts(const Fonts& f) { g_fonts = f; }
const Fonts& fonts() { return g_fonts; }

}  // namespace procure::ui
